# SPDX-License-Identifier: GPL-3.0-or-later
# Package generation (`cmake --build BUILD --target package`, or `cpack` in BUILD). Included
# last from the top-level CMakeLists.txt, after packaging/CMakeLists.txt has set
# GERBANG_PACKAGE_COMPONENTS (gerbangd, plus gerbang when the console is built).
#
# Linux: one Debian package per component (packaging/README.md explains the split).
# Windows: packaging/windows/CPackWindows.cmake (NSIS), not buildable on Linux.

set(CPACK_PACKAGE_NAME "gerbang")
set(CPACK_PACKAGE_VENDOR "The Gerbang authors")
set(CPACK_PACKAGE_CONTACT "Gerbang Maintainers <maintainers@gerbang.example.org>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_LIST_DIR}/CPackProjectConfig.cmake")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://gerbang.example.org/")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Gerbang")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL ${GERBANG_PACKAGE_COMPONENTS})
set(CPACK_COMPONENTS_GROUPING IGNORE) # one package per component

include(CPackComponent)
cpack_add_component(gerbangd DISPLAY_NAME "Gerbang service (gerbangd, gerbangctl)"
  DESCRIPTION "Headless webhook gateway service and its admin command line")
if("gerbang" IN_LIST GERBANG_PACKAGE_COMPONENTS)
  cpack_add_component(gerbang DISPLAY_NAME "Gerbang console"
    DESCRIPTION "Desktop console with the embedded gateway engine")
endif()

if(WIN32)
  include(${CMAKE_CURRENT_LIST_DIR}/windows/CPackWindows.cmake)
else()
  if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    message(STATUS "Packages from this build install below ${CMAKE_INSTALL_PREFIX}; Debian "
                   "packages need -DCMAKE_INSTALL_PREFIX=/usr (packaging/build-deb.sh sets it)")
  endif()
  set(CPACK_GENERATOR "DEB")
  set(CPACK_DEB_COMPONENT_INSTALL ON)
  set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_RELEASE "${GERBANG_DEBIAN_REVISION}")
  set(CPACK_DEBIAN_PACKAGE_SOURCE "gerbang")
  set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
  set(CPACK_DEBIAN_PACKAGE_SECTION "net")
  set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
  # Shared-library dependencies found by dpkg-shlibdeps (Qt, OpenSSL, libc, libstdc++)...
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

  # gerbangd: the service. ...plus the Qt SQL driver plugins, which are loaded at run time and
  # therefore invisible to dpkg-shlibdeps, and adduser for the postinst.
  set(CPACK_DEBIAN_GERBANGD_PACKAGE_NAME "gerbangd")
  set(CPACK_DEBIAN_GERBANGD_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite, libqt6sql6-psql")
  set(CPACK_DEBIAN_GERBANGD_DESCRIPTION
"on-premise webhook gateway service and admin tool
Gerbang receives webhooks from WhatsApp Cloud API, Stripe, Midtrans, Xendit,
Standard Webhooks and generic HMAC senders, verifies each signature over the
raw bytes, routes events to tenants, deduplicates provider retries, stores
payloads encrypted and durably and audits every request before answering.

This package contains the headless service gerbangd with a hardened systemd
unit running as the gerbang system user, the admin tool gerbangctl and the
configuration file /etc/gerbang/gerbang.ini. Data is kept in
/var/lib/gerbang, which is not removed on purge.")
  # Maintainer scripts and the conffiles list, configured by packaging/CMakeLists.txt.
  set(CPACK_DEBIAN_GERBANGD_PACKAGE_CONTROL_EXTRA "${GERBANG_DEBIAN_CONTROL_EXTRA}")

  # gerbang: the desktop console. It embeds the engine (linked statically), so it does not
  # need gerbangd; it only suggests it, because gerbangd starts a system service that a
  # desktop user may not want (and both default to port 8080).
  set(CPACK_DEBIAN_GERBANG_PACKAGE_NAME "gerbang")
  # The X11 platform plugin comes with libqt6gui6 (shlibdeps); Wayland's and the Indonesian
  # translations of Qt's own dialogs are recommended. Plugins the console loads at run time
  # (SQL drivers; image formats if it uses them) must be listed here.
  set(CPACK_DEBIAN_GERBANG_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
  # A keyring for the admin tokens of saved connections (QtKeychain: Secret Service or KWallet).
  set(CPACK_DEBIAN_GERBANG_PACKAGE_RECOMMENDS
      "qt6-wayland, qt6-translations-l10n, gnome-keyring | kwalletmanager")
  set(CPACK_DEBIAN_GERBANG_PACKAGE_SUGGESTS "gerbangd")
  set(CPACK_DEBIAN_GERBANG_DESCRIPTION
"desktop console of the Gerbang webhook gateway
Gerbang receives webhooks from WhatsApp Cloud API, Stripe, Midtrans, Xendit,
Standard Webhooks and generic HMAC senders, verifies, deduplicates, stores
and audits them.

This package contains the desktop console gerbang (English and Indonesian)
with the embedded gateway engine: dashboard, tenants, sources and secrets,
audit log, alerts and settings. For a headless server install gerbangd.")
endif()

include(CPack)
