#pragma once
#include "model/records.h"

#include <QString>

namespace tucai::audit {

// Writes audit entries as CSV (UTF-8 with BOM so spreadsheets read Chinese
// text; cells that a spreadsheet would run as formulas are neutralised).
// Returns an empty string, or a translated reason on failure.
QString exportCsv(const QList<AuditEntry> &entries, const QString &path);
// "yyyy-MM-dd HH:mm:ss" in local time.
QString formatTime(qint64 ms);

} // namespace tucai::audit
