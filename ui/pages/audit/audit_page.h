#pragma once
#include "db/audit_query_repo.h"
#include "shell/page.h"

#include <QFuture>
#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTreeWidget;

namespace tucai::db { class Database; }

namespace tucai::ui {

// The audit log: who did what, when, to what and why, with before/after;
// filters, CSV export and a check of the hash chain.
class AuditPage final : public Page
{
    Q_OBJECT
public:
    explicit AuditPage(AppContext &context, QWidget *parent = nullptr);
    ~AuditPage() override;
    QString pageId() const override { return QStringLiteral("audit"); }
    QString title() const override { return tr("Audit log"); }
    void activate() override;
    // {"action": "student.unlock" | "student.", "staff": name, "target": id, "text": t}
    void applyFilter(const QVariantMap &filter) override;
    // Each runs off the GUI thread and reports with the signal below.
    void reload();
    void verifyChain();
    void exportTo(const QString &path);
    db::AuditFilter currentFilter() const;

Q_SIGNALS:
    void loaded();
    void verified(const QString &text);    // also shown on the page
    void exported(const QString &error);   // empty: written

private:
    void showEntry();
    void runJob(const QString &busyText, std::function<QString(const db::Database &)> job, std::function<void(const QString &)> done);
    QComboBox *m_staff;
    QComboBox *m_action;
    QLineEdit *m_text;
    QDateEdit *m_since;
    QTreeWidget *m_list;
    QPlainTextEdit *m_detail;
    QLabel *m_status;
    QSplitter *m_splitter;
    QList<AuditEntry> m_entries;
    QList<QWidget *> m_busy;   // disabled while a verify or export runs
    quint64 m_generation = 0;
    QFuture<void> m_load;   // the workers, not their continuations
    QFuture<void> m_job;
};

} // namespace tucai::ui
