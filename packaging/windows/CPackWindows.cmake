# SPDX-License-Identifier: GPL-3.0-or-later
# Windows installer (NSIS), included by packaging/CPack.cmake on WIN32. NOT buildable on the
# Linux build machine; see packaging/README.md ("Windows") for the steps on a Windows host:
#   cmake -S . -B build-win -G "Visual Studio 17 2022" -DCMAKE_PREFIX_PATH=C:/Qt/6.4.2/msvc2019_64
#         -DGERBANG_BUILD_TESTS=OFF
#   cmake --build build-win --config Release
#   cd build-win && cpack -G NSIS -C Release
# The install step runs windeployqt (packaging/windows/Deploy.cmake), so the installer holds
# the Qt DLLs, the platform and SQL driver plugins and the translations next to gerbang.exe.
set(CPACK_GENERATOR "NSIS")
set(CPACK_NSIS_PACKAGE_NAME "Gerbang ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "Gerbang")
# An installer icon (CPACK_NSIS_MUI_ICON) needs a .ico made from resources/icons/gerbang.svg.
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\gerbang.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON) # offers to put gerbangctl on PATH
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_PACKAGE_EXECUTABLES "gerbang" "Gerbang")
set(CPACK_CREATE_DESKTOP_LINKS "gerbang")
# One installer with both components to choose from; the data in %LOCALAPPDATA%\gerbang
# (database, master.key) is never touched by the uninstaller.
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
    "MessageBox MB_OK 'Your data in %LOCALAPPDATA%\\\\gerbang (database and master.key) was kept. Delete it yourself when you no longer need it.'")
