#include "audit/audit_export.h"

#include "export/table_file.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSaveFile>

namespace tucai::audit {
namespace {

QString csvCell(const QString &v) { return exporting::csvField(v); }

} // namespace

QString formatTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString exportCsv(const QList<AuditEntry> &entries, const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("AuditExport", "Cannot write %1: %2").arg(path, f.errorString());
    QString text = QStringLiteral("id,time,staff,action,target_type,target_id,college,reason,before,after,hash\r\n");
    for (const AuditEntry &e : entries) {
        const QStringList cells{QString::number(e.id), formatTime(e.occurredAt), e.staffName, e.action, e.targetType, e.targetId,
                                e.collegeId ? QString::number(e.collegeId) : QString(), e.reason, e.beforeJson, e.afterJson, e.hash};
        QStringList out;
        for (const QString &c : cells)
            out << csvCell(c);
        text += out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    f.write("\xEF\xBB\xBF");
    f.write(text.toUtf8());
    if (!f.commit())
        return QCoreApplication::translate("AuditExport", "Cannot write %1: %2").arg(path, f.errorString());
    return {};
}

} // namespace tucai::audit
