<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AccountActions</name>
        <message>
            <source>Unlock liveness lock</source>
            <translation>Unlock liveness lock</translation>
        </message>
        <message>
            <source>Lift cooling-off</source>
            <translation>Lift cooling-off</translation>
        </message>
        <message>
            <source>Shorten cooling-off</source>
            <translation>Shorten cooling-off</translation>
        </message>
        <message>
            <source>Reset for re-shoot</source>
            <translation>Reset for re-shoot</translation>
        </message>
        <message>
            <source>Grant extra attempts</source>
            <translation>Grant extra attempts</translation>
        </message>
        <message>
            <source>Please give a reason: it is kept in the audit log.</source>
            <translation>Please give a reason: it is kept in the audit log.</translation>
        </message>
        <message>
            <source>No student selected.</source>
            <translation>No student selected.</translation>
        </message>
        <message>
            <source>Extra attempts must be between 1 and 20.</source>
            <translation>Extra attempts must be between 1 and 20.</translation>
        </message>
        <message>
            <source>The new end of the cooling-off must be in the future (use "Lift" to end it now).</source>
            <translation>The new end of the cooling-off must be in the future (use "Lift" to end it now).</translation>
        </message>
        <message>
            <source>Student %1 does not exist (any more).</source>
            <translation>Student %1 does not exist (any more).</translation>
        </message>
        <message>
            <source>You may not change the account of %1 (not in your college or not allowed for your role).</source>
            <translation>You may not change the account of %1 (not in your college or not allowed for your role).</translation>
        </message>
        <message>
            <source>%1 was changed by someone else meanwhile; nothing was saved. Reload and try again.</source>
            <translation>%1 was changed by someone else meanwhile; nothing was saved. Reload and try again.</translation>
        </message>
        <message>
            <source>%1 is not locked after liveness failures.</source>
            <translation>%1 is not locked after liveness failures.</translation>
        </message>
        <message>
            <source>%1 is not in a cooling-off period.</source>
            <translation>%1 is not in a cooling-off period.</translation>
        </message>
        <message>
            <source>The new end of the cooling-off for %1 must be earlier than the current one (%2).</source>
            <translation>The new end of the cooling-off for %1 must be earlier than the current one (%2).</translation>
        </message>
    </context>
    <context>
        <name>AuditExport</name>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
    </context>
    <context>
        <name>AuditRepo</name>
        <message>
            <source>entry %1 does not follow entry %2 (an entry was removed or reordered)</source>
            <translation>entry %1 does not follow entry %2 (an entry was removed or reordered)</translation>
        </message>
        <message>
            <source>entry %1 was changed after it was written</source>
            <translation>entry %1 was changed after it was written</translation>
        </message>
        <message>
            <source>the newest entries after %1 were removed</source>
            <translation>the newest entries after %1 were removed</translation>
        </message>
    </context>
    <context>
        <name>AuthService</name>
        <message>
            <source>Wrong user name or password.</source>
            <translation>Wrong user name or password.</translation>
        </message>
        <message>
            <source>Too many failed log-ins: this account is locked until %1.</source>
            <translation>Too many failed log-ins: this account is locked until %1.</translation>
        </message>
        <message>
            <source>This staff account is disabled.</source>
            <translation>This staff account is disabled.</translation>
        </message>
        <message>
            <source>The new password needs at least 8 characters with letters and digits.</source>
            <translation>The new password needs at least 8 characters with letters and digits.</translation>
        </message>
        <message>
            <source>This staff account does not exist.</source>
            <translation>This staff account does not exist.</translation>
        </message>
        <message>
            <source>The current password is wrong.</source>
            <translation>The current password is wrong.</translation>
        </message>
    </context>
    <context>
        <name>CheckWhy</name>
        <message>
            <source>no plain background found along the top and side edges</source>
            <translation>no plain background found along the top and side edges</translation>
        </message>
        <message>
            <source>no face</source>
            <translation>no face</translation>
        </message>
        <message>
            <source>no face found</source>
            <translation>no face found</translation>
        </message>
        <message>
            <source>head outline not found</source>
            <translation>head outline not found</translation>
        </message>
        <message>
            <source>too little clothing visible in the frame</source>
            <translation>too little clothing visible in the frame</translation>
        </message>
        <message>
            <source>no face to tell skin from clothing</source>
            <translation>no face to tell skin from clothing</translation>
        </message>
        <message>
            <source>clothing not separable from the background</source>
            <translation>clothing not separable from the background</translation>
        </message>
        <message>
            <source>eyes outside the photo</source>
            <translation>eyes outside the photo</translation>
        </message>
        <message>
            <source>eye not found by the eye detector</source>
            <translation>eye not found by the eye detector</translation>
        </message>
        <message>
            <source>eye not found by the eye detector and no open iris seen</source>
            <translation>eye not found by the eye detector and no open iris seen</translation>
        </message>
        <message>
            <source>greyscale photo: teeth cannot be told from skin</source>
            <translation>greyscale photo: teeth cannot be told from skin</translation>
        </message>
        <message>
            <source>skin colour not measurable</source>
            <translation>skin colour not measurable</translation>
        </message>
        <message>
            <source>close to the limit</source>
            <translation>close to the limit</translation>
        </message>
        <message>
            <source>the photo is not 3:4, so pixel positions cannot be compared with the standard</source>
            <translation>the photo is not 3:4, so pixel positions cannot be compared with the standard</translation>
        </message>
        <message>
            <source>background not found</source>
            <translation>background not found</translation>
        </message>
        <message>
            <source>the head touches the top edge</source>
            <translation>the head touches the top edge</translation>
        </message>
        <message>
            <source>eyes not located</source>
            <translation>eyes not located</translation>
        </message>
        <message>
            <source>head outline not found at eye level</source>
            <translation>head outline not found at eye level</translation>
        </message>
        <message>
            <source>shoulders not visible</source>
            <translation>shoulders not visible</translation>
        </message>
        <message>
            <source>person not separable from the background: skin alone</source>
            <translation>person not separable from the background: skin alone</translation>
        </message>
        <message>
            <source>no detail to measure</source>
            <translation>no detail to measure</translation>
        </message>
        <message>
            <source>cheeks not visible</source>
            <translation>cheeks not visible</translation>
        </message>
        <message>
            <source>skin not measurable</source>
            <translation>skin not measurable</translation>
        </message>
        <message>
            <source>photo too small for the spectrum test</source>
            <translation>photo too small for the spectrum test</translation>
        </message>
        <message>
            <source>JPEG quality could not be estimated</source>
            <translation>JPEG quality could not be estimated</translation>
        </message>
        <message>
            <source>objects cover %1% of the photo</source>
            <translation>objects cover %1% of the photo</translation>
        </message>
        <message>
            <source>pupils give %1 deg, eye boxes %2 deg</source>
            <translation>pupils give %1 deg, eye boxes %2 deg</translation>
        </message>
        <message>
            <source>person 99th percentile L*=%1 (min %2)</source>
            <translation>person 99th percentile L*=%1 (min %2)</translation>
        </message>
        <message>
            <source>skin a*=%1 b*=%2</source>
            <translation>skin a*=%1 b*=%2</translation>
        </message>
        <message>
            <source>image is %1x%2</source>
            <translation>image is %1x%2</translation>
        </message>
        <message>
            <source>format is %1</source>
            <translation>format is %1</translation>
        </message>
        <message>
            <source>%1% of the chest has the background colour</source>
            <translation>%1% of the chest has the background colour</translation>
        </message>
        <message>
            <source>background-like %1%</source>
            <translation>background-like %1%</translation>
        </message>
        <message>
            <source>clothing %1% of the shoulder area</source>
            <translation>clothing %1% of the shoulder area</translation>
        </message>
        <message>
            <source>edge energy at the eyes and lips %1 (min %2)</source>
            <translation>edge energy at the eyes and lips %1 (min %2)</translation>
        </message>
        <message>
            <source>lens as bright as the skin below its rim (%1)</source>
            <translation>lens as bright as the skin below its rim (%1)</translation>
        </message>
        <message>
            <source>face landmarks not found</source>
            <translation>face landmarks not found</translation>
        </message>
        <message>
            <source>head pose not measurable</source>
            <translation>head pose not measurable</translation>
        </message>
        <message>
            <source>lips apart</source>
            <translation>lips apart</translation>
        </message>
        <message>
            <source>teeth showing</source>
            <translation>teeth showing</translation>
        </message>
        <message>
            <source>smooth fabric over the crown</source>
            <translation>smooth fabric over the crown</translation>
        </message>
        <message>
            <source>smooth fabric beside the temples</source>
            <translation>smooth fabric beside the temples</translation>
        </message>
        <message>
            <source>no colour: fabric cannot be told from a bare scalp</source>
            <translation>no colour: fabric cannot be told from a bare scalp</translation>
        </message>
        <message>
            <source>no glasses found</source>
            <translation>no glasses found</translation>
        </message>
        <message>
            <source>glasses not clearly found</source>
            <translation>glasses not clearly found</translation>
        </message>
        <message>
            <source>earring at the earlobe</source>
            <translation>earring at the earlobe</translation>
        </message>
    </context>
    <context>
        <name>CliExport</name>
        <message>
            <source>tucai export: unexpected argument '%1'</source>
            <translation>tucai export: unexpected argument '%1'</translation>
        </message>
        <message>
            <source>tucai export: %1</source>
            <translation>tucai export: %1</translation>
        </message>
        <message>
            <source>tucai export: dates are written YYYY-MM-DD</source>
            <translation>tucai export: dates are written YYYY-MM-DD</translation>
        </message>
        <message>
            <source>The database holds no school: nothing to export.</source>
            <translation>The database holds no school: nothing to export.</translation>
        </message>
        <message>
            <source>tucai export: no college '%1'</source>
            <translation>tucai export: no college '%1'</translation>
        </message>
        <message>
            <source>tucai export: no class '%1'</source>
            <translation>tucai export: no class '%1'</translation>
        </message>
        <message>
            <source>  %1/%2 photos</source>
            <translation>  %1/%2 photos</translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>Export failed: %1</translation>
        </message>
        <message>
            <source>renamed (duplicate name): %1</source>
            <translation>renamed (duplicate name): %1</translation>
        </message>
        <message>
            <source>FAILED %1 %2: %3</source>
            <translation>FAILED %1 %2: %3</translation>
        </message>
        <message>
            <source>%1 approved photos selected, %2 exported (%3 re-encoded), %4 failed. Manifest: %5</source>
            <translation>%1 approved photos selected, %2 exported (%3 re-encoded), %4 failed. Manifest: %5</translation>
        </message>
    </context>
    <context>
        <name>CodeService</name>
        <message>
            <source>valid: code of student %1 %2</source>
            <translation>valid: code of student %1 %2</translation>
        </message>
        <message>
            <source>valid: school/batch code %1</source>
            <translation>valid: school/batch code %1</translation>
        </message>
        <message>
            <source>invalid: not a collection code (wrong length or characters)</source>
            <translation>invalid: not a collection code (wrong length or characters)</translation>
        </message>
        <message>
            <source>invalid: the check character does not match - a character was mistyped</source>
            <translation>invalid: the check character does not match - a character was mistyped</translation>
        </message>
        <message>
            <source>invalid: no such code</source>
            <translation>invalid: no such code</translation>
        </message>
        <message>
            <source>revoked on %1 (%2)</source>
            <translation>revoked on %1 (%2)</translation>
        </message>
        <message>
            <source>expired on %1</source>
            <translation>expired on %1</translation>
        </message>
        <message>
            <source>The codes of this school cannot be hashed from this login.</source>
            <translation>The codes of this school cannot be hashed from this login.</translation>
        </message>
    </context>
    <context>
        <name>CodeSheet</name>
        <message>
            <source>Open the collection mini-program on your phone, scan the QR code or type the code, then follow the steps. The code is personal: do not share it.</source>
            <translation>Open the collection mini-program on your phone, scan the QR code or type the code, then follow the steps. The code is personal: do not share it.</translation>
        </message>
        <message>
            <source>Collection codes</source>
            <translation>Collection codes</translation>
        </message>
        <message>
            <source>Cannot write %1: check that the folder exists and the file is not open elsewhere.</source>
            <translation>Cannot write %1: check that the folder exists and the file is not open elsewhere.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Cancelled.</translation>
        </message>
        <message>
            <source>%1 collection codes - cut along the dashed lines - page %2 of %3</source>
            <translation>%1 collection codes - cut along the dashed lines - page %2 of %3</translation>
        </message>
        <message>
            <source>Student no.: %1</source>
            <translation>Student no.: %1</translation>
        </message>
        <message>
            <source>Class: %1</source>
            <translation>Class: %1</translation>
        </message>
        <message>
            <source>School/batch code</source>
            <translation>School/batch code</translation>
        </message>
        <message>
            <source>Valid until %1</source>
            <translation>Valid until %1</translation>
        </message>
        <message>
            <source>No codes.</source>
            <translation>No codes.</translation>
        </message>
        <message>
            <source>Writing %1 failed.</source>
            <translation>Writing %1 failed.</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
    </context>
    <context>
        <name>CollectionSettings</name>
        <message>
            <source>The collection window dates are invalid.</source>
            <translation>The collection window dates are invalid.</translation>
        </message>
        <message>
            <source>The collection window must end after it starts.</source>
            <translation>The collection window must end after it starts.</translation>
        </message>
        <message>
            <source>Daily hours must look like 08:00-21:00, the end after the start.</source>
            <translation>Daily hours must look like 08:00-21:00, the end after the start.</translation>
        </message>
        <message>
            <source>Liveness failures before the lock must be at least 1.</source>
            <translation>Liveness failures before the lock must be at least 1.</translation>
        </message>
        <message>
            <source>Other failures before cooling-off must be at least 1.</source>
            <translation>Other failures before cooling-off must be at least 1.</translation>
        </message>
        <message>
            <source>The cooling-off length cannot be negative.</source>
            <translation>The cooling-off length cannot be negative.</translation>
        </message>
        <message>
            <source>The draft box must hold at least one photo.</source>
            <translation>The draft box must hold at least one photo.</translation>
        </message>
        <message>
            <source>The draft retention cannot be negative.</source>
            <translation>The draft retention cannot be negative.</translation>
        </message>
        <message>
            <source>The fee cannot be negative.</source>
            <translation>The fee cannot be negative.</translation>
        </message>
        <message>
            <source>Payment is required but the fee is 0.</source>
            <translation>Payment is required but the fee is 0.</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>Not started</source>
            <translation>Not started</translation>
        </message>
        <message>
            <source>Drafting</source>
            <translation>Drafting</translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>Awaiting review</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Locked</translation>
        </message>
    </context>
    <context>
        <name>Database</name>
        <message>
            <source>The database file %1 is missing.</source>
            <translation>The database file %1 is missing.</translation>
        </message>
        <message>
            <source>The Qt database driver %1 is not installed.</source>
            <translation>The Qt database driver %1 is not installed.</translation>
        </message>
        <message>
            <source>No database file given.</source>
            <translation>No database file given.</translation>
        </message>
        <message>
            <source>%1 is a folder, not a database file.</source>
            <translation>%1 is a folder, not a database file.</translation>
        </message>
        <message>
            <source>The database file %1 does not exist.</source>
            <translation>The database file %1 does not exist.</translation>
        </message>
        <message>
            <source>Cannot create the folder %1.</source>
            <translation>Cannot create the folder %1.</translation>
        </message>
        <message>
            <source>The database file %1 has disappeared; the last action was not saved.</source>
            <translation>The database file %1 has disappeared; the last action was not saved.</translation>
        </message>
        <message>
            <source>starting a transaction</source>
            <translation>starting a transaction</translation>
        </message>
        <message>
            <source>saving</source>
            <translation>saving</translation>
        </message>
        <message>
            <source>The connection to the database was lost in the middle of an action; nothing of it was saved.</source>
            <translation>The connection to the database was lost in the middle of an action; nothing of it was saved.</translation>
        </message>
    </context>
    <context>
        <name>DbTarget</name>
        <message>
            <source>No database given.</source>
            <translation>No database given.</translation>
        </message>
        <message>
            <source>Not a valid PostgreSQL address: %1 (expected postgresql://user@host:port/database)</source>
            <translation>Not a valid PostgreSQL address: %1 (expected postgresql://user@host:port/database)</translation>
        </message>
        <message>
            <source>Unknown connection setting %1 (known: sslmode, sslrootcert).</source>
            <translation>Unknown connection setting %1 (known: sslmode, sslrootcert).</translation>
        </message>
        <message>
            <source>sslmode must be one of %1.</source>
            <translation>sslmode must be one of %1.</translation>
        </message>
        <message>
            <source>The certificate file name must not contain ';'.</source>
            <translation>The certificate file name must not contain ';'.</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <source>The database already holds a school; the demo school is only created in an empty database.</source>
            <translation>The database already holds a school; the demo school is only created in an empty database.</translation>
        </message>
        <message>
            <source>photos</source>
            <translation>photos</translation>
        </message>
        <message>
            <source>students</source>
            <translation>students</translation>
        </message>
    </context>
    <context>
        <name>Dialect</name>
        <message>
            <source>The certificate file %1 is in a folder whose name cannot be handed to the PostgreSQL client on this system. Copy it to a folder whose name has only letters of the system&apos;s language or English letters.</source>
            <translation>The certificate file %1 is in a folder whose name cannot be handed to the PostgreSQL client on this system. Copy it to a folder whose name has only letters of the system&apos;s language or English letters.</translation>
        </message>
        <message>
            <source>The password cannot be handed to the PostgreSQL client: the temporary folder %1 is not usable.</source>
            <translation>The password cannot be handed to the PostgreSQL client: the temporary folder %1 is not usable.</translation>
        </message>
        <message>
            <source>The file %1 is not a Tucai database (not SQLite).</source>
            <translation>The file %1 is not a Tucai database (not SQLite).</translation>
        </message>
        <message>
            <source>The database file %1 is read-only: nothing was changed.</source>
            <translation>The database file %1 is read-only: nothing was changed.</translation>
        </message>
        <message>
            <source>Cannot open the database file %1.</source>
            <translation>Cannot open the database file %1.</translation>
        </message>
        <message>
            <source>The database file %1 could not be read or written (it may have been removed or the disk failed).</source>
            <translation>The database file %1 could not be read or written (it may have been removed or the disk failed).</translation>
        </message>
        <message>
            <source>a record with the same key already exists or a reference is missing.</source>
            <translation>a record with the same key already exists or a reference is missing.</translation>
        </message>
        <message>
            <source>The server %1 refused the user name or password for %2.</source>
            <translation>The server %1 refused the user name or password for %2.</translation>
        </message>
        <message>
            <source>Cannot reach the PostgreSQL server at %1:%2 (down, refused or timed out).</source>
            <translation>Cannot reach the PostgreSQL server at %1:%2 (down, refused or timed out).</translation>
        </message>
        <message>
            <source>The database %1 does not exist on %2.</source>
            <translation>The database %1 does not exist on %2.</translation>
        </message>
        <message>
            <source>The connection to the database server was lost; the last action was not saved.</source>
            <translation>The connection to the database server was lost; the last action was not saved.</translation>
        </message>
        <message>
            <source>your database role is not allowed to do this.</source>
            <translation>your database role is not allowed to do this.</translation>
        </message>
        <message>
            <source>the database is read-only.</source>
            <translation>the database is read-only.</translation>
        </message>
        <message>
            <source>The connection to %1 is not secure as required (sslmode=%2): the server's certificate could not be verified against the trusted root certificate, or the server offers no encryption. Ask the administrator for the server's root certificate.</source>
            <translation>The connection to %1 is not secure as required (sslmode=%2): the server's certificate could not be verified against the trusted root certificate, or the server offers no encryption. Ask the administrator for the server's root certificate.</translation>
        </message>
    </context>
    <context>
        <name>DisplayNames</name>
        <message>
            <source>Photo approved</source>
            <translation>Photo approved</translation>
        </message>
        <message>
            <source>Photo returned</source>
            <translation>Photo returned</translation>
        </message>
        <message>
            <source>Decision undone</source>
            <translation>Decision undone</translation>
        </message>
        <message>
            <source>Account unlocked</source>
            <translation>Account unlocked</translation>
        </message>
        <message>
            <source>Cooling-off lifted</source>
            <translation>Cooling-off lifted</translation>
        </message>
        <message>
            <source>Cooling-off shortened</source>
            <translation>Cooling-off shortened</translation>
        </message>
        <message>
            <source>Student reset for re-shoot</source>
            <translation>Student reset for re-shoot</translation>
        </message>
        <message>
            <source>Extra attempts granted</source>
            <translation>Extra attempts granted</translation>
        </message>
        <message>
            <source>Roster imported</source>
            <translation>Roster imported</translation>
        </message>
        <message>
            <source>Notice created</source>
            <translation>Notice created</translation>
        </message>
        <message>
            <source>Notice edited</source>
            <translation>Notice edited</translation>
        </message>
        <message>
            <source>Notice scheduled</source>
            <translation>Notice scheduled</translation>
        </message>
        <message>
            <source>Notice back to draft</source>
            <translation>Notice back to draft</translation>
        </message>
        <message>
            <source>Notice published</source>
            <translation>Notice published</translation>
        </message>
        <message>
            <source>Notice archived</source>
            <translation>Notice archived</translation>
        </message>
        <message>
            <source>Collection codes generated</source>
            <translation>Collection codes generated</translation>
        </message>
        <message>
            <source>School/batch code generated</source>
            <translation>School/batch code generated</translation>
        </message>
        <message>
            <source>Collection code revoked</source>
            <translation>Collection code revoked</translation>
        </message>
        <message>
            <source>Setting changed</source>
            <translation>Setting changed</translation>
        </message>
        <message>
            <source>Photos exported</source>
            <translation>Photos exported</translation>
        </message>
        <message>
            <source>Staff member created</source>
            <translation>Staff member created</translation>
        </message>
        <message>
            <source>Staff member enabled</source>
            <translation>Staff member enabled</translation>
        </message>
        <message>
            <source>Staff member disabled</source>
            <translation>Staff member disabled</translation>
        </message>
        <message>
            <source>Reviewer assignments changed</source>
            <translation>Reviewer assignments changed</translation>
        </message>
        <message>
            <source>Password reset</source>
            <translation>Password reset</translation>
        </message>
        <message>
            <source>Own password changed</source>
            <translation>Own password changed</translation>
        </message>
        <message>
            <source>Staff log-in locked</source>
            <translation>Staff log-in locked</translation>
        </message>
        <message>
            <source>Photos (all actions)</source>
            <translation>Photos (all actions)</translation>
        </message>
        <message>
            <source>Student accounts (all actions)</source>
            <translation>Student accounts (all actions)</translation>
        </message>
        <message>
            <source>Rosters (all actions)</source>
            <translation>Rosters (all actions)</translation>
        </message>
        <message>
            <source>Notices (all actions)</source>
            <translation>Notices (all actions)</translation>
        </message>
        <message>
            <source>Collection codes (all actions)</source>
            <translation>Collection codes (all actions)</translation>
        </message>
        <message>
            <source>Settings (all actions)</source>
            <translation>Settings (all actions)</translation>
        </message>
        <message>
            <source>Exports (all actions)</source>
            <translation>Exports (all actions)</translation>
        </message>
        <message>
            <source>Staff (all actions)</source>
            <translation>Staff (all actions)</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>photo</translation>
        </message>
        <message>
            <source>student</source>
            <translation>student</translation>
        </message>
        <message>
            <source>roster</source>
            <translation>roster</translation>
        </message>
        <message>
            <source>notice</source>
            <translation>notice</translation>
        </message>
        <message>
            <source>collection code</source>
            <translation>collection code</translation>
        </message>
        <message>
            <source>code batch</source>
            <translation>code batch</translation>
        </message>
        <message>
            <source>setting</source>
            <translation>setting</translation>
        </message>
        <message>
            <source>export</source>
            <translation>export</translation>
        </message>
        <message>
            <source>staff member</source>
            <translation>staff member</translation>
        </message>
        <message>
            <source>Decision withdrawn</source>
            <translation>Decision withdrawn</translation>
        </message>
        <message>
            <source>Reset for re-shoot</source>
            <translation>Reset for re-shoot</translation>
        </message>
        <message>
            <source>no objects</source>
            <translation>no objects</translation>
        </message>
        <message>
            <source>background-like</source>
            <translation>background-like</translation>
        </message>
        <message>
            <source>spread</source>
            <translation>spread</translation>
        </message>
        <message>
            <source>halo</source>
            <translation>halo</translation>
        </message>
        <message>
            <source>hair</source>
            <translation>hair</translation>
        </message>
        <message>
            <source>offset</source>
            <translation>offset</translation>
        </message>
        <message>
            <source>angle</source>
            <translation>angle</translation>
        </message>
        <message>
            <source>asymmetry</source>
            <translation>asymmetry</translation>
        </message>
        <message>
            <source>outside</source>
            <translation>outside</translation>
        </message>
        <message>
            <source>quality</source>
            <translation>quality</translation>
        </message>
        <message>
            <source>gap</source>
            <translation>gap</translation>
        </message>
        <message>
            <source>teeth</source>
            <translation>teeth</translation>
        </message>
        <message>
            <source>eye/lip edges</source>
            <translation>eye/lip edges</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>The file name template is empty.</source>
            <translation>The file name template is empty.</translation>
        </message>
        <message>
            <source>Unknown field {%1} in the file name template.</source>
            <translation>Unknown field {%1} in the file name template.</translation>
        </message>
        <message>
            <source>The file name template must contain a field such as {学号}: otherwise every photo gets the same name.</source>
            <translation>The file name template must contain a field such as {学号}: otherwise every photo gets the same name.</translation>
        </message>
        <message>
            <source>Cannot create %1</source>
            <translation>Cannot create %1</translation>
        </message>
        <message>
            <source>The package is too large for one zip file; export fewer colleges per package.</source>
            <translation>The package is too large for one zip file; export fewer colleges per package.</translation>
        </message>
        <message>
            <source>Manifest</source>
            <translation>Manifest</translation>
        </message>
        <message>
            <source>College</source>
            <translation>College</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>Student number</source>
            <translation>Student number</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>ID number (masked)</source>
            <translation>ID number (masked)</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Reviewer</translation>
        </message>
        <message>
            <source>Decided at</source>
            <translation>Decided at</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>File name</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Bytes</source>
            <translation>Bytes</translation>
        </message>
        <message>
            <source>Package</source>
            <translation>Package</translation>
        </message>
        <message>
            <source>Re-encoded</source>
            <translation>Re-encoded</translation>
        </message>
        <message>
            <source>Source SHA-256</source>
            <translation>Source SHA-256</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>Failures</source>
            <translation>Failures</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Photo</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>%1 cannot be read back: %2</source>
            <translation>%1 cannot be read back: %2</translation>
        </message>
        <message>
            <source>%1 holds %2 entries instead of %3</source>
            <translation>%1 holds %2 entries instead of %3</translation>
        </message>
        <message>
            <source>%1: entry %2 (%3) is not what was written</source>
            <translation>%1: entry %2 (%3) is not what was written</translation>
        </message>
        <message>
            <source>%1: %2 does not read back as written</source>
            <translation>%1: %2 does not read back as written</translation>
        </message>
        <message>
            <source>Cannot create the output folder %1</source>
            <translation>Cannot create the output folder %1</translation>
        </message>
        <message>
            <source>the photo's bytes are missing from the database</source>
            <translation>the photo's bytes are missing from the database</translation>
        </message>
        <message>
            <source>the photo is kept at %1 and was not fetched</source>
            <translation>the photo is kept at %1 and was not fetched</translation>
        </message>
        <message>
            <source>the stored bytes do not match their SHA-256 (damaged photo)</source>
            <translation>the stored bytes do not match their SHA-256 (damaged photo)</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
        <message>
            <source>Writing %1 failed: %2</source>
            <translation>Writing %1 failed: %2</translation>
        </message>
        <message>
            <source>renamed from %1 (duplicate name)</source>
            <translation>renamed from %1 (duplicate name)</translation>
        </message>
        <message>
            <source>Writing the manifest failed: %1</source>
            <translation>Writing the manifest failed: %1</translation>
        </message>
        <message>
            <source>Cannot rename to %1: %2</source>
            <translation>Cannot rename to %1: %2</translation>
        </message>
        <message>
            <source>not a JPEG file</source>
            <translation>not a JPEG file</translation>
        </message>
        <message>
            <source>%1 KB, outside %2-%3 KB</source>
            <translation>%1 KB, outside %2-%3 KB</translation>
        </message>
        <message>
            <source>%1x%2 pixels instead of %3x%4</source>
            <translation>%1x%2 pixels instead of %3x%4</translation>
        </message>
        <message>
            <source>the photo cannot be decoded (%1)</source>
            <translation>the photo cannot be decoded (%1)</translation>
        </message>
        <message>
            <source>the JPEG encoder failed</source>
            <translation>the JPEG encoder failed</translation>
        </message>
        <message>
            <source>even at quality %1 the photo is larger than %2 KB</source>
            <translation>even at quality %1 the photo is larger than %2 KB</translation>
        </message>
        <message>
            <source>The packages are complete, but the students could not be marked as exported: %1</source>
            <translation>The packages are complete, but the students could not be marked as exported: %1</translation>
        </message>
        <message>
            <source>the disk is full (%1 free on %2)</source>
            <translation>the disk is full (%1 free on %2)</translation>
        </message>
        <message>
            <source>the file could not be written to the disk</source>
            <translation>the file could not be written to the disk</translation>
        </message>
        <message>
            <source>Your database role may not read ID numbers: choose a file name template without {身份证号}.</source>
            <translation>Your database role may not read ID numbers: choose a file name template without {身份证号}.</translation>
        </message>
    </context>
    <context>
        <name>Image</name>
        <message>
            <source>The image is empty.</source>
            <translation>The image is empty.</translation>
        </message>
        <message>
            <source>The image is too large (%1 bytes, at most %2).</source>
            <translation>The image is too large (%1 bytes, at most %2).</translation>
        </message>
        <message>
            <source>Not a JPEG or PNG image (%1): not decoded.</source>
            <translation>Not a JPEG or PNG image (%1): not decoded.</translation>
        </message>
        <message>
            <source>The image header is damaged: %1</source>
            <translation>The image header is damaged: %1</translation>
        </message>
        <message>
            <source>The image claims %1x%2 pixels, more than the %3 megapixels a photo may have: not decoded.</source>
            <translation>The image claims %1x%2 pixels, more than the %3 megapixels a photo may have: not decoded.</translation>
        </message>
        <message>
            <source>The image could not be decoded: %1</source>
            <translation>The image could not be decoded: %1</translation>
        </message>
    </context>
    <context>
        <name>Integrity</name>
        <message>
            <source>unknown state '%1'</source>
            <translation>unknown state '%1'</translation>
        </message>
        <message>
            <source>a %1 photo with status '%2'</source>
            <translation>a %1 photo with status '%2'</translation>
        </message>
        <message>
            <source>status '%1' without a decision time</source>
            <translation>status '%1' without a decision time</translation>
        </message>
        <message>
            <source>status '%1' but decision '%2'</source>
            <translation>status '%1' but decision '%2'</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>submitted photo without a submission time</source>
            <translation>submitted photo without a submission time</translation>
        </message>
        <message>
            <source>state '%1' but %2 approved photos (exactly one expected)</source>
            <translation>state '%1' but %2 approved photos (exactly one expected)</translation>
        </message>
        <message>
            <source>approved photo, but its student %1 is '%2' (approved or exported expected)</source>
            <translation>approved photo, but its student %1 is '%2' (approved or exported expected)</translation>
        </message>
        <message>
            <source>state 'awaiting_review' but no submitted photo awaits review</source>
            <translation>state 'awaiting_review' but no submitted photo awaits review</translation>
        </message>
        <message>
            <source>%1 photos await review at once (at most one expected)</source>
            <translation>%1 photos await review at once (at most one expected)</translation>
        </message>
        <message>
            <source>photo awaits review, but its student %1 is '%2' (awaiting_review expected)</source>
            <translation>photo awaits review, but its student %1 is '%2' (awaiting_review expected)</translation>
        </message>
        <message>
            <source>state 'awaiting_payment' but no photo awaits payment</source>
            <translation>state 'awaiting_payment' but no photo awaits payment</translation>
        </message>
        <message>
            <source>photo awaits payment, but its student %1 is '%2' (awaiting_payment expected)</source>
            <translation>photo awaits payment, but its student %1 is '%2' (awaiting_payment expected)</translation>
        </message>
        <message>
            <source>state 'awaiting_payment' but marked as paid</source>
            <translation>state 'awaiting_payment' but marked as paid</translation>
        </message>
        <message>
            <source>state 'returned' but no returned photo</source>
            <translation>state 'returned' but no returned photo</translation>
        </message>
        <message>
            <source>state 'not_started' but %1 photos and %2 capture attempts recorded</source>
            <translation>state 'not_started' but %1 photos and %2 capture attempts recorded</translation>
        </message>
        <message>
            <source>state 'drafting' but the draft box is empty</source>
            <translation>state 'drafting' but the draft box is empty</translation>
        </message>
        <message>
            <source>state 'verified' but %1 drafts in the draft box ('drafting' expected)</source>
            <translation>state 'verified' but %1 drafts in the draft box ('drafting' expected)</translation>
        </message>
        <message>
            <source>submission counter %1 but %2 submitted photos</source>
            <translation>submission counter %1 but %2 submitted photos</translation>
        </message>
        <message>
            <source>negative counter: liveness failures %1, other failures %2, submissions %3, extra attempts %4</source>
            <translation>negative counter: liveness failures %1, other failures %2, submissions %3, extra attempts %4</translation>
        </message>
        <message>
            <source>liveness failure counter %1 exceeds the %2 failed liveness attempts recorded</source>
            <translation>liveness failure counter %1 exceeds the %2 failed liveness attempts recorded</translation>
        </message>
        <message>
            <source>other-failure counter %1 exceeds the %2 failed quality attempts recorded</source>
            <translation>other-failure counter %1 exceeds the %2 failed quality attempts recorded</translation>
        </message>
        <message>
            <source>state '%1' with lock '%2' (the liveness lock and the state 'locked_liveness' go together)</source>
            <translation>state '%1' with lock '%2' (the liveness lock and the state 'locked_liveness' go together)</translation>
        </message>
        <message>
            <source>state 'cooling_off' without a cooling lock and its end time (lock '%1')</source>
            <translation>state 'cooling_off' without a cooling lock and its end time (lock '%1')</translation>
        </message>
        <message>
            <source>unknown lock '%1'</source>
            <translation>unknown lock '%1'</translation>
        </message>
        <message>
            <source>lock '%1' with an end time (only a cooling lock has one)</source>
            <translation>lock '%1' with an end time (only a cooling lock has one)</translation>
        </message>
        <message>
            <source>cooling lock without an end time</source>
            <translation>cooling lock without an end time</translation>
        </message>
        <message>
            <source>lock '%1' but no failure counted</source>
            <translation>lock '%1' but no failure counted</translation>
        </message>
        <message>
            <source>row version %1 (versions start at 1)</source>
            <translation>row version %1 (versions start at 1)</translation>
        </message>
        <message>
            <source>notice at version %1 but its history ends at version %2</source>
            <translation>notice at version %1 but its history ends at version %2</translation>
        </message>
        <message>
            <source>class %1 belongs to college %2, not to the student's college %3</source>
            <translation>class %1 belongs to college %2, not to the student's college %3</translation>
        </message>
        <message>
            <source>college %1 belongs to school %2, not to the student's school %3</source>
            <translation>college %1 belongs to school %2, not to the student's school %3</translation>
        </message>
        <message>
            <source>photo in class %1 of college %2, but its student %3 is in class %4 of college %5</source>
            <translation>photo in class %1 of college %2, but its student %3 is in class %4 of college %5</translation>
        </message>
        <message>
            <source>scope of class %1 (college %2) filed under college %3</source>
            <translation>scope of class %1 (college %2) filed under college %3</translation>
        </message>
        <message>
            <source>%1 drafts in the draft box, more than the capacity %2</source>
            <translation>%1 drafts in the draft box, more than the capacity %2</translation>
        </message>
        <message>
            <source>returned by a reset of student %1 without an account-reset notification</source>
            <translation>returned by a reset of student %1 without an account-reset notification</translation>
        </message>
        <message>
            <source>decision '%1' without a notification to the student</source>
            <translation>decision '%1' without a notification to the student</translation>
        </message>
    </context>
    <context>
        <name>IntegrityRepo</name>
        <message>
            <source>There is no check named %1.</source>
            <translation>There is no check named %1.</translation>
        </message>
    </context>
    <context>
        <name>Migrations</name>
        <message>
            <source>reading the schema</source>
            <translation>reading the schema</translation>
        </message>
        <message>
            <source>reading the schema version</source>
            <translation>reading the schema version</translation>
        </message>
        <message>
            <source>This database uses schema version %1, but this version of Tucai Admin only knows up to %2. Please install a newer version; the database was not changed.</source>
            <translation>This database uses schema version %1, but this version of Tucai Admin only knows up to %2. Please install a newer version; the database was not changed.</translation>
        </message>
        <message>
            <source>creating the schema table</source>
            <translation>creating the schema table</translation>
        </message>
        <message>
            <source>schema step %1</source>
            <translation>schema step %1</translation>
        </message>
    </context>
    <context>
        <name>NoticeService</name>
        <message>
            <source>The title is empty.</source>
            <translation>The title is empty.</translation>
        </message>
        <message>
            <source>The collection window must end after it starts.</source>
            <translation>The collection window must end after it starts.</translation>
        </message>
        <message>
            <source>The fee cannot be negative.</source>
            <translation>The fee cannot be negative.</translation>
        </message>
        <message>
            <source>Daily hours must look like 08:00-21:00, the end after the start.</source>
            <translation>Daily hours must look like 08:00-21:00, the end after the start.</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <translation>Scheduled</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Published</translation>
        </message>
        <message>
            <source>Archived</source>
            <translation>Archived</translation>
        </message>
        <message>
            <source>This notice was deleted by someone else.</source>
            <translation>This notice was deleted by someone else.</translation>
        </message>
        <message>
            <source>An archived notice cannot be edited.</source>
            <translation>An archived notice cannot be edited.</translation>
        </message>
        <message>
            <source>Someone else changed this notice meanwhile. Reload it and apply your changes again.</source>
            <translation>Someone else changed this notice meanwhile. Reload it and apply your changes again.</translation>
        </message>
        <message>
            <source>This notice does not exist (any more).</source>
            <translation>This notice does not exist (any more).</translation>
        </message>
        <message>
            <source>Someone else changed this notice meanwhile. Reload it and try again.</source>
            <translation>Someone else changed this notice meanwhile. Reload it and try again.</translation>
        </message>
        <message>
            <source>A notice cannot go from %1 to %2.</source>
            <translation>A notice cannot go from %1 to %2.</translation>
        </message>
        <message>
            <source>The publishing time must be in the future (or publish now).</source>
            <translation>The publishing time must be in the future (or publish now).</translation>
        </message>
    </context>
    <context>
        <name>OutboxDelivery</name>
        <message>
            <source>HTTP %1 %2</source>
            <translation>HTTP %1 %2</translation>
        </message>
        <message>
            <source>no answer within %1 s</source>
            <translation>no answer within %1 s</translation>
        </message>
        <message>
            <source>Cannot read the webhook key file %1: %2</source>
            <translation>Cannot read the webhook key file %1: %2</translation>
        </message>
        <message>
            <source>The webhook key file %1 is readable by other users; restrict it (chmod 600).</source>
            <translation>The webhook key file %1 is readable by other users; restrict it (chmod 600).</translation>
        </message>
        <message>
            <source>The environment variable %1 holding the webhook secret is not set or empty.</source>
            <translation>The environment variable %1 holding the webhook secret is not set or empty.</translation>
        </message>
        <message>
            <source>The webhook secret is too short (at least 16 characters).</source>
            <translation>The webhook secret is too short (at least 16 characters).</translation>
        </message>
        <message>
            <source>The webhook key file %1 is empty.</source>
            <translation>The webhook key file %1 is empty.</translation>
        </message>
        <message>
            <source>not an https URL: %1</source>
            <translation>not an https URL: %1</translation>
        </message>
        <message>
            <source>the webhook must use https (notifications carry student data): %1</source>
            <translation>the webhook must use https (notifications carry student data): %1</translation>
        </message>
    </context>
    <context>
        <name>PhotoStore</name>
        <message>
            <source>Photo %1: the photo store was closed.</source>
            <translation>Photo %1: the photo store was closed.</translation>
        </message>
        <message>
            <source>"%1" is not a SHA-256 photo hash.</source>
            <translation>"%1" is not a SHA-256 photo hash.</translation>
        </message>
        <message>
            <source>Photo %1 could not be read from the database: %2</source>
            <translation>Photo %1 could not be read from the database: %2</translation>
        </message>
        <message>
            <source>Photo %1: the bytes stored in the database do not match their SHA-256; not shown.</source>
            <translation>Photo %1: the bytes stored in the database do not match their SHA-256; not shown.</translation>
        </message>
        <message>
            <source>Photo %1 is not in the database (no bytes and no URL).</source>
            <translation>Photo %1 is not in the database (no bytes and no URL).</translation>
        </message>
        <message>
            <source>Photo %1 has an unusable address (only http and https are fetched): %2</source>
            <translation>Photo %1 has an unusable address (only http and https are fetched): %2</translation>
        </message>
        <message>
            <source>Photo %1 is too large (%2 bytes announced, the limit is %3).</source>
            <translation>Photo %1 is too large (%2 bytes announced, the limit is %3).</translation>
        </message>
        <message>
            <source>Photo %1 is too large (more than %2 bytes received).</source>
            <translation>Photo %1 is too large (more than %2 bytes received).</translation>
        </message>
        <message>
            <source>Photo %1: the server sent %2 bytes that do not match the stored SHA-256; they are not used.</source>
            <translation>Photo %1: the server sent %2 bytes that do not match the stored SHA-256; they are not used.</translation>
        </message>
        <message>
            <source>Photo %1: the photo server answered HTTP %2 %3.</source>
            <translation>Photo %1: the photo server answered HTTP %2 %3.</translation>
        </message>
        <message>
            <source>Photo %1: the photo server sent nothing for %2 s.</source>
            <translation>Photo %1: the photo server sent nothing for %2 s.</translation>
        </message>
        <message>
            <source>Photo %1 could not be downloaded: %2</source>
            <translation>Photo %1 could not be downloaded: %2</translation>
        </message>
        <message>
            <source>%1 (after %2 attempts)</source>
            <translation>%1 (after %2 attempts)</translation>
        </message>
        <message>
            <source>Photo %1 is at %2, which is not one of the photo servers allowed (setting photo_hosts); not fetched.</source>
            <translation>Photo %1 is at %2, which is not one of the photo servers allowed (setting photo_hosts); not fetched.</translation>
        </message>
        <message>
            <source>Photo %1: the photo server redirected to %2, another host; not followed.</source>
            <translation>Photo %1: the photo server redirected to %2, another host; not followed.</translation>
        </message>
        <message>
            <source>Photo %1: the download did not finish within %2 s; given up.</source>
            <translation>Photo %1: the download did not finish within %2 s; given up.</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <source>The photo no longer exists.</source>
            <translation>The photo no longer exists.</translation>
        </message>
        <message>
            <source>The photo's bytes are not in the database (%1).</source>
            <translation>The photo's bytes are not in the database (%1).</translation>
        </message>
        <message>
            <source>The photo could not be decoded.</source>
            <translation>The photo could not be decoded.</translation>
        </message>
        <message>
            <source>The photo's bytes are not in the database.</source>
            <translation>The photo's bytes are not in the database.</translation>
        </message>
        <message>
            <source>%1 already decided this photo (%2) at %3. Nothing was changed.</source>
            <translation>%1 already decided this photo (%2) at %3. Nothing was changed.</translation>
        </message>
        <message>
            <source>approved</source>
            <translation>approved</translation>
        </message>
        <message>
            <source>returned</source>
            <translation>returned</translation>
        </message>
        <message>
            <source>Someone changed this photo while you were looking at it. Nothing was changed; it has been reloaded.</source>
            <translation>Someone changed this photo while you were looking at it. Nothing was changed; it has been reloaded.</translation>
        </message>
        <message>
            <source>Choose at least one reason (or write one) to return a photo.</source>
            <translation>Choose at least one reason (or write one) to return a photo.</translation>
        </message>
        <message>
            <source>This photo is outside the colleges and classes you review.</source>
            <translation>This photo is outside the colleges and classes you review.</translation>
        </message>
        <message>
            <source>Only submitted photos can be approved or returned.</source>
            <translation>Only submitted photos can be approved or returned.</translation>
        </message>
        <message>
            <source>Approved.</source>
            <translation>Approved.</translation>
        </message>
        <message>
            <source>Returned: %1</source>
            <translation>Returned: %1</translation>
        </message>
        <message>
            <source>The student has already acted on this decision; it can no longer be undone.</source>
            <translation>The student has already acted on this decision; it can no longer be undone.</translation>
        </message>
        <message>
            <source>Decision undone.</source>
            <translation>Decision undone.</translation>
        </message>
    </context>
    <context>
        <name>RosterImport</name>
        <message>
            <source>Student number</source>
            <translation>Student number</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>College</source>
            <translation>College</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>Choose the columns for student number, name, ID number and class.</source>
            <translation>Choose the columns for student number, name, ID number and class.</translation>
        </message>
        <message>
            <source>%1 looks like a spreadsheet formula (%2)</source>
            <translation>%1 looks like a spreadsheet formula (%2)</translation>
        </message>
        <message>
            <source>student number is empty</source>
            <translation>student number is empty</translation>
        </message>
        <message>
            <source>student number may only contain letters, digits and '-' (at most 32)</source>
            <translation>student number may only contain letters, digits and '-' (at most 32)</translation>
        </message>
        <message>
            <source>student number %1 also on row %2</source>
            <translation>student number %1 also on row %2</translation>
        </message>
        <message>
            <source>name is empty</source>
            <translation>name is empty</translation>
        </message>
        <message>
            <source>name contains characters a name cannot have (quotes, slashes, '..', control characters)</source>
            <translation>name contains characters a name cannot have (quotes, slashes, '..', control characters)</translation>
        </message>
        <message>
            <source>name is longer than 50 characters</source>
            <translation>name is longer than 50 characters</translation>
        </message>
        <message>
            <source>ID number is empty</source>
            <translation>ID number is empty</translation>
        </message>
        <message>
            <source>ID number must have 18 characters (it has %1)</source>
            <translation>ID number must have 18 characters (it has %1)</translation>
        </message>
        <message>
            <source>ID number %1: wrong check digit or not a valid ID number</source>
            <translation>ID number %1: wrong check digit or not a valid ID number</translation>
        </message>
        <message>
            <source>the same ID number is also on row %1</source>
            <translation>the same ID number is also on row %1</translation>
        </message>
        <message>
            <source>phone %1 is not an 11-digit mobile number</source>
            <translation>phone %1 is not an 11-digit mobile number</translation>
        </message>
        <message>
            <source>unknown college "%1"</source>
            <translation>unknown college "%1"</translation>
        </message>
        <message>
            <source>class is empty</source>
            <translation>class is empty</translation>
        </message>
        <message>
            <source>unknown class "%1" in this college</source>
            <translation>unknown class "%1" in this college</translation>
        </message>
        <message>
            <source>unknown class "%1"</source>
            <translation>unknown class "%1"</translation>
        </message>
        <message>
            <source>class "%1" exists in several colleges: add the college column</source>
            <translation>class "%1" exists in several colleges: add the college column</translation>
        </message>
        <message>
            <source>this student belongs to a college you do not manage</source>
            <translation>this student belongs to a college you do not manage</translation>
        </message>
        <message>
            <source>student number %1 already belongs to a student of another college</source>
            <translation>student number %1 already belongs to a student of another college</translation>
        </message>
        <message>
            <source>Reviewers cannot import rosters.</source>
            <translation>Reviewers cannot import rosters.</translation>
        </message>
        <message>
            <source>Import cancelled: nothing was changed.</source>
            <translation>Import cancelled: nothing was changed.</translation>
        </message>
        <message>
            <source>Student %1 was changed by someone else after the dry run; nothing was imported. Run the import again.</source>
            <translation>Student %1 was changed by someone else after the dry run; nothing was imported. Run the import again.</translation>
        </message>
        <message>
            <source>roster import</source>
            <translation>roster import</translation>
        </message>
        <message>
            <source>row</source>
            <translation>row</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>problems</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
    </context>
    <context>
        <name>Simulator</name>
        <message>
            <source>The database holds no school: create one first (tucai demo create or tucai import).</source>
            <translation>The database holds no school: create one first (tucai demo create or tucai import).</translation>
        </message>
        <message>
            <source>The school has no active school administrator to hand out collection codes.</source>
            <translation>The school has no active school administrator to hand out collection codes.</translation>
        </message>
        <message>
            <source>Could not make the account %1.</source>
            <translation>Could not make the account %1.</translation>
        </message>
    </context>
    <context>
        <name>StaffRole</name>
        <message>
            <source>School administrator</source>
            <translation>School administrator</translation>
        </message>
        <message>
            <source>College administrator</source>
            <translation>College administrator</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Reviewer</translation>
        </message>
    </context>
    <context>
        <name>StaffService</name>
        <message>
            <source>Only school administrators manage staff accounts.</source>
            <translation>Only school administrators manage staff accounts.</translation>
        </message>
        <message>
            <source>User names have 3 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
            <translation>User names have 3 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.</translation>
        </message>
        <message>
            <source>Please enter the name shown for this staff member.</source>
            <translation>Please enter the name shown for this staff member.</translation>
        </message>
        <message>
            <source>A college administrator needs a college.</source>
            <translation>A college administrator needs a college.</translation>
        </message>
        <message>
            <source>A reviewer needs at least one assigned college or class.</source>
            <translation>A reviewer needs at least one assigned college or class.</translation>
        </message>
        <message>
            <source>Please give a reason: it is kept in the audit log.</source>
            <translation>Please give a reason: it is kept in the audit log.</translation>
        </message>
        <message>
            <source>You cannot disable your own account.</source>
            <translation>You cannot disable your own account.</translation>
        </message>
        <message>
            <source>This staff account does not exist.</source>
            <translation>This staff account does not exist.</translation>
        </message>
        <message>
            <source>The account was changed by someone else meanwhile; nothing was saved.</source>
            <translation>The account was changed by someone else meanwhile; nothing was saved.</translation>
        </message>
        <message>
            <source>Only reviewers are assigned colleges and classes.</source>
            <translation>Only reviewers are assigned colleges and classes.</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Cannot open the database</source>
            <translation>Cannot open the database</translation>
        </message>
    </context>
    <context>
        <name>StillMissing</name>
        <message numerus="yes">
            <source>%1: %n student(s) still without an approved photo</source>
            <translation>
                <numerusform>%1: %n student(s) still without an approved photo</numerusform>
                <numerusform>%1: %n student(s) still without an approved photo</numerusform>
            </translation>
        </message>
        <message>
            <source>Still missing</source>
            <translation>Still missing</translation>
        </message>
        <message>
            <source>College</source>
            <translation>College</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>Student number</source>
            <translation>Student number</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
    </context>
    <context>
        <name>StudentFlow</name>
        <message>
            <source>The account was changed meanwhile; nothing was saved.</source>
            <translation>The account was changed meanwhile; nothing was saved.</translation>
        </message>
        <message>
            <source>Student %1 does not exist.</source>
            <translation>Student %1 does not exist.</translation>
        </message>
        <message>
            <source>This collection code belongs to another student.</source>
            <translation>This collection code belongs to another student.</translation>
        </message>
        <message>
            <source>The name or student number does not match the school&apos;s roster.</source>
            <translation>The name or student number does not match the school&apos;s roster.</translation>
        </message>
        <message>
            <source>This account is already verified.</source>
            <translation>This account is already verified.</translation>
        </message>
        <message>
            <source>Shooting is not possible in this state.</source>
            <translation>Shooting is not possible in this state.</translation>
        </message>
        <message>
            <source>Collection is closed at this time.</source>
            <translation>Collection is closed at this time.</translation>
        </message>
        <message>
            <source>The draft box is full: delete a draft first.</source>
            <translation>The draft box is full: delete a draft first.</translation>
        </message>
        <message>
            <source>There is no such draft.</source>
            <translation>There is no such draft.</translation>
        </message>
        <message>
            <source>This draft was submitted before.</source>
            <translation>This draft was submitted before.</translation>
        </message>
        <message>
            <source>A photo is already submitted and waiting.</source>
            <translation>A photo is already submitted and waiting.</translation>
        </message>
        <message>
            <source>Submitting is not possible in this state.</source>
            <translation>Submitting is not possible in this state.</translation>
        </message>
        <message>
            <source>Nothing is waiting for payment.</source>
            <translation>Nothing is waiting for payment.</translation>
        </message>
    </context>
    <context>
        <name>StudentState</name>
        <message>
            <source>Not started</source>
            <translation>Not started</translation>
        </message>
        <message>
            <source>Verified</source>
            <translation>Verified</translation>
        </message>
        <message>
            <source>Drafting</source>
            <translation>Drafting</translation>
        </message>
        <message>
            <source>Cooling-off</source>
            <translation>Cooling-off</translation>
        </message>
        <message>
            <source>Locked (liveness)</source>
            <translation>Locked (liveness)</translation>
        </message>
        <message>
            <source>Awaiting payment</source>
            <translation>Awaiting payment</translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>Awaiting review</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>Exported</translation>
        </message>
    </context>
    <context>
        <name>StudentsPage</name>
        <message>
            <source>All students</source>
            <translation>All students</translation>
        </message>
        <message>
            <source>Locked after liveness failures</source>
            <translation>Locked after liveness failures</translation>
        </message>
        <message>
            <source>In a cooling-off period</source>
            <translation>In a cooling-off period</translation>
        </message>
        <message>
            <source>Draft box full</source>
            <translation>Draft box full</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Not started</translation>
        </message>
        <message>
            <source>Awaiting payment</source>
            <translation>Awaiting payment</translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>Awaiting review</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Submitted but unpaid</source>
            <translation>Submitted but unpaid</translation>
        </message>
        <message>
            <source>Verified or drafting</source>
            <translation>Verified or drafting</translation>
        </message>
        <message>
            <source>Submitted (awaiting payment or review)</source>
            <translation>Submitted (awaiting payment or review)</translation>
        </message>
        <message>
            <source>Locked (liveness or cooling-off)</source>
            <translation>Locked (liveness or cooling-off)</translation>
        </message>
    </context>
    <context>
        <name>TableReader</name>
        <message>
            <source>The XLSX file has no %1: it is damaged or not a spreadsheet.</source>
            <translation>The XLSX file has no %1: it is damaged or not a spreadsheet.</translation>
        </message>
        <message>
            <source>Cannot read %1 inside the XLSX file.</source>
            <translation>Cannot read %1 inside the XLSX file.</translation>
        </message>
        <message>
            <source>The file's text encoding was not recognised (expected UTF-8 or GBK/GB18030).</source>
            <translation>The file's text encoding was not recognised (expected UTF-8 or GBK/GB18030).</translation>
        </message>
        <message>
            <source>This system cannot write GB18030 text.</source>
            <translation>This system cannot write GB18030 text.</translation>
        </message>
        <message>
            <source>%1 is not a readable XLSX file (not a zip archive).</source>
            <translation>%1 is not a readable XLSX file (not a zip archive).</translation>
        </message>
        <message>
            <source>The XLSX file's shared strings are damaged: %1</source>
            <translation>The XLSX file's shared strings are damaged: %1</translation>
        </message>
        <message>
            <source>The XLSX sheet is damaged: %1</source>
            <translation>The XLSX sheet is damaged: %1</translation>
        </message>
        <message>
            <source>Cannot open %1: %2</source>
            <translation>Cannot open %1: %2</translation>
        </message>
        <message>
            <source>%1 is an old Excel (.xls) file: save it as .xlsx or .csv first.</source>
            <translation>%1 is an old Excel (.xls) file: save it as .xlsx or .csv first.</translation>
        </message>
        <message>
            <source>The sheet has more than %1 rows: split the roster.</source>
            <translation>The sheet has more than %1 rows: split the roster.</translation>
        </message>
        <message>
            <source>The sheet has a cell in column %1; a roster may use at most %2 columns.</source>
            <translation>The sheet has a cell in column %1; a roster may use at most %2 columns.</translation>
        </message>
        <message>
            <source>The sheet has more than %1 cells: split the roster.</source>
            <translation>The sheet has more than %1 cells: split the roster.</translation>
        </message>
        <message>
            <source>The XLSX file is too large to read (%1 inside inflates to more than %2 MB).</source>
            <translation>The XLSX file is too large to read (%1 inside inflates to more than %2 MB).</translation>
        </message>
        <message>
            <source>Cannot read %1 inside the XLSX file (it is damaged).</source>
            <translation>Cannot read %1 inside the XLSX file (it is damaged).</translation>
        </message>
        <message>
            <source>%1 is larger than %2 MB: split the roster.</source>
            <translation>%1 is larger than %2 MB: split the roster.</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>error: --producer must be a, b or both</source>
            <translation>error: --producer must be a, b or both</translation>
        </message>
        <message>
            <source>usage: tucai eval [--faces DIR] [--profile FILE] [--split tune|test|all] [--producer a|b|both] [--people N] [--defects a,b] [--levels 1,2,3] [--no-real] [--stability] [--jobs N] [--values FILE.csv]
  --producer: which way of making the compliant photos is measured: a (GrabCut matte, scale from the hair top), b (backdrop flood matte, scale from the pupil distance, placement varied within the standard) or both (the default), each reported on its own
</source>
            <translation>usage: tucai eval [--faces DIR] [--profile FILE] [--split tune|test|all] [--producer a|b|both] [--people N] [--defects a,b] [--levels 1,2,3] [--no-real] [--stability] [--jobs N] [--values FILE.csv]
  --producer: which way of making the compliant photos is measured: a (GrabCut matte, scale from the hair top), b (backdrop flood matte, scale from the pupil distance, placement varied within the standard) or both (the default), each reported on its own
</translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>error: %1</translation>
        </message>
        <message>
            <source>error: --db is required</source>
            <translation>error: --db is required</translation>
        </message>
        <message>
            <source>error: --students must be a number from 1 to 5000000</source>
            <translation>error: --students must be a number from 1 to 5000000</translation>
        </message>
        <message>
            <source>error: --seed must be a whole number</source>
            <translation>error: --seed must be a whole number</translation>
        </message>
        <message>
            <source>error: --now must be an ISO date and time, e.g. 2026-03-07T17:55:48+08:00</source>
            <translation>error: --now must be an ISO date and time, e.g. 2026-03-07T17:55:48+08:00</translation>
        </message>
        <message>
            <source>error: unknown arguments: %1</source>
            <translation>error: unknown arguments: %1</translation>
        </message>
        <message>
            <source>Demo school created in %1: %2 colleges, %3 classes, %4 students, %5 photos (%6 distinct), %7 staff.</source>
            <translation>Demo school created in %1: %2 colleges, %3 classes, %4 students, %5 photos (%6 distinct), %7 staff.</translation>
        </message>
        <message>
            <source>Photos made from the FRLL portraits in %1.</source>
            <translation>Photos made from the FRLL portraits in %1.</translation>
        </message>
        <message>
            <source>No ../shared/faces found: photos are labelled placeholders.</source>
            <translation>No ../shared/faces found: photos are labelled placeholders.</translation>
        </message>
        <message>
            <source>%1 submitted photos carry a check report.</source>
            <translation>%1 submitted photos carry a check report.</translation>
        </message>
        <message>
            <source>%1 s, %2 students/s</source>
            <translation>%1 s, %2 students/s</translation>
        </message>
        <message>
            <source>schema version %1 (this build: %2)</source>
            <translation>schema version %1 (this build: %2)</translation>
        </message>
        <message>
            <source>The database is empty (no school yet).</source>
            <translation>The database is empty (no school yet).</translation>
        </message>
        <message>
            <source>Total: %1 students, %2 photos, %3 awaiting review, %4 approved.</source>
            <translation>Total: %1 students, %2 photos, %3 awaiting review, %4 approved.</translation>
        </message>
        <message>
            <source>error: --since must be an ISO date, e.g. 2026-03-07 or 2026-03-07T08:00:00</source>
            <translation>error: --since must be an ISO date, e.g. 2026-03-07 or 2026-03-07T08:00:00</translation>
        </message>
        <message>
            <source>error: no staff member named %1</source>
            <translation>error: no staff member named %1</translation>
        </message>
        <message>
            <source>error: --limit must be a positive number</source>
            <translation>error: --limit must be a positive number</translation>
        </message>
        <message>
            <source>error: --out FILE.csv is required</source>
            <translation>error: --out FILE.csv is required</translation>
        </message>
        <message>
            <source>audit log broken at entry %1: %2</source>
            <translation>audit log broken at entry %1: %2</translation>
        </message>
        <message>
            <source>audit log intact: %1 entries</source>
            <translation>audit log intact: %1 entries</translation>
        </message>
        <message>
            <source>%1 audit entries written to %2</source>
            <translation>%1 audit entries written to %2</translation>
        </message>
        <message>
            <source>error: give --pdf and/or --csv: codes are shown only once, when generated</source>
            <translation>error: give --pdf and/or --csv: codes are shown only once, when generated</translation>
        </message>
        <message>
            <source>error: --expires must be an ISO date, e.g. 2026-06-30</source>
            <translation>error: --expires must be an ISO date, e.g. 2026-06-30</translation>
        </message>
        <message>
            <source>error: the database has no school yet</source>
            <translation>error: the database has no school yet</translation>
        </message>
        <message>
            <source>error: no college '%1'</source>
            <translation>error: no college '%1'</translation>
        </message>
        <message>
            <source>error: no class '%1'</source>
            <translation>error: no class '%1'</translation>
        </message>
        <message>
            <source>error: </source>
            <translation>error: </translation>
        </message>
        <message>
            <source>no codes were changed</source>
            <translation>no codes were changed</translation>
        </message>
        <message>
            <source>error: no students in that selection</source>
            <translation>error: no students in that selection</translation>
        </message>
        <message>
            <source>%1 codes generated in %2 ms (earlier codes of these students no longer work)</source>
            <translation>%1 codes generated in %2 ms (earlier codes of these students no longer work)</translation>
        </message>
        <message>
            <source>PDF: %1</source>
            <translation>PDF: %1</translation>
        </message>
        <message>
            <source>CSV: %1</source>
            <translation>CSV: %1</translation>
        </message>
        <message>
            <source>error: %1 has no rows</source>
            <translation>error: %1 has no rows</translation>
        </message>
        <message>
            <source>error: the header row must name the columns 学号/student no, 姓名/name, 身份证号/ID number and 班级/class (学院/college and 手机/phone are optional)</source>
            <translation>error: the header row must name the columns 学号/student no, 姓名/name, 身份证号/ID number and 班级/class (学院/college and 手机/phone are optional)</translation>
        </message>
        <message>
            <source>%1 (%2, %3): %4 new, %5 changed, %6 unchanged, %7 rows with problems</source>
            <translation>%1 (%2, %3): %4 new, %5 changed, %6 unchanged, %7 rows with problems</translation>
        </message>
        <message>
            <source>  row %1: %2</source>
            <translation>  row %1: %2</translation>
        </message>
        <message>
            <source>Problem rows saved to %1</source>
            <translation>Problem rows saved to %1</translation>
        </message>
        <message>
            <source>Dry run: nothing was written.</source>
            <translation>Dry run: nothing was written.</translation>
        </message>
        <message>
            <source>Imported in %1 s: %2 added, %3 updated, %4 unchanged, %5 rows left out.</source>
            <translation>Imported in %1 s: %2 added, %3 updated, %4 unchanged, %5 rows left out.</translation>
        </message>
        <message>
            <source>error: %1 needs a non-negative number</source>
            <translation>error: %1 needs a non-negative number</translation>
        </message>
        <message>
            <source>error: no usable webhook URL (give --url or set the school setting '%1'): %2</source>
            <translation>error: no usable webhook URL (give --url or set the school setting '%1'): %2</translation>
        </message>
        <message>
            <source>delivered #%1</source>
            <translation>delivered #%1</translation>
        </message>
        <message>
            <source>failed #%1 (gave up): %2</source>
            <translation>failed #%1 (gave up): %2</translation>
        </message>
        <message>
            <source>attempt failed #%1 (will retry): %2</source>
            <translation>attempt failed #%1 (will retry): %2</translation>
        </message>
        <message>
            <source>database problem: %1</source>
            <translation>database problem: %1</translation>
        </message>
        <message>
            <source>delivering to %1%2</source>
            <translation>delivering to %1%2</translation>
        </message>
        <message>
            <source> (until nothing is due)</source>
            <translation> (until nothing is due)</translation>
        </message>
        <message>
            <source>%1 delivered, %2 failed attempts, %3 given up</source>
            <translation>%1 delivered, %2 failed attempts, %3 given up</translation>
        </message>
        <message>
            <source>error: not an outbox id: %1</source>
            <translation>error: not an outbox id: %1</translation>
        </message>
        <message>
            <source>#%1 is not a failed row; left as it is</source>
            <translation>#%1 is not a failed row; left as it is</translation>
        </message>
        <message>
            <source>%1 row(s) queued again</source>
            <translation>%1 row(s) queued again</translation>
        </message>
        <message>
            <source>error: keep credentials out of the URL; the signature secret is given to the sender only</source>
            <translation>error: keep credentials out of the URL; the signature secret is given to the sender only</translation>
        </message>
        <message>
            <source>error: the database has no school</source>
            <translation>error: the database has no school</translation>
        </message>
        <message>
            <source>webhook URL cleared</source>
            <translation>webhook URL cleared</translation>
        </message>
        <message>
            <source>webhook URL set to %1</source>
            <translation>webhook URL set to %1</translation>
        </message>
        <message>
            <source>error: the environment variable %1 is empty</source>
            <translation>error: the environment variable %1 is empty</translation>
        </message>
        <message>
            <source>error: database roles exist only on PostgreSQL; on SQLite staff log in with their passwords</source>
            <translation>error: database roles exist only on PostgreSQL; on SQLite staff log in with their passwords</translation>
        </message>
        <message>
            <source>%1 staff login roles in place: %2</source>
            <translation>%1 staff login roles in place: %2</translation>
        </message>
        <message>
            <source>error: --role must be school_admin, college_admin or reviewer</source>
            <translation>error: --role must be school_admin, college_admin or reviewer</translation>
        </message>
        <message>
            <source>Staff member %1 created (id %2)%3</source>
            <translation>Staff member %1 created (id %2)%3</translation>
        </message>
        <message>
            <source>, database login role %1</source>
            <translation>, database login role %1</translation>
        </message>
        <message>
            <source>error: --demo-passwords is for demo databases: %1 no longer use the demo password, their database logins were left unchanged</source>
            <translation>error: --demo-passwords is for demo databases: %1 no longer use the demo password, their database logins were left unchanged</translation>
        </message>
        <message>
            <source>error: %1 holds no Tucai Admin schema (not a collection database).</source>
            <translation>error: %1 holds no Tucai Admin schema (not a collection database).</translation>
        </message>
        <message>
            <source>error: the database uses schema version %1; this build checks version %2. Run `tucai db migrate` first, or use the matching version of Tucai Admin.</source>
            <translation>error: the database uses schema version %1; this build checks version %2. Run `tucai db migrate` first, or use the matching version of Tucai Admin.</translation>
        </message>
        <message>
            <source>%1: more rows break this rule; only the first %2 are listed (--limit)</source>
            <translation>%1: more rows break this rule; only the first %2 are listed (--limit)</translation>
        </message>
        <message>
            <source>%1: no violation of %2 rules (%3 ms)</source>
            <translation>%1: no violation of %2 rules (%3 ms)</translation>
        </message>
        <message>
            <source>%1: %2 violations of %3 rules (%4 ms)</source>
            <translation>%1: %2 violations of %3 rules (%4 ms)</translation>
        </message>
        <message>
            <source>%1 s  arrived %2  verified %3  shots %4 (drafts %5, failed %6, liveness %7)  submitted %8  paid %9  decisions %10 (%11 approved, %12 returned)  locked %13  cooling %14  lost %15</source>
            <translation>%1 s  arrived %2  verified %3  shots %4 (drafts %5, failed %6, liveness %7)  submitted %8  paid %9  decisions %10 (%11 approved, %12 returned)  locked %13  cooling %14  lost %15</translation>
        </message>
        <message>
            <source>--students must be a whole number, 0 or more</source>
            <translation>--students must be a whole number, 0 or more</translation>
        </message>
        <message>
            <source>--rate must be a number of arrivals per minute above 0</source>
            <translation>--rate must be a number of arrivals per minute above 0</translation>
        </message>
        <message>
            <source>--duration must be a whole number of seconds, 0 or more</source>
            <translation>--duration must be a whole number of seconds, 0 or more</translation>
        </message>
        <message>
            <source>--reviewers must be a number from 0 to 64</source>
            <translation>--reviewers must be a number from 0 to 64</translation>
        </message>
        <message>
            <source>--seed must be a whole number</source>
            <translation>--seed must be a whole number</translation>
        </message>
        <message>
            <source>--speed must be a number from 0.01 to 10000</source>
            <translation>--speed must be a number from 0.01 to 10000</translation>
        </message>
        <message>
            <source>unknown arguments: %1</source>
            <translation>unknown arguments: %1</translation>
        </message>
        <message>
            <source>--db is required</source>
            <translation>--db is required</translation>
        </message>
        <message>
            <source>Simulating the students of %1 on %2 (%3 reviewers, keys %4*); Ctrl+C stops.</source>
            <translation>Simulating the students of %1 on %2 (%3 reviewers, keys %4*); Ctrl+C stops.</translation>
        </message>
        <message>
            <source>Stopped after %1 s.</source>
            <translation>Stopped after %1 s.</translation>
        </message>
        <message>
            <source>Done after %1 s.</source>
            <translation>Done after %1 s.</translation>
        </message>
        <message>
            <source>students: %1 came, %2 verified (%3 were shown a notice), %4 approved</source>
            <translation>students: %1 came, %2 verified (%3 were shown a notice), %4 approved</translation>
        </message>
        <message>
            <source>shots: %1 (%2 to the draft box, %3 failed the checks, %4 failed liveness); %5 liveness locks, %6 cooling-offs</source>
            <translation>shots: %1 (%2 to the draft box, %3 failed the checks, %4 failed liveness); %5 liveness locks, %6 cooling-offs</translation>
        </message>
        <message>
            <source>draft box: %1 times full, %2 drafts deleted; %3 times outside the collection hours</source>
            <translation>draft box: %1 times full, %2 drafts deleted; %3 times outside the collection hours</translation>
        </message>
        <message>
            <source>submitted: %1 (%2 had to pay first, %3 paid); %4 shot again after a return</source>
            <translation>submitted: %1 (%2 had to pay first, %3 paid); %4 shot again after a return</translation>
        </message>
        <message>
            <source>decisions: %1 (%2 approved, %3 returned); %4 lost to another reviewer</source>
            <translation>decisions: %1 (%2 approved, %3 returned); %4 lost to another reviewer</translation>
        </message>
        <message>
            <source>connection lost %1 times with an action in flight (%6 other database failures): %2 found committed, %3 sent again, %4 given up; settings changed %5 times</source>
            <translation>connection lost %1 times with an action in flight (%6 other database failures): %2 found committed, %3 sent again, %4 given up; settings changed %5 times</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>Cannot open the database</source>
            <translation>Cannot open the database</translation>
        </message>
        <message>
            <source>Log-in failed</source>
            <translation>Log-in failed</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::AuditPage</name>
        <message>
            <source>Search reason, before, after</source>
            <translation>Search reason, before, after</translation>
        </message>
        <message>
            <source>any time</source>
            <translation>any time</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Export the filtered entries (Ctrl+E)</source>
            <translation>Export the filtered entries (Ctrl+E)</translation>
        </message>
        <message>
            <source>Verify chain</source>
            <translation>Verify chain</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Since</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Target</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Before</translation>
        </message>
        <message>
            <source>After</source>
            <translation>After</translation>
        </message>
        <message>
            <source>Export audit log</source>
            <translation>Export audit log</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>Everyone</translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>All actions</translation>
        </message>
        <message>
            <source>%1 of %2 entries shown (newest first); narrow the filter or export.</source>
            <translation>%1 of %2 entries shown (newest first); narrow the filter or export.</translation>
        </message>
        <message numerus="yes">
            <source>%n entries</source>
            <translation>
                <numerusform>%n entries</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
        <message>
            <source>The audit log was tampered with: %1</source>
            <translation>The audit log was tampered with: %1</translation>
        </message>
        <message numerus="yes">
            <source>The audit log is intact (%n entries).</source>
            <translation>
                <numerusform>The audit log is intact (%n entries).</numerusform>
                <numerusform>The audit log is intact (%n entries).</numerusform>
            </translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>Exported to %1</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Verifying the audit log…</source>
            <translation>Verifying the audit log…</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>Entry %1 at %2 by %3
Action: %4
Target: %5
Reason: %6

Before:
%7

After:
%8

Hash: %9</source>
            <translation>Entry %1 at %2 by %3
Action: %4
Target: %5
Reason: %6

Before:
%7

After:
%8

Hash: %9</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::CodeListModel</name>
        <message>
            <source>Student</source>
            <translation>Student</translation>
        </message>
        <message>
            <source>School/batch</source>
            <translation>School/batch</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>Revoked (%1)</source>
            <translation>Revoked (%1)</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Student no.</source>
            <translation>Student no.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Expires</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::CodesPage</name>
        <message>
            <source>Expires on</source>
            <translation>Expires on</translation>
        </message>
        <message>
            <source>Show revoked</source>
            <translation>Show revoked</translation>
        </message>
        <message>
            <source>&amp;Generate codes and save PDF...</source>
            <translation>&amp;Generate codes and save PDF...</translation>
        </message>
        <message>
            <source>New codes for every student of the selection; their earlier codes stop working (Ctrl+G)</source>
            <translation>New codes for every student of the selection; their earlier codes stop working (Ctrl+G)</translation>
        </message>
        <message>
            <source>School/&amp;batch code...</source>
            <translation>School/&amp;batch code...</translation>
        </message>
        <message>
            <source>One shared code for the school or the selected college (e.g. for a collection session)</source>
            <translation>One shared code for the school or the selected college (e.g. for a collection session)</translation>
        </message>
        <message>
            <source>&amp;Revoke</source>
            <translation>&amp;Revoke</translation>
        </message>
        <message>
            <source>Revoke the selected codes (Del)</source>
            <translation>Revoke the selected codes (Del)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Type or scan a code to check it</source>
            <translation>Type or scan a code to check it</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>&amp;Check</translation>
        </message>
        <message>
            <source>College</source>
            <translation>College</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>%1 codes generated; earlier codes of these students no longer work. Saved %2 and %3.</source>
            <translation>%1 codes generated; earlier codes of these students no longer work. Saved %2 and %3.</translation>
        </message>
        <message>
            <source>Collection codes</source>
            <translation>Collection codes</translation>
        </message>
        <message numerus="yes">
            <source>%n selected student(s) from the filtered list; choose a college or class to go back.</source>
            <translation>
                <numerusform>%n selected student(s) from the filtered list; choose a college or class to go back.</numerusform>
                <numerusform>%n selected student(s) from the filtered list; choose a college or class to go back.</numerusform>
            </translation>
        </message>
        <message>
            <source>All colleges</source>
            <translation>All colleges</translation>
        </message>
        <message>
            <source>All classes</source>
            <translation>All classes</translation>
        </message>
        <message numerus="yes">
            <source>%n selected student(s)</source>
            <translation>
                <numerusform>%n selected student(s)</numerusform>
                <numerusform>%n selected student(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the code sheet</source>
            <translation>Save the code sheet</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Generate codes</source>
            <translation>Generate codes</translation>
        </message>
        <message>
            <source>Generate new codes for every student of %1? Codes handed out before stop working. The codes are shown only now: they are saved to %2 and %3.</source>
            <translation>Generate new codes for every student of %1? Codes handed out before stop working. The codes are shown only now: they are saved to %2 and %3.</translation>
        </message>
        <message>
            <source>Generating codes...</source>
            <translation>Generating codes...</translation>
        </message>
        <message>
            <source>Cancelled: no codes were changed.</source>
            <translation>Cancelled: no codes were changed.</translation>
        </message>
        <message>
            <source>No codes were changed.</source>
            <translation>No codes were changed.</translation>
        </message>
        <message>
            <source>There are no students in this selection.</source>
            <translation>There are no students in this selection.</translation>
        </message>
        <message>
            <source>School/batch code</source>
            <translation>School/batch code</translation>
        </message>
        <message>
            <source>Label (e.g. the collection session):</source>
            <translation>Label (e.g. the collection session):</translation>
        </message>
        <message>
            <source>The new code is %1
Write it down now: it is not stored and cannot be shown again.</source>
            <translation>The new code is %1
Write it down now: it is not stored and cannot be shown again.</translation>
        </message>
        <message>
            <source>Revoke codes</source>
            <translation>Revoke codes</translation>
        </message>
        <message numerus="yes">
            <source>Revoke %n code(s)? They stop working at once.</source>
            <translation>
                <numerusform>Revoke %n code(s)? They stop working at once.</numerusform>
                <numerusform>Revoke %n code(s)? They stop working at once.</numerusform>
            </translation>
        </message>
        <message>
            <source>revoked by staff</source>
            <translation>revoked by staff</translation>
        </message>
        <message numerus="yes">
            <source>%n code(s) revoked.</source>
            <translation>
                <numerusform>%n code(s) revoked.</numerusform>
                <numerusform>%n code(s) revoked.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ConnectionDialog</name>
        <message>
            <source>Connect to the collection database</source>
            <translation>Connect to the collection database</translation>
        </message>
        <message>
            <source>Database file on this computer (SQLite)</source>
            <translation>Database file on this computer (SQLite)</translation>
        </message>
        <message>
            <source>Database server (PostgreSQL)</source>
            <translation>Database server (PostgreSQL)</translation>
        </message>
        <message>
            <source>Path of the .sqlite file</source>
            <translation>Path of the .sqlite file</translation>
        </message>
        <message>
            <source>Browse...</source>
            <translation>Browse...</translation>
        </message>
        <message>
            <source>Remember the password in the system keychain</source>
            <translation>Remember the password in the system keychain</translation>
        </message>
        <message>
            <source>This build has no keychain support: the password is asked each time.</source>
            <translation>This build has no keychain support: the password is asked each time.</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Database</translation>
        </message>
        <message>
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>Connect</translation>
        </message>
        <message>
            <source>Open database file</source>
            <translation>Open database file</translation>
        </message>
        <message>
            <source>Tucai databases (*.sqlite *.db);;All files (*)</source>
            <translation>Tucai databases (*.sqlite *.db);;All files (*)</translation>
        </message>
        <message>
            <source>Automatic (verify the certificate unless the server is this computer)</source>
            <translation>Automatic (verify the certificate unless the server is this computer)</translation>
        </message>
        <message>
            <source>Verify certificate and server name (verify-full)</source>
            <translation>Verify certificate and server name (verify-full)</translation>
        </message>
        <message>
            <source>Verify certificate only (verify-ca)</source>
            <translation>Verify certificate only (verify-ca)</translation>
        </message>
        <message>
            <source>Encrypt without verifying (require)</source>
            <translation>Encrypt without verifying (require)</translation>
        </message>
        <message>
            <source>Encrypt if the server can (prefer)</source>
            <translation>Encrypt if the server can (prefer)</translation>
        </message>
        <message>
            <source>No encryption (disable)</source>
            <translation>No encryption (disable)</translation>
        </message>
        <message>
            <source>Root certificate of the server (.crt / .pem)</source>
            <translation>Root certificate of the server (.crt / .pem)</translation>
        </message>
        <message>
            <source>Root certificate</source>
            <translation>Root certificate</translation>
        </message>
        <message>
            <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
            <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
        </message>
        <message>
            <source>Encryption</source>
            <translation>Encryption</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::DashboardCharts</name>
        <message>
            <source>Progress per college</source>
            <translation>Progress per college</translation>
        </message>
        <message numerus="yes">
            <source>Overall: %n student(s)</source>
            <translation>
                <numerusform>Overall: %n student(s)</numerusform>
                <numerusform>Overall: %n student(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>Daily submissions and decisions</source>
            <translation>Daily submissions and decisions</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>Most violated rules</source>
            <translation>Most violated rules</translation>
        </message>
        <message>
            <source>Photos</source>
            <translation>Photos</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Reviewer throughput</source>
            <translation>Reviewer throughput</translation>
        </message>
        <message>
            <source>%1 (%2/day)</source>
            <translation>%1 (%2/day)</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::DashboardPage</name>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>Compute the figures again (%1)</source>
            <translation>Compute the figures again (%1)</translation>
        </message>
        <message>
            <source>No automatic refresh</source>
            <translation>No automatic refresh</translation>
        </message>
        <message>
            <source>Every minute</source>
            <translation>Every minute</translation>
        </message>
        <message>
            <source>Every 5 minutes</source>
            <translation>Every 5 minutes</translation>
        </message>
        <message>
            <source>Every 15 minutes</source>
            <translation>Every 15 minutes</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Still missing</source>
            <translation>Still missing</translation>
        </message>
        <message>
            <source>Computing the figures...</source>
            <translation>Computing the figures...</translation>
        </message>
        <message>
            <source>The figures could not be computed: %1</source>
            <translation>The figures could not be computed: %1</translation>
        </message>
        <message>
            <source>%1 students, %2 approved (%3%). Window %4 to %5. Updated %6 (%7 ms).</source>
            <translation>%1 students, %2 approved (%3%). Window %4 to %5. Updated %6 (%7 ms).</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ExportPage</name>
        <message>
            <source>Paid students only</source>
            <translation>Paid students only</translation>
        </message>
        <message>
            <source>Only photos decided between</source>
            <translation>Only photos decided between</translation>
        </message>
        <message>
            <source>One zip per college, a folder per class</source>
            <translation>One zip per college, a folder per class</translation>
        </message>
        <message>
            <source>One zip, a folder per college and class</source>
            <translation>One zip, a folder per college and class</translation>
        </message>
        <message>
            <source>Fields: {学号} student number, {身份证号} ID number, {学院} college, {班级} class, {姓名} name</source>
            <translation>Fields: {学号} student number, {身份证号} ID number, {学院} college, {班级} class, {姓名} name</translation>
        </message>
        <message>
            <source>&amp;Browse...</source>
            <translation>&amp;Browse...</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Export</translation>
        </message>
        <message>
            <source>Start the export (%1)</source>
            <translation>Start the export (%1)</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancel</translation>
        </message>
        <message>
            <source>Stop the export; nothing is left under the final names (Esc)</source>
            <translation>Stop the export; nothing is left under the final names (Esc)</translation>
        </message>
        <message>
            <source>Selection</source>
            <translation>Selection</translation>
        </message>
        <message>
            <source>Colleges (none checked = all)</source>
            <translation>Colleges (none checked = all)</translation>
        </message>
        <message>
            <source>Classes (none checked = all)</source>
            <translation>Classes (none checked = all)</translation>
        </message>
        <message>
            <source>and</source>
            <translation>and</translation>
        </message>
        <message>
            <source>Package</source>
            <translation>Package</translation>
        </message>
        <message>
            <source>Layout:</source>
            <translation>Layout:</translation>
        </message>
        <message>
            <source>File names:</source>
            <translation>File names:</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <source>Photos that are not %1x%2 JPEG of %3-%4 KB are re-encoded; the others are copied byte for byte.</source>
            <translation>Photos that are not %1x%2 JPEG of %3-%4 KB are re-encoded; the others are copied byte for byte.</translation>
        </message>
        <message>
            <source>Export to folder</source>
            <translation>Export to folder</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Choose the folder to export to.</source>
            <translation>Choose the folder to export to.</translation>
        </message>
        <message>
            <source>Exporting...</source>
            <translation>Exporting...</translation>
        </message>
        <message>
            <source>Cancelling...</source>
            <translation>Cancelling...</translation>
        </message>
        <message>
            <source>Export cancelled: nothing was written under the final names.</source>
            <translation>Export cancelled: nothing was written under the final names.</translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>Export failed: %1</translation>
        </message>
        <message>
            <source>%1 approved photos selected, %2 exported (%3 re-encoded), %4 failed.</source>
            <translation>%1 approved photos selected, %2 exported (%3 re-encoded), %4 failed.</translation>
        </message>
        <message>
            <source>Renamed (duplicate name): %1</source>
            <translation>Renamed (duplicate name): %1</translation>
        </message>
        <message>
            <source>Failed: %1 %2: %3</source>
            <translation>Failed: %1 %2: %3</translation>
        </message>
        <message numerus="yes">
            <source>%n student(s) marked as exported.</source>
            <translation>
                <numerusform>%n student(s) marked as exported.</numerusform>
                <numerusform>%n student(s) marked as exported.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ImportDialog</name>
        <message>
            <source>Import a student roster</source>
            <translation>Import a student roster</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>Roster file</source>
            <translation>Roster file</translation>
        </message>
        <message>
            <source>Rosters (*.csv *.xlsx *.txt)</source>
            <translation>Rosters (*.csv *.xlsx *.txt)</translation>
        </message>
        <message>
            <source> (optional)</source>
            <translation> (optional)</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problems</translation>
        </message>
        <message>
            <source>Check (dry run)</source>
            <translation>Check (dry run)</translation>
        </message>
        <message>
            <source>Save problem rows…</source>
            <translation>Save problem rows…</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message numerus="yes">
            <source>%1, %2, %n row(s)</source>
            <translation>
                <numerusform>%1, %2, %n row(s)</numerusform>
                <numerusform>%1, %2, %n row(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>(not in the file)</source>
            <translation>(not in the file)</translation>
        </message>
        <message>
            <source>Check the column mapping, then run the dry run.</source>
            <translation>Check the column mapping, then run the dry run.</translation>
        </message>
        <message>
            <source>Choose the columns for student number, name, ID number and class.</source>
            <translation>Choose the columns for student number, name, ID number and class.</translation>
        </message>
        <message>
            <source>Dry run: %1 new, %2 changed, %3 unchanged, %4 row(s) with problems (left out of the import).</source>
            <translation>Dry run: %1 new, %2 changed, %3 unchanged, %4 row(s) with problems (left out of the import).</translation>
        </message>
        <message>
            <source>Imported: %1 added, %2 updated, %3 unchanged, %4 row(s) left out.</source>
            <translation>Imported: %1 added, %2 updated, %3 unchanged, %4 row(s) left out.</translation>
        </message>
        <message>
            <source>Save problem rows</source>
            <translation>Save problem rows</translation>
        </message>
        <message>
            <source>-problems.csv</source>
            <translation>-problems.csv</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n problem row(s) saved to %1.</source>
            <translation>
                <numerusform>%n problem row(s) saved to %1.</numerusform>
                <numerusform>%n problem row(s) saved to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::LoginDialog</name>
        <message>
            <source>User name</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>Database %1 on the server %2</source>
            <translation>Database %1 on the server %2</translation>
        </message>
        <message>
            <source>Database file %1</source>
            <translation>Database file %1</translation>
        </message>
        <message>
            <source>Log in to Tucai Admin</source>
            <translation>Log in to Tucai Admin</translation>
        </message>
        <message>
            <source>Tucai Admin</source>
            <translation>Tucai Admin</translation>
        </message>
        <message>
            <source>Graduation photo collection, staff side</source>
            <translation>Graduation photo collection, staff side</translation>
        </message>
        <message>
            <source>Demo database: click an account to fill it in</source>
            <translation>Demo database: click an account to fill it in</translation>
        </message>
        <message>
            <source>Fill in %1 and its password</source>
            <translation>Fill in %1 and its password</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::MainWindow</name>
        <message>
            <source>%1 %2 %3</source>
            <comment>connection banner: why, when the next attempt is, what still works</comment>
            <translation>%1 %2 %3</translation>
        </message>
        <message>
            <source>Try again now</source>
            <translation>Try again now</translation>
        </message>
        <message>
            <source>The database file is missing — waiting for it to come back… (attempt %1)</source>
            <translation>The database file is missing — waiting for it to come back… (attempt %1)</translation>
        </message>
        <message>
            <source>Connection to the database lost — reconnecting… (attempt %1)</source>
            <translation>Connection to the database lost — reconnecting… (attempt %1)</translation>
        </message>
        <message numerus="yes">
            <source>Next attempt in %n second(s).</source>
            <translation>
                <numerusform>Next attempt in %n second.</numerusform>
                <numerusform>Next attempt in %n seconds.</numerusform>
            </translation>
        </message>
        <message>
            <source>Trying now…</source>
            <translation>Trying now…</translation>
        </message>
        <message>
            <source>What is on screen stays readable; changes are not saved until the connection is back.</source>
            <translation>What is on screen stays readable; changes are not saved until the connection is back.</translation>
        </message>
        <message>
            <source>Connection to the database restored.</source>
            <translation>Connection to the database restored.</translation>
        </message>
        <message>
            <source>Tucai Admin</source>
            <translation>Tucai Admin</translation>
        </message>
        <message>
            <source>%1 (%2) - %3</source>
            <translation>%1 (%2) - %3</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Connect to another database...</source>
            <translation>&amp;Connect to another database...</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>The new language is used from the next start of Tucai Admin.</source>
            <translation>The new language is used from the next start of Tucai Admin.</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
        <message>
            <source>&amp;About Tucai Admin</source>
            <translation>&amp;About Tucai Admin</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>About Tucai Admin</source>
            <translation>About Tucai Admin</translation>
        </message>
        <message>
            <source>Tucai Admin %1
Qt %2, OpenCV %3, schema %4
Log file: %5</source>
            <translation>Tucai Admin %1
Qt %2, OpenCV %3, schema %4
Log file: %5</translation>
        </message>
        <message>
            <source>&amp;Narrow navigation (icons only)</source>
            <translation>&amp;Narrow navigation (icons only)</translation>
        </message>
        <message numerus="yes">
            <source>%1: %n photo(s) awaiting review</source>
            <translation>
                <numerusform>%1: %n photo awaiting review</numerusform>
                <numerusform>%1: %n photos awaiting review</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::NoticeListModel</name>
        <message>
            <source>College %1</source>
            <translation>College %1</translation>
        </message>
        <message>
            <source>Whole school</source>
            <translation>Whole school</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>For</source>
            <translation>For</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Published / scheduled</source>
            <translation>Published / scheduled</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Last change</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::NoticesPage</name>
        <message>
            <source>&amp;New notice</source>
            <translation>&amp;New notice</translation>
        </message>
        <message>
            <source>Write a new notice (Ctrl+N)</source>
            <translation>Write a new notice (Ctrl+N)</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Collection details shown with the notice</source>
            <translation>Collection details shown with the notice</translation>
        </message>
        <message>
            <source>Collection window</source>
            <translation>Collection window</translation>
        </message>
        <message>
            <source>e.g. 2026-05-01, 2026-05-02</source>
            <translation>e.g. 2026-05-01, 2026-05-02</translation>
        </message>
        <message>
            <source> yuan</source>
            <translation> yuan</translation>
        </message>
        <message>
            <source>Daily hours</source>
            <translation>Daily hours</translation>
        </message>
        <message>
            <source>Closure days</source>
            <translation>Closure days</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Fee</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <source>Add...</source>
            <translation>Add...</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Save (Ctrl+S): a new version in the history</source>
            <translation>Save (Ctrl+S): a new version in the history</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Preview</translation>
        </message>
        <message>
            <source>Show the notice as a student sees it on a phone (Ctrl+P)</source>
            <translation>Show the notice as a student sees it on a phone (Ctrl+P)</translation>
        </message>
        <message>
            <source>S&amp;chedule</source>
            <translation>S&amp;chedule</translation>
        </message>
        <message>
            <source>Publish automatically at the chosen time</source>
            <translation>Publish automatically at the chosen time</translation>
        </message>
        <message>
            <source>Publish &amp;now</source>
            <translation>Publish &amp;now</translation>
        </message>
        <message>
            <source>&amp;Unschedule</source>
            <translation>&amp;Unschedule</translation>
        </message>
        <message>
            <source>&amp;Archive</source>
            <translation>&amp;Archive</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>What changed</source>
            <translation>What changed</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Whole school</source>
            <translation>Whole school</translation>
        </message>
        <message>
            <source>Publish</source>
            <translation>Publish</translation>
        </message>
        <message>
            <source>Publish "%1" now? Students see it at once.</source>
            <translation>Publish "%1" now? Students see it at once.</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>Archive</translation>
        </message>
        <message>
            <source>Archive "%1"? Students no longer see it.</source>
            <translation>Archive "%1"? Students no longer see it.</translation>
        </message>
        <message>
            <source>Attach a file</source>
            <translation>Attach a file</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>Discard the changes to "%1"?</source>
            <translation>Discard the changes to "%1"?</translation>
        </message>
        <message>
            <source>%1 · version %2%3</source>
            <translation>%1 · version %2%3</translation>
        </message>
        <message>
            <source> · unsaved changes</source>
            <translation> · unsaved changes</translation>
        </message>
        <message>
            <source>New notice (not saved yet)</source>
            <translation>New notice (not saved yet)</translation>
        </message>
        <message>
            <source>Notice not saved</source>
            <translation>Notice not saved</translation>
        </message>
        <message>
            <source>%1 is larger than 20 MB.</source>
            <translation>%1 is larger than 20 MB.</translation>
        </message>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>Cannot read %1: %2</translation>
        </message>
        <message>
            <source>(system)</source>
            <translation>(system)</translation>
        </message>
        <message>
            <source>Notices</source>
            <translation>Notices</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::OutboxModel</name>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>Sending</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>Written</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Student</source>
            <translation>Student</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <source>Next attempt</source>
            <translation>Next attempt</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>Last error</translation>
        </message>
        <message>
            <source>Withdrawn (decision undone)</source>
            <translation>Withdrawn (decision undone)</translation>
        </message>
        <message>
            <source>%1
Idempotency key: %2</source>
            <translation>%1
Idempotency key: %2</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::OutboxPage</name>
        <message>
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>&amp;Show:</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Reload the list (%1)</source>
            <translation>Reload the list (%1)</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Send the selected failed notifications again (%1)</source>
            <translation>Send the selected failed notifications again (%1)</translation>
        </message>
        <message>
            <source>Checking the webhook settings...</source>
            <translation>Checking the webhook settings...</translation>
        </message>
        <message>
            <source>Could not read the notifications: %1</source>
            <translation>Could not read the notifications: %1</translation>
        </message>
        <message>
            <source>%1 waiting, %2 sending, %3 delivered, %4 failed</source>
            <translation>%1 waiting, %2 sending, %3 delivered, %4 failed</translation>
        </message>
        <message>
            <source>No webhook URL is set for this school (setting "%1"): notifications wait here.</source>
            <translation>No webhook URL is set for this school (setting "%1"): notifications wait here.</translation>
        </message>
        <message>
            <source>Webhook %1. This computer does not send notifications (%2); the delivery service (tucai outbox deliver) may run elsewhere.</source>
            <translation>Webhook %1. This computer does not send notifications (%2); the delivery service (tucai outbox deliver) may run elsewhere.</translation>
        </message>
        <message>
            <source>Sending notifications in the background to %1.</source>
            <translation>Sending notifications in the background to %1.</translation>
        </message>
        <message>
            <source>The notifications could not be queued again: %1</source>
            <translation>The notifications could not be queued again: %1</translation>
        </message>
        <message>
            <source>%1 notification(s) queued again; %2 were not failed and were left as they are.</source>
            <translation>%1 notification(s) queued again; %2 were not failed and were left as they are.</translation>
        </message>
        <message>
            <source>%1 notification(s) queued again.</source>
            <translation>%1 notification(s) queued again.</translation>
        </message>
        <message>
            <source>#%1 %2 (key %3)</source>
            <translation>#%1 %2 (key %3)</translation>
        </message>
        <message>
            <source>#%1 %2 (key %3): last error: %4</source>
            <translation>#%1 %2 (key %3): last error: %4</translation>
        </message>
        <message>
            <source>This computer does not send notifications: %1</source>
            <translation>This computer does not send notifications: %1</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::PhonePreview</name>
        <message>
            <source>Preview: the notice on a student's phone</source>
            <translation>Preview: the notice on a student's phone</translation>
        </message>
        <message>
            <source>Graduation photo collection</source>
            <translation>Graduation photo collection</translation>
        </message>
        <message>
            <source>Collection</source>
            <translation>Collection</translation>
        </message>
        <message>
            <source>Daily hours</source>
            <translation>Daily hours</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>Closed on</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Fee</translation>
        </message>
        <message>
            <source>%1 yuan</source>
            <translation>%1 yuan</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Attachments</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::PhotoViewer</name>
        <message>
            <source>Face box</source>
            <translation>Face box</translation>
        </message>
        <message>
            <source>Landmarks</source>
            <translation>Landmarks</translation>
        </message>
        <message>
            <source>Eye line and roll</source>
            <translation>Eye line and roll</translation>
        </message>
        <message>
            <source>Standard's guides</source>
            <translation>Standard's guides</translation>
        </message>
        <message>
            <source>Background mask</source>
            <translation>Background mask</translation>
        </message>
        <message>
            <source>Highlight spots</source>
            <translation>Highlight spots</translation>
        </message>
        <message>
            <source>Violated rules</source>
            <translation>Violated rules</translation>
        </message>
        <message>
            <source>The face the engine found</source>
            <translation>The face the engine found</translation>
        </message>
        <message>
            <source>Line through the eyes with its roll angle</source>
            <translation>Line through the eyes with its roll angle</translation>
        </message>
        <message>
            <source>Hair top 50-110 px, eye line 200-300 px, face width 180-300 px, vertical centre</source>
            <translation>Hair top 50-110 px, eye line 200-300 px, face width 180-300 px, vertical centre</translation>
        </message>
        <message>
            <source>Background pixels flagged by the background rules</source>
            <translation>Background pixels flagged by the background rules</translation>
        </message>
        <message>
            <source>Over-bright spots on the skin</source>
            <translation>Over-bright spots on the skin</translation>
        </message>
        <message>
            <source>Region of each failed rule (red) and undecided rule (orange, dashed)</source>
            <translation>Region of each failed rule (red) and undecided rule (orange, dashed)</translation>
        </message>
        <message>
            <source>hair top 50-110</source>
            <translation>hair top 50-110</translation>
        </message>
        <message>
            <source>eye line 200-300</source>
            <translation>eye line 200-300</translation>
        </message>
        <message>
            <source>face 180-300</source>
            <translation>face 180-300</translation>
        </message>
        <message>
            <source>roll %1°</source>
            <translation>roll %1°</translation>
        </message>
        <message>
            <source>Head pose</source>
            <translation>Head pose</translation>
        </message>
        <message>
            <source>The 68 face landmarks (jaw, brows, nose, eyes, lips) and the located pupils and mouth</source>
            <translation>The 68 face landmarks (jaw, brows, nose, eyes, lips) and the located pupils and mouth</translation>
        </message>
        <message>
            <source>The head's axes from the landmarks (red: across, green: down, blue: towards the camera) with yaw, pitch and roll</source>
            <translation>The head's axes from the landmarks (red: across, green: down, blue: towards the camera) with yaw, pitch and roll</translation>
        </message>
        <message>
            <source>yaw %1° pitch %2° roll %3°</source>
            <translation>yaw %1° pitch %2° roll %3°</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::QueueModel</name>
        <message>
            <source>Draft</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>To review</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>Not checked</translation>
        </message>
        <message numerus="yes">
            <source>%n rule(s) failed</source>
            <translation>
                <numerusform>%n rule(s) failed</numerusform>
                <numerusform>%n rule(s) failed</numerusform>
            </translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>Passed</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Photo</translation>
        </message>
        <message>
            <source>Student no.</source>
            <translation>Student no.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>Stored</source>
            <translation>Stored</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Submitted</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>Awaiting payment</source>
            <translation>Awaiting payment</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ReasonDialog</name>
        <message>
            <source>New end</source>
            <translation>New end</translation>
        </message>
        <message>
            <source>Extra attempts</source>
            <translation>Extra attempts</translation>
        </message>
        <message>
            <source>Why? (kept in the audit log, e.g. "checked the student's ID card at the office")</source>
            <translation>Why? (kept in the audit log, e.g. "checked the student's ID card at the office")</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Please give a reason.</source>
            <translation>Please give a reason.</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ReturnReasonDialog</name>
        <message numerus="yes">
            <source>Return %n photos</source>
            <translation>
                <numerusform>Return %n photos</numerusform>
                <numerusform>Return %n photos</numerusform>
            </translation>
        </message>
        <message>
            <source>Return the photo</source>
            <translation>Return the photo</translation>
        </message>
        <message>
            <source>Note to the student (optional):</source>
            <translation>Note to the student (optional):</translation>
        </message>
        <message>
            <source>Return (Ctrl+Enter)</source>
            <translation>Return (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Tick at least one reason or write a note.</source>
            <translation>Tick at least one reason or write a note.</translation>
        </message>
        <message>
            <source>Suggested when these checks fail: %1</source>
            <translation>Suggested when these checks fail: %1</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Why is it returned? The student sees these reasons and shoots again free of charge. Reasons suggested by the failed rules are ticked and listed first.</source>
            <translation>Why is it returned? The student sees these reasons and shoots again free of charge. Reasons suggested by the failed rules are ticked and listed first.</translation>
        </message>
        <message>
            <source>Type to filter: Chinese, pinyin or its initials (bj = 背景不符)</source>
            <translation>Type to filter: Chinese, pinyin or its initials (bj = 背景不符)</translation>
        </message>
        <message>
            <source>(suggested by the checks)</source>
            <translation>(suggested by the checks)</translation>
        </message>
        <message>
            <source>Key %1 ticks or unticks this reason.</source>
            <translation>Key %1 ticks or unticks this reason.</translation>
        </message>
        <message>
            <source>Keys: 1-9 tick the numbered reasons · type to filter · Up/Down and Enter or Space tick the highlighted one · Ctrl+Enter returns · Esc clears the filter, then cancels</source>
            <translation>Keys: 1-9 tick the numbered reasons · type to filter · Up/Down and Enter or Space tick the highlighted one · Ctrl+Enter returns · Esc clears the filter, then cancels</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::ReviewPage</name>
        <message>
            <source>default profile</source>
            <translation>default profile</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>Approve selected</source>
            <translation>Approve selected</translation>
        </message>
        <message>
            <source>Return selected…</source>
            <translation>Return selected…</translation>
        </message>
        <message>
            <source>Approve everything that passes every rule…</source>
            <translation>Approve everything that passes every rule…</translation>
        </message>
        <message>
            <source>Re-check</source>
            <translation>Re-check</translation>
        </message>
        <message>
            <source>Re-check the selection</source>
            <translation>Re-check the selection</translation>
        </message>
        <message>
            <source>Re-check everything matching the filter</source>
            <translation>Re-check everything matching the filter</translation>
        </message>
        <message>
            <source>Choose check profile…</source>
            <translation>Choose check profile…</translation>
        </message>
        <message>
            <source>Run the check engine again (profile: %1)</source>
            <translation>Run the check engine again (profile: %1)</translation>
        </message>
        <message>
            <source>Not checked yet: check it now (Ctrl+R)</source>
            <translation>Not checked yet: check it now (Ctrl+R)</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Rule</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Measured</source>
            <translation>Measured</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Limit</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Overlay layers:</source>
            <translation>Overlay layers:</translation>
        </message>
        <message>
            <source>&lt;span style='color:#e61e1e'&gt;■&lt;/span&gt; failed rule &amp;nbsp; &lt;span style='color:#ff9600'&gt;▪▪&lt;/span&gt; undecided rule &amp;nbsp; &lt;span style='color:#d4c000'&gt;■&lt;/span&gt; selected rule</source>
            <translation>&lt;span style='color:#e61e1e'&gt;■&lt;/span&gt; failed rule &amp;nbsp; &lt;span style='color:#ff9600'&gt;▪▪&lt;/span&gt; undecided rule &amp;nbsp; &lt;span style='color:#d4c000'&gt;■&lt;/span&gt; selected rule</translation>
        </message>
        <message>
            <source>Could not count the photos</source>
            <translation>Could not count the photos</translation>
        </message>
        <message numerus="yes">
            <source>%n photo(s) match the filter</source>
            <translation>
                <numerusform>%n photo(s) match the filter</numerusform>
                <numerusform>%n photo(s) match the filter</numerusform>
            </translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Return…</source>
            <translation>Return…</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Skip</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>Previous</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Fit</translation>
        </message>
        <message>
            <source>100%</source>
            <translation>100%</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>Re-check this photo</source>
            <translation>Re-check this photo</translation>
        </message>
        <message>
            <source>Approve this photo and show the next (%1)</source>
            <translation>Approve this photo and show the next (%1)</translation>
        </message>
        <message>
            <source>Return this photo with reasons (%1)</source>
            <translation>Return this photo with reasons (%1)</translation>
        </message>
        <message>
            <source>Leave this photo for later and show the next (%1)</source>
            <translation>Leave this photo for later and show the next (%1)</translation>
        </message>
        <message>
            <source>Take back the last decision while the student has not acted on it (%1)</source>
            <translation>Take back the last decision while the student has not acted on it (%1)</translation>
        </message>
        <message>
            <source>All colleges</source>
            <translation>All colleges</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>To review</translation>
        </message>
        <message>
            <source>Drafts</source>
            <translation>Drafts</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Any rule</source>
            <translation>Any rule</translation>
        </message>
        <message>
            <source>any day</source>
            <translation>any day</translation>
        </message>
        <message>
            <source>Student no. or name (Ctrl+F)</source>
            <translation>Student no. or name (Ctrl+F)</translation>
        </message>
        <message>
            <source>Oldest first</source>
            <translation>Oldest first</translation>
        </message>
        <message>
            <source>Newest first</source>
            <translation>Newest first</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>All classes</source>
            <translation>All classes</translation>
        </message>
        <message>
            <source>Loading the queue…</source>
            <translation>Loading the queue…</translation>
        </message>
        <message>
            <source>Select a photo</source>
            <translation>Select a photo</translation>
        </message>
        <message>
            <source>No photo matches the filter.</source>
            <translation>No photo matches the filter.</translation>
        </message>
        <message>
            <source>Loading the photo…</source>
            <translation>Loading the photo…</translation>
        </message>
        <message>
            <source>submitted %1</source>
            <translation>submitted %1</translation>
        </message>
        <message>
            <source>stored %1</source>
            <translation>stored %1</translation>
        </message>
        <message>
            <source>%1 by %2 at %3</source>
            <translation>%1 by %2 at %3</translation>
        </message>
        <message>
            <source>Checked %1 by %2, profile %3</source>
            <translation>Checked %1 by %2, profile %3</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>Not checked</translation>
        </message>
        <message>
            <source>No check report is stored for this photo yet. Re-check it (Ctrl+R).</source>
            <translation>No check report is stored for this photo yet. Re-check it (Ctrl+R).</translation>
        </message>
        <message>
            <source>Unreadable</source>
            <translation>Unreadable</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>failed</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>warning</translation>
        </message>
        <message>
            <source>uncertain</source>
            <translation>uncertain</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>passed</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Review</translation>
        </message>
        <message>
            <source>Please wait for the running batch to finish.</source>
            <translation>Please wait for the running batch to finish.</translation>
        </message>
        <message>
            <source>No photo is shown.</source>
            <translation>No photo is shown.</translation>
        </message>
        <message>
            <source>Select the photos to return first.</source>
            <translation>Select the photos to return first.</translation>
        </message>
        <message>
            <source>End of the queue.</source>
            <translation>End of the queue.</translation>
        </message>
        <message>
            <source>Already decided</source>
            <translation>Already decided</translation>
        </message>
        <message>
            <source>Decision not saved</source>
            <translation>Decision not saved</translation>
        </message>
        <message>
            <source>Ctrl+Z takes it back.</source>
            <translation>Ctrl+Z takes it back.</translation>
        </message>
        <message>
            <source>%1 of %2 photos decided.</source>
            <translation>%1 of %2 photos decided.</translation>
        </message>
        <message numerus="yes">
            <source>%n could not be decided: %1</source>
            <translation>
                <numerusform>%n could not be decided: %1</numerusform>
                <numerusform>%n could not be decided: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Some photos were not decided</source>
            <translation>Some photos were not decided</translation>
        </message>
        <message>
            <source>Nothing to undo.</source>
            <translation>Nothing to undo.</translation>
        </message>
        <message>
            <source>Cannot undo</source>
            <translation>Cannot undo</translation>
        </message>
        <message>
            <source>Decision undone.</source>
            <translation>Decision undone.</translation>
        </message>
        <message numerus="yes">
            <source>%n decisions undone.</source>
            <translation>
                <numerusform>%n decisions undone.</numerusform>
                <numerusform>%n decisions undone.</numerusform>
            </translation>
        </message>
        <message>
            <source>Select the photos to approve first.</source>
            <translation>Select the photos to approve first.</translation>
        </message>
        <message numerus="yes">
            <source>Deciding %n photo(s)…</source>
            <translation>
                <numerusform>Deciding %n photo(s)…</numerusform>
                <numerusform>Deciding %n photo(s)…</numerusform>
            </translation>
        </message>
        <message>
            <source>Approve passing photos</source>
            <translation>Approve passing photos</translation>
        </message>
        <message>
            <source>None of the %1 photos to review in this filter passes every rule (%2 not checked yet).</source>
            <translation>None of the %1 photos to review in this filter passes every rule (%2 not checked yet).</translation>
        </message>
        <message>
            <source>%1 photos to review match the filter.
%2 pass every rule and will be approved.
%3 failed or could not decide a rule and %4 are not checked yet: they stay in the queue.

Approve %2 photos?</source>
            <translation>%1 photos to review match the filter.
%2 pass every rule and will be approved.
%3 failed or could not decide a rule and %4 are not checked yet: they stay in the queue.

Approve %2 photos?</translation>
        </message>
        <message>
            <source>Select the photos to re-check first.</source>
            <translation>Select the photos to re-check first.</translation>
        </message>
        <message>
            <source>Run the checks again on all %1 photos of this filter?</source>
            <translation>Run the checks again on all %1 photos of this filter?</translation>
        </message>
        <message>
            <source>A re-check is already running.</source>
            <translation>A re-check is already running.</translation>
        </message>
        <message>
            <source>Re-checking %1/%2</source>
            <translation>Re-checking %1/%2</translation>
        </message>
        <message numerus="yes">
            <source>Re-check cancelled after %n photo(s).</source>
            <translation>
                <numerusform>Re-check cancelled after %n photo(s).</numerusform>
                <numerusform>Re-check cancelled after %n photo(s).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Re-checked %n photo(s).</source>
            <translation>
                <numerusform>Re-checked %n photo(s).</numerusform>
                <numerusform>Re-checked %n photo(s).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n could not be read.</source>
            <translation>
                <numerusform>%n could not be read.</numerusform>
                <numerusform>%n could not be read.</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose a check profile</source>
            <translation>Choose a check profile</translation>
        </message>
        <message>
            <source>Check profiles (*.json)</source>
            <translation>Check profiles (*.json)</translation>
        </message>
        <message>
            <source>Check profile</source>
            <translation>Check profile</translation>
        </message>
        <message>
            <source>This profile cannot be used: %1</source>
            <translation>This profile cannot be used: %1</translation>
        </message>
        <message>
            <source>Re-checks now use the profile %1.</source>
            <translation>Re-checks now use the profile %1.</translation>
        </message>
        <message>
            <source>Order of the queue (or click a column header)</source>
            <translation>Order of the queue (or click a column header)</translation>
        </message>
        <message>
            <source>Student no. ascending</source>
            <translation>Student no. ascending</translation>
        </message>
        <message>
            <source>Student no. descending</source>
            <translation>Student no. descending</translation>
        </message>
        <message>
            <source>Name ascending</source>
            <translation>Name ascending</translation>
        </message>
        <message>
            <source>Name descending</source>
            <translation>Name descending</translation>
        </message>
        <message>
            <source>Class ascending</source>
            <translation>Class ascending</translation>
        </message>
        <message>
            <source>Class descending</source>
            <translation>Class descending</translation>
        </message>
        <message>
            <source>Status ascending</source>
            <translation>Status ascending</translation>
        </message>
        <message>
            <source>Status descending</source>
            <translation>Status descending</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::RichTextToolBar</name>
        <message>
            <source>Heading</source>
            <translation>Heading</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Bold</source>
            <translation>Bold</translation>
        </message>
        <message>
            <source>Italic</source>
            <translation>Italic</translation>
        </message>
        <message>
            <source>• List</source>
            <translation>• List</translation>
        </message>
        <message>
            <source>1. List</source>
            <translation>1. List</translation>
        </message>
        <message>
            <source>Link...</source>
            <translation>Link...</translation>
        </message>
        <message>
            <source>Insert link</source>
            <translation>Insert link</translation>
        </message>
        <message>
            <source>Address (https://...):</source>
            <translation>Address (https://...):</translation>
        </message>
        <message>
            <source>Table...</source>
            <translation>Table...</translation>
        </message>
        <message>
            <source>Insert table</source>
            <translation>Insert table</translation>
        </message>
        <message>
            <source>Rows:</source>
            <translation>Rows:</translation>
        </message>
        <message>
            <source>Columns:</source>
            <translation>Columns:</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::SettingsPage</name>
        <message>
            <source>window opens</source>
            <translation>window opens</translation>
        </message>
        <message>
            <source>window closes</source>
            <translation>window closes</translation>
        </message>
        <message>
            <source>daily hours</source>
            <translation>daily hours</translation>
        </message>
        <message>
            <source>liveness failures before lock</source>
            <translation>liveness failures before lock</translation>
        </message>
        <message>
            <source>other failures before cooling-off</source>
            <translation>other failures before cooling-off</translation>
        </message>
        <message>
            <source>cooling-off minutes</source>
            <translation>cooling-off minutes</translation>
        </message>
        <message>
            <source>draft capacity</source>
            <translation>draft capacity</translation>
        </message>
        <message>
            <source>draft retention hours</source>
            <translation>draft retention hours</translation>
        </message>
        <message>
            <source>payment required</source>
            <translation>payment required</translation>
        </message>
        <message>
            <source>fee (cents)</source>
            <translation>fee (cents)</translation>
        </message>
        <message>
            <source>video required</source>
            <translation>video required</translation>
        </message>
        <message>
            <source>Collection window</source>
            <translation>Collection window</translation>
        </message>
        <message>
            <source>Opens</source>
            <translation>Opens</translation>
        </message>
        <message>
            <source>Closes</source>
            <translation>Closes</translation>
        </message>
        <message>
            <source>Daily hours</source>
            <translation>Daily hours</translation>
        </message>
        <message>
            <source>Failures and locks</source>
            <translation>Failures and locks</translation>
        </message>
        <message>
            <source>After this many failed liveness checks the account is locked until a staff member unlocks it.</source>
            <translation>After this many failed liveness checks the account is locked until a staff member unlocks it.</translation>
        </message>
        <message>
            <source>After this many failed photo checks the student waits for the cooling-off period.</source>
            <translation>After this many failed photo checks the student waits for the cooling-off period.</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Liveness failures before lock</source>
            <translation>Liveness failures before lock</translation>
        </message>
        <message>
            <source>Other failures before cooling-off</source>
            <translation>Other failures before cooling-off</translation>
        </message>
        <message>
            <source>Cooling-off length</source>
            <translation>Cooling-off length</translation>
        </message>
        <message>
            <source>Draft box</source>
            <translation>Draft box</translation>
        </message>
        <message>
            <source> photos</source>
            <translation> photos</translation>
        </message>
        <message>
            <source> h</source>
            <translation> h</translation>
        </message>
        <message>
            <source>A draft can be deleted only this long after it was stored (usually 24 h).</source>
            <translation>A draft can be deleted only this long after it was stored (usually 24 h).</translation>
        </message>
        <message>
            <source>Capacity</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <source>Deletable after</source>
            <translation>Deletable after</translation>
        </message>
        <message>
            <source>Payment and requirements</source>
            <translation>Payment and requirements</translation>
        </message>
        <message>
            <source>Students pay after submitting</source>
            <translation>Students pay after submitting</translation>
        </message>
        <message>
            <source> yuan</source>
            <translation> yuan</translation>
        </message>
        <message>
            <source>Students must watch the requirements video before the first shot</source>
            <translation>Students must watch the requirements video before the first shot</translation>
        </message>
        <message>
            <source>Fee</source>
            <translation>Fee</translation>
        </message>
        <message>
            <source>Reason for the change (kept in the audit log)</source>
            <translation>Reason for the change (kept in the audit log)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Save the settings (Ctrl+S); the student side uses them at once</source>
            <translation>Save the settings (Ctrl+S); the student side uses them at once</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Revert</translation>
        </message>
        <message>
            <source>Recent changes</source>
            <translation>Recent changes</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Only school administrators can change these settings.</source>
            <translation>Only school administrators can change these settings.</translation>
        </message>
        <message>
            <source>Settings not saved</source>
            <translation>Settings not saved</translation>
        </message>
        <message>
            <source>Collection settings</source>
            <translation>Collection settings</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StaffPage</name>
        <message>
            <source>New staff member…</source>
            <translation>New staff member…</translation>
        </message>
        <message>
            <source>Disable / enable…</source>
            <translation>Disable / enable…</translation>
        </message>
        <message>
            <source>Reset password…</source>
            <translation>Reset password…</translation>
        </message>
        <message>
            <source>Change my password…</source>
            <translation>Change my password…</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>User name</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>College / assignments</source>
            <translation>College / assignments</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Database role</source>
            <translation>Database role</translation>
        </message>
        <message>
            <source>Only school administrators manage staff accounts.</source>
            <translation>Only school administrators manage staff accounts.</translation>
        </message>
        <message>
            <source>locked (failed log-ins)</source>
            <translation>locked (failed log-ins)</translation>
        </message>
        <message>
            <source>active</source>
            <translation>active</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>disabled</translation>
        </message>
        <message>
            <source>New staff member</source>
            <translation>New staff member</translation>
        </message>
        <message>
            <source>Name shown</source>
            <translation>Name shown</translation>
        </message>
        <message>
            <source>College (college administrators)</source>
            <translation>College (college administrators)</translation>
        </message>
        <message>
            <source>Initial password</source>
            <translation>Initial password</translation>
        </message>
        <message>
            <source>Staff member %1 created.</source>
            <translation>Staff member %1 created.</translation>
        </message>
        <message>
            <source>Disable %1</source>
            <translation>Disable %1</translation>
        </message>
        <message>
            <source>Enable %1</source>
            <translation>Enable %1</translation>
        </message>
        <message>
            <source>The reason is kept in the audit log.</source>
            <translation>The reason is kept in the audit log.</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <source>New password (at least 8 characters, letters and digits):</source>
            <translation>New password (at least 8 characters, letters and digits):</translation>
        </message>
        <message>
            <source>password reset by an administrator</source>
            <translation>password reset by an administrator</translation>
        </message>
        <message>
            <source>Password changed.</source>
            <translation>Password changed.</translation>
        </message>
        <message>
            <source>Change my password</source>
            <translation>Change my password</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>Current password</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>New password</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>New password again</translation>
        </message>
        <message>
            <source>The two new passwords differ.</source>
            <translation>The two new passwords differ.</translation>
        </message>
        <message>
            <source>Your password was changed.</source>
            <translation>Your password was changed.</translation>
        </message>
        <message>
            <source>Assignments…</source>
            <translation>Assignments…</translation>
        </message>
        <message>
            <source>The colleges and classes a reviewer reviews</source>
            <translation>The colleges and classes a reviewer reviews</translation>
        </message>
        <message>
            <source>Assigned colleges and classes (reviewers)</source>
            <translation>Assigned colleges and classes (reviewers)</translation>
        </message>
        <message>
            <source>Assignments</source>
            <translation>Assignments</translation>
        </message>
        <message>
            <source>Only reviewers are assigned colleges and classes; administrators see their college or the whole school.</source>
            <translation>Only reviewers are assigned colleges and classes; administrators see their college or the whole school.</translation>
        </message>
        <message>
            <source>Assignments of %1</source>
            <translation>Assignments of %1</translation>
        </message>
        <message>
            <source>Check a college for all its classes, or single classes.</source>
            <translation>Check a college for all its classes, or single classes.</translation>
        </message>
        <message>
            <source>Kept in the audit log</source>
            <translation>Kept in the audit log</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Assignments saved.</source>
            <translation>Assignments saved.</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StillMissingModel</name>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>College</source>
            <translation>College</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>Student number</source>
            <translation>Student number</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StillMissingWidget</name>
        <message>
            <source>&amp;Copy as text</source>
            <translation>&amp;Copy as text</translation>
        </message>
        <message>
            <source>Copy the list for the class chat (%1)</source>
            <translation>Copy the list for the class chat (%1)</translation>
        </message>
        <message>
            <source>&amp;Save as XLSX...</source>
            <translation>&amp;Save as XLSX...</translation>
        </message>
        <message>
            <source>Save the list as an Excel file (%1)</source>
            <translation>Save the list as an Excel file (%1)</translation>
        </message>
        <message>
            <source>College:</source>
            <translation>College:</translation>
        </message>
        <message>
            <source>Class:</source>
            <translation>Class:</translation>
        </message>
        <message>
            <source>Save the still-missing list</source>
            <translation>Save the still-missing list</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel files (*.xlsx)</translation>
        </message>
        <message>
            <source>All colleges</source>
            <translation>All colleges</translation>
        </message>
        <message>
            <source>All classes</source>
            <translation>All classes</translation>
        </message>
        <message numerus="yes">
            <source>%n student(s) still missing</source>
            <translation>
                <numerusform>%n student(s) still missing</numerusform>
                <numerusform>%n student(s) still missing</numerusform>
            </translation>
        </message>
        <message>
            <source>The file could not be written: %1</source>
            <translation>The file could not be written: %1</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StudentListModel</name>
        <message>
            <source>The student list could not be loaded.</source>
            <translation>The student list could not be loaded.</translation>
        </message>
        <message>
            <source>loading…</source>
            <translation>loading…</translation>
        </message>
        <message>
            <source>until unlocked</source>
            <translation>until unlocked</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>Student no.</source>
            <translation>Student no.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>College</source>
            <translation>College</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Locked until</source>
            <translation>Locked until</translation>
        </message>
        <message>
            <source>Liveness failures</source>
            <translation>Liveness failures</translation>
        </message>
        <message>
            <source>Other failures</source>
            <translation>Other failures</translation>
        </message>
        <message>
            <source>Submissions</source>
            <translation>Submissions</translation>
        </message>
        <message>
            <source>Extra attempts</source>
            <translation>Extra attempts</translation>
        </message>
        <message>
            <source>Drafts</source>
            <translation>Drafts</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StudentPanel</name>
        <message>
            <source>Photos of this student (current first):</source>
            <translation>Photos of this student (current first):</translation>
        </message>
        <message>
            <source>Capture attempts:</source>
            <translation>Capture attempts:</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>locked after liveness failures</source>
            <translation>locked after liveness failures</translation>
        </message>
        <message>
            <source>cooling-off until %1</source>
            <translation>cooling-off until %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2&lt;br&gt;ID number: %3&lt;br&gt;%4 · %5&lt;br&gt;State: %6%7&lt;br&gt;Liveness failures: %8 · other failures: %9 · submissions: %10 · paid: %11</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2&lt;br&gt;ID number: %3&lt;br&gt;%4 · %5&lt;br&gt;State: %6%7&lt;br&gt;Liveness failures: %8 · other failures: %9 · submissions: %10 · paid: %11</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>Liveness</source>
            <translation>Liveness</translation>
        </message>
        <message>
            <source>Quality</source>
            <translation>Quality</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>passed</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>failed</translation>
        </message>
        <message>
            <source>Current: </source>
            <translation>Current: </translation>
        </message>
        <message>
            <source>Reviewer: %1</source>
            <translation>Reviewer: %1</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::StudentsPage</name>
        <message>
            <source>Search student number, name or phone (Ctrl+F)</source>
            <translation>Search student number, name or phone (Ctrl+F)</translation>
        </message>
        <message>
            <source>All colleges</source>
            <translation>All colleges</translation>
        </message>
        <message>
            <source>Unlock…</source>
            <translation>Unlock…</translation>
        </message>
        <message>
            <source>Lift cooling-off…</source>
            <translation>Lift cooling-off…</translation>
        </message>
        <message>
            <source>Shorten cooling-off…</source>
            <translation>Shorten cooling-off…</translation>
        </message>
        <message>
            <source>Reset for re-shoot…</source>
            <translation>Reset for re-shoot…</translation>
        </message>
        <message>
            <source>Extra attempts…</source>
            <translation>Extra attempts…</translation>
        </message>
        <message>
            <source>Import roster…</source>
            <translation>Import roster…</translation>
        </message>
        <message>
            <source>Select a student.</source>
            <translation>Select a student.</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <source>Stored</source>
            <translation>Stored</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>Checks</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Decision</translation>
        </message>
        <message>
            <source>Drafts and submissions</source>
            <translation>Drafts and submissions</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message numerus="yes">
            <source>%n student(s)</source>
            <translation>
                <numerusform>%n student(s)</numerusform>
                <numerusform>%n student(s)</numerusform>
            </translation>
        </message>
        <message>
            <source>loading…</source>
            <translation>loading…</translation>
        </message>
        <message numerus="yes">
            <source>%n students selected.</source>
            <translation>
                <numerusform>%n students selected.</numerusform>
                <numerusform>%n students selected.</numerusform>
            </translation>
        </message>
        <message>
            <source>locked after %1 liveness failures until a staff member unlocks it</source>
            <translation>locked after %1 liveness failures until a staff member unlocks it</translation>
        </message>
        <message>
            <source>cooling-off until %1</source>
            <translation>cooling-off until %1</translation>
        </message>
        <message>
            <source>not locked</source>
            <translation>not locked</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 %2&lt;/b&gt; — %3, %4&lt;br&gt;State: %5; account %6; paid: %7; extra attempts: %8</source>
            <translation>&lt;b&gt;%1 %2&lt;/b&gt; — %3, %4&lt;br&gt;State: %5; account %6; paid: %7; extra attempts: %8</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>liveness</source>
            <translation>liveness</translation>
        </message>
        <message>
            <source>photo checks</source>
            <translation>photo checks</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>passed</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>failed</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>draft</translation>
        </message>
        <message>
            <source>submission</source>
            <translation>submission</translation>
        </message>
        <message numerus="yes">
            <source>Unlock %n student(s) locked after liveness failures. Check the student's identity first.</source>
            <translation>
                <numerusform>Unlock %n student(s) locked after liveness failures. Check the student's identity first.</numerusform>
                <numerusform>Unlock %n student(s) locked after liveness failures. Check the student's identity first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>End the cooling-off of %n student(s) now.</source>
            <translation>
                <numerusform>End the cooling-off of %n student(s) now.</numerusform>
                <numerusform>End the cooling-off of %n student(s) now.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Shorten the cooling-off of %n student(s).</source>
            <translation>
                <numerusform>Shorten the cooling-off of %n student(s).</numerusform>
                <numerusform>Shorten the cooling-off of %n student(s).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reset %n student(s) so they can shoot again. Their payment is kept; drafts are removed and current submissions returned.</source>
            <translation>
                <numerusform>Reset %n student(s) so they can shoot again. Their payment is kept; drafts are removed and current submissions returned.</numerusform>
                <numerusform>Reset %n student(s) so they can shoot again. Their payment is kept; drafts are removed and current submissions returned.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Give %n student(s) extra attempts.</source>
            <translation>
                <numerusform>Give %n student(s) extra attempts.</numerusform>
                <numerusform>Give %n student(s) extra attempts.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1: %n student(s) changed.</source>
            <translation>
                <numerusform>%1: %n student(s) changed.</numerusform>
                <numerusform>%1: %n student(s) changed.</numerusform>
            </translation>
        </message>
        <message>
            <source>Students</source>
            <translation>Students</translation>
        </message>
    </context>
    <context>
        <name>tucai::ui::WelcomeDialog</name>
        <message>
            <source>Welcome to Tucai Admin</source>
            <translation>Welcome to Tucai Admin</translation>
        </message>
        <message>
            <source>No collection database is set up on this computer yet. How would you like to start?</source>
            <translation>No collection database is set up on this computer yet. How would you like to start?</translation>
        </message>
        <message>
            <source>1  Try the demo school</source>
            <translation>1  Try the demo school</translation>
        </message>
        <message>
            <source>Creates a practice database on this computer with made-up students, photos and staff accounts. Nothing is sent anywhere; the log-in window lists the demo accounts.</source>
            <translation>Creates a practice database on this computer with made-up students, photos and staff accounts. Nothing is sent anywhere; the log-in window lists the demo accounts.</translation>
        </message>
        <message>
            <source>2  Connect to the school's database server</source>
            <translation>2  Connect to the school's database server</translation>
        </message>
        <message>
            <source>PostgreSQL: the server address, database name, user name and password come from the person who runs the server.</source>
            <translation>PostgreSQL: the server address, database name, user name and password come from the person who runs the server.</translation>
        </message>
        <message>
            <source>3  Open a database file</source>
            <translation>3  Open a database file</translation>
        </message>
        <message>
            <source>A collection database file (SQLite) on this computer or on a shared drive.</source>
            <translation>A collection database file (SQLite) on this computer or on a shared drive.</translation>
        </message>
        <message>
            <source>You can connect to another database at any time from the File menu.</source>
            <translation>You can connect to another database at any time from the File menu.</translation>
        </message>
        <message>
            <source>Demo school</source>
            <translation>Demo school</translation>
        </message>
        <message>
            <source>Cannot create the folder %1.</source>
            <translation>Cannot create the folder %1.</translation>
        </message>
        <message>
            <source>Creating the demo school...</source>
            <translation>Creating the demo school...</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>The demo school could not be created: %1</source>
            <translation>The demo school could not be created: %1</translation>
        </message>
    </context>
    <context>
        <name>ConnectionMonitor</name>
        <message>
            <source>The database file %1 is missing.</source>
            <translation>The database file %1 is missing.</translation>
        </message>
    </context>
</TS>
