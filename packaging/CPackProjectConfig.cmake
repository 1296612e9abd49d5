# SPDX-License-Identifier: GPL-3.0-or-later
# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "DEB")
  # Each Debian package's summary is the first line of its CPACK_DEBIAN_<COMPONENT>_DESCRIPTION.
  # CPackDeb puts any non-default project-wide summary (taken from project(DESCRIPTION)) in
  # front of it, so the default is restored here.
  set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
