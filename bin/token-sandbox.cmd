@echo off
rem token-sandbox for Windows: as bin/token-sandbox (a CDS archive made on first use, per jar
rem build, under %USERPROFILE%\.token-sandbox\cds). Not exercised on the project's Linux CI.
setlocal
set "HERE=%~dp0.."
if "%TOKEN_SANDBOX_JAR%"=="" (set "JAR=%HERE%\tools\target\token-sandbox.jar") else (set "JAR=%TOKEN_SANDBOX_JAR%")
if not exist "%JAR%" (echo token-sandbox: %JAR% not found; build it first: mvnw -B install -DskipTests 1>&2 & exit /b 2)
set "JAVA=java"
if not "%JAVA_HOME%"=="" set "JAVA=%JAVA_HOME%\bin\java"
set "OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
set "KIND=cli"
rem serve's options: line 1 of bin\serve.jvm-options (shared with bin/token-sandbox and the image)
if /i "%~1"=="serve" (set /p OPTS=<"%HERE%\bin\serve.jvm-options" & set "KIND=serve")
for %%F in ("%JAR%") do set "SIZE=%%~zF"
set "DIR=%USERPROFILE%\.token-sandbox\cds"
set "ARCHIVE=%DIR%\token-sandbox-%KIND%-%SIZE%.jsa"
set "QUIET=-Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
if exist "%ARCHIVE%" (
  "%JAVA%" %QUIET% -XX:SharedArchiveFile="%ARCHIVE%" %OPTS% -jar "%JAR%" %*
  exit /b %ERRORLEVEL%
)
if not exist "%DIR%" mkdir "%DIR%" 2>nul
"%JAVA%" %QUIET% -XX:ArchiveClassesAtExit="%ARCHIVE%.tmp" %OPTS% -jar "%JAR%" %*
set RC=%ERRORLEVEL%
if exist "%ARCHIVE%.tmp" move /y "%ARCHIVE%.tmp" "%ARCHIVE%" >nul
exit /b %RC%
