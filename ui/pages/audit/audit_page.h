#pragma once
#include "db/audit_query_repo.h"
#include "shell/page.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTreeWidget;

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
    void reload();
    QString verifyChain();               // result text (also shown on the page)
    QString exportTo(const QString &path); // error text or empty
    db::AuditFilter currentFilter() const;

private:
    void showEntry();
    QComboBox *m_staff;
    QComboBox *m_action;
    QLineEdit *m_text;
    QDateEdit *m_since;
    QTreeWidget *m_list;
    QPlainTextEdit *m_detail;
    QLabel *m_status;
    QSplitter *m_splitter;
    QList<AuditEntry> m_entries;
};

} // namespace tucai::ui
