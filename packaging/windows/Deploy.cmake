# SPDX-License-Identifier: GPL-3.0-or-later
# windeployqt step for the Windows installer, included by packaging/CMakeLists.txt on WIN32
# when the console is built. At install time (and so inside `cpack`) it copies the Qt DLLs,
# plugins (platforms, styles, tls, sqldrivers) and Qt's translations next to the executables.
# The PostgreSQL driver needs libpq.dll and OpenSSL's DLLs as well: put their directories on
# PATH before running cpack, or copy them into bin/ (documented in packaging/README.md).
get_target_property(_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(_qt_bin "${_qmake}" DIRECTORY)
find_program(GERBANG_WINDEPLOYQT windeployqt HINTS "${_qt_bin}" REQUIRED)
install(CODE "
  message(STATUS \"windeployqt: deploying Qt next to gerbang.exe, gerbangd.exe, gerbangctl.exe\")
  execute_process(
    COMMAND \"${GERBANG_WINDEPLOYQT}\" --release --compiler-runtime --no-quick-import
            --dir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\"
            \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/gerbang.exe\"
            \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/gerbangd.exe\"
            \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/gerbangctl.exe\"
    RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR \"windeployqt failed: \${_rc}\")
  endif()
" COMPONENT gerbang)
