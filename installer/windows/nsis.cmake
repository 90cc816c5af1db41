# NSIS details for the Windows installer. The Qt runtime is deployed by the script that
# qt_generate_deploy_app_script() writes (see app/CMakeLists.txt), run at install time.
set(CPACK_NSIS_DISPLAY_NAME "Tucai Admin 图采管理端")
set(CPACK_NSIS_PACKAGE_NAME "Tucai Admin")
set(CPACK_NSIS_MUI_ICON "${CMAKE_SOURCE_DIR}/installer/windows/tucai.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\tucai-admin.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
# Start-menu shortcut. The uninstaller removes program files only: user settings
# (registry HKCU\Software\Tucai) and the demo database in %LOCALAPPDATA% are kept.
set(CPACK_PACKAGE_EXECUTABLES "tucai-admin" "Tucai Admin 图采管理端")
set(CPACK_NSIS_CREATE_ICONS_EXTRA
  "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Tucai Admin.lnk' '$INSTDIR\\\\bin\\\\tucai-admin.exe'")
set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$SMPROGRAMS\\\\$START_MENU\\\\Tucai Admin.lnk'")
