#pragma once
#include <QByteArray>
#include <QString>

namespace tucai::exporting {

// The file spec of an exported photo: JPEG, width x height, size in [minBytes, maxBytes].
struct FileSpec
{
    int width = 480;
    int height = 640;
    qint64 minBytes = 20 * 1024;
    qint64 maxBytes = 60 * 1024;
    int minQuality = 60;
    // From checks::CheckProfile::loadDefault() (rules file.size / file.format).
    static FileSpec fromDefaultProfile();
};

struct FitResult
{
    QByteArray bytes;     // what goes into the package
    bool reencoded = false;
    int quality = 0;      // JPEG quality used when re-encoded
    QString error;        // non-empty: the photo could not be made to fit
};

// True when `bytes` already meet the spec (then they are exported byte for byte).
bool meetsSpec(const QByteArray &bytes, const FileSpec &spec, QString *why = nullptr);
// Returns the bytes unchanged when they meet the spec, otherwise a re-encoded
// JPEG of the spec's size, with the highest quality that stays within maxBytes
// (binary search). Deterministic: the same input gives the same output.
FitResult fitToSpec(const QByteArray &bytes, const FileSpec &spec);

} // namespace tucai::exporting
