#pragma once
#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace tucai::db { class Database; }

namespace tucai::integrity {

// One row that breaks an invariant: the rule, the row (table and id) and a sentence that names
// what is wrong (translated).
struct Violation
{
    QString rule;
    QString table;
    qint64 id = 0;
    QString message;
};

struct Report
{
    QList<Violation> violations;
    QStringList rules;        // the rules that ran, in order
    QStringList truncated;    // rules with more violating rows than the limit (only the first are listed)
    bool cancelled = false;
    qint64 ms = 0;
    bool ok() const { return violations.isEmpty() && !cancelled; }
};

struct Options
{
    int limitPerRule = 1000;
    // Called after each rule (done of total); may be called from the worker thread that runs the check.
    std::function<void(int done, int total, const QString &rule)> progress;
    const std::atomic_bool *cancel = nullptr;
};

// Checks every invariant of the collection database that its rows can show (see
// docs/integrity.md): student states against their photos, counters against the recorded
// submissions, attempts and locks, drafts within the school's capacity, a notification for every
// review decision, the audit chain, row versions, and places (a class in the student's college,
// a photo where its student is). Read-only. On PostgreSQL run it as the database owner: a staff
// login sees only its rows. Throws db::DbError when the database cannot be read.
Report checkDatabase(const db::Database &db, const Options &options = {});

// Every rule's name, in the order checkDatabase() runs them.
QStringList allRules();

} // namespace tucai::integrity
