#pragma once
#include "demo/demo_faces.h"

#include <QString>
#include <atomic>
#include <functional>

namespace tucai::db { class Database; }

namespace tucai::demo {

struct DemoOptions
{
    int students = 3000;
    quint64 seed = 1;
    // "Now" of the demo school (ms since epoch). 0 = the current hour. Fixing it
    // (with the seed) makes two runs produce the same database.
    qint64 nowMs = 0;
    // Folder with FRLL portraits (frll/neutral/*.jpg + .tem). Empty or missing:
    // clearly labelled placeholder portraits are drawn instead.
    QString facesDir;
    // Store a check report (engine + profile versions, violated rules) on every submitted photo.
    bool runChecks = true;
    std::function<void(int done, int total, const QString &stage)> progress;
    const std::atomic_bool *cancel = nullptr;
};

struct DemoSummary
{
    int colleges = 0;
    int classes = 0;
    int students = 0;
    int photos = 0;
    int distinctPhotos = 0;
    int staff = 0;
    int checkedPhotos = 0;
    bool realFaces = false;
    bool cancelled = false;
};

// Demo staff accounts and their passwords (documented in the README).
struct DemoAccount { const char *username; const char *password; const char *role; };
const DemoAccount *demoAccounts(int *count);

// The settings entry that marks a demo school (its value: the seed it was made with).
inline constexpr char kDemoSchoolSetting[] = "demo_school";
// True when the database holds a demo school (the log-in dialog then lists the demo accounts).
// False when it cannot be read.
bool isDemoDatabase(const db::Database &db);

// The characters demo students' given names are made of for a face of that gender.
QString givenNameCharacters(DemoFaces::Gender gender);

// Creates a realistic demo school in an empty, migrated database. Throws
// db::DbError when the database is not empty or fails.
DemoSummary createDemoSchool(const db::Database &db, const DemoOptions &options);

} // namespace tucai::demo
