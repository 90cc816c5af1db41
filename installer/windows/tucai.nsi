; Windows installer of Tucai Admin (NSIS 3, Unicode). Built by scripts/windows/build.sh:
;   makensis -DVERSION=0.1.0 -DSTAGE=<staged folder> -DOUTFILE=<setup.exe> -DFILELIST=<files.nsh> tucai.nsi
; Installs into a folder named TucaiAdmin: under Program Files for an administrator, under the
; user's own programs folder (%LOCALAPPDATA%\Programs) without administrator rights; /AllUsers or
; /CurrentUser choose explicitly, /S installs silently. The uninstaller removes the program's own
; files and keeps the user's data (%LOCALAPPDATA%\Tucai: databases, logs; HKCU\Software\Tucai).
Unicode true
; A 64-bit installer: it installs 64-bit programs only, and Wine's 64-bit prefix runs it as is.
Target amd64-unicode
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION not defined"
!endif
!define PRODUCT "Tucai Admin"
!define PRODUCT_ZH "图采管理端"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\TucaiAdmin"

Name "${PRODUCT} ${PRODUCT_ZH}"
OutFile "${OUTFILE}"
BrandingText "${PRODUCT} ${VERSION}"

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "TucaiAdmin"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINST_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINST_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!include MultiUser.nsh
!include MUI2.nsh
!include x64.nsh

!define MUI_ICON "${STAGE}\tucai.ico"
!define MUI_UNICON "${STAGE}\tucai.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\tucai-admin.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString ShortcutName ${LANG_SIMPCHINESE} "图采管理端"
LangString ShortcutName ${LANG_ENGLISH} "Tucai Admin"
LangString UninstallName ${LANG_SIMPCHINESE} "卸载图采管理端"
LangString UninstallName ${LANG_ENGLISH} "Uninstall Tucai Admin"
LangString Needs64 ${LANG_SIMPCHINESE} "图采管理端需要 64 位 Windows。"
LangString Needs64 ${LANG_ENGLISH} "Tucai Admin needs 64-bit Windows."

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Needs64)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "Tucai Admin" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${STAGE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${PRODUCT}"
  CreateShortCut "$SMPROGRAMS\${PRODUCT}\$(ShortcutName).lnk" "$INSTDIR\tucai-admin.exe" "" "$INSTDIR\tucai.ico"
  CreateShortCut "$SMPROGRAMS\${PRODUCT}\$(UninstallName).lnk" "$INSTDIR\uninstall.exe"

  ; SHCTX is HKLM for all users, HKCU for one user (set by MultiUser).
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${PRODUCT} ${PRODUCT_ZH}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "Tucai"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\tucai.ico"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; Only what the installer put there (the list is generated from the staged folder), so a folder
  ; the user chose that held other files keeps them; the user's data lives elsewhere and stays.
  !include "${FILELIST}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}\$(ShortcutName).lnk"
  Delete "$SMPROGRAMS\${PRODUCT}\$(UninstallName).lnk"
  RMDir "$SMPROGRAMS\${PRODUCT}"
  DeleteRegKey SHCTX "${UNINST_KEY}"
SectionEnd
