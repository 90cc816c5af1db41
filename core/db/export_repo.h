#pragma once
#include <QByteArray>
#include <QHash>
#include <QStringList>
#include <QList>
#include <QString>
#include <memory>

namespace tucai::db {

class Database;
class Query;

// What the export selects: approved photos, narrowed by college, class, payment and decision time.
struct ExportSelection
{
    qint64 schoolId = 0;          // 0 = every school in the database
    QList<qint64> collegeIds;     // empty = all
    QList<qint64> classIds;       // empty = all
    bool paidOnly = false;
    qint64 decidedFrom = 0;       // ms, inclusive; 0 = open
    qint64 decidedTo = 0;         // ms, exclusive; 0 = open
};

// One approved photo with what the manifest and the file name need.
struct ExportRow
{
    qint64 photoId = 0;
    qint64 studentId = 0;
    qint64 collegeId = 0;
    qint64 classId = 0;
    QString sha256;
    qint64 decidedAt = 0;
    QString reviewer;
    QString studentNo;
    QString name;
    QString idNumber;
    bool paid = false;
    QString collegeCode;
    QString collegeName;
    QString classCode;
    QString className;
};

// A student who has no approved photo yet, for the "still missing" list.
struct MissingRow
{
    qint64 studentId = 0;
    QString collegeName;
    QString className;
    QString studentNo;
    QString name;
    QString state;                // database string
    bool paid = false;
};

// All SQL of the photo export.
class ExportRepo final
{
public:
    explicit ExportRepo(const Database &db);
    ~ExportRepo();
    // One row per student (the latest approved photo), in a stable order:
    // college code, class code, student number.
    QList<ExportRow> approvedPhotos(const ExportSelection &selection) const;
    // The bytes of one blob (reuses one prepared statement). Empty + url set when the photo lives at a URL.
    QByteArray blobBytes(const QString &sha256, QString *url = nullptr);
    // Several blobs in one round trip (the export reads ahead): sha256 -> bytes, and -> url for
    // photos kept at a URL. Unknown hashes are simply absent.
    QHash<QString, QByteArray> blobBatch(const QStringList &sha256s, QHash<QString, QString> *urls = nullptr) const;
    // Students of the selection (colleges/classes) whose state is not approved/exported.
    QList<MissingRow> stillMissing(const ExportSelection &selection) const;
    // Approved students whose photo is now in a verified package become "exported" (students
    // in any other state are left as they are). Returns how many changed.
    int markExported(const QList<qint64> &studentIds, qint64 now);

private:
    const Database &m_db;
    std::unique_ptr<Query> m_blob;
};

} // namespace tucai::db
