# Packaging: the Debian package (cpack -G DEB). The Windows installer is not made by CPack: see
# installer/windows/tucai.nsi and scripts/windows/build.sh (cross build, own deployment).
set(CPACK_PACKAGE_NAME "tucai-admin")
set(CPACK_PACKAGE_VENDOR "Tucai")
set(CPACK_PACKAGE_CONTACT "Tucai Admin maintainers <admin@tucai.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Staff desktop tool for graduation ID-photo collection (图采管理端)")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Tucai Admin")
set(CPACK_STRIP_FILES ON)

if(NOT WIN32)
  set(CPACK_GENERATOR "DEB")
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  # Loaded at run time (plugins, data), so shlibdeps cannot see them.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6sql6-psql, qt6-qpa-plugins, libqt6svg6, fonts-noto-cjk")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, gnome-keyring")
endif()
include(CPack)
