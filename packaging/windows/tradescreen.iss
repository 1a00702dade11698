; Inno Setup 6 script: a per-user installer for the PyInstaller bundle (no administrator rights).
;
;   python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\tradescreen.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\tradescreen.iss
;   -> dist\installer\TradeScreen-0.1.0-setup.exe
;
; The user's data (database, settings) lives in platformdirs' user_data_dir,
; %LOCALAPPDATA%\TradeScreen\TradeScreen, outside the install folder {app}. The uninstaller only
; removes what it installed, so it keeps the database: screenings, decisions and imported list
; releases survive an uninstall and a reinstall or upgrade.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "TradeScreen"
#define BundleDir "..\..\dist\tradescreen"

[Setup]
; Never change AppId: upgrades and the uninstaller find earlier installs by it.
AppId={{634B9C1D-3F1C-487D-8778-0165E581B7A5}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; VersionInfoVersion needs digits only (1.2.3): pass a release version, not 1.2.3rc1.
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\tradescreen.exe
UninstallDisplayName={#AppName}
SetupIconFile=..\..\resources\icons\tradescreen.ico
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
OutputDir=..\..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no stale libraries from the previous version.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\tradescreen.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\tradescreen.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\tradescreen.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
