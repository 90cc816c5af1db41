#include "pages/audit/audit_page.h"

#include "audit/audit_export.h"
#include "db/audit_repo.h"
#include "db/database.h"
#include "pages/settings/settings_page.h"
#include "shell/app_context.h"
#include "shell/display_names.h"
#include "shell/message_box.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tucai::ui {
namespace {
constexpr int kLimit = 2000;
QString pretty(const QString &json)
{
    const QJsonDocument d = QJsonDocument::fromJson(json.toUtf8());
    return d.isNull() ? json : QString::fromUtf8(d.toJson(QJsonDocument::Indented));
}
// "setting: payment required", "notice 12": the target's kind in words, then which one.
QString targetText(const AuditEntry &e)
{
    const QString id = e.targetType == QLatin1String("settings") ? settingLabel(e.targetId) : e.targetId;
    return auditTargetName(e.targetType) + QLatin1Char(' ') + id;
}

} // namespace

AuditPage::AuditPage(AppContext &context, QWidget *parent) : Page(context, parent)
{
    setObjectName(QStringLiteral("auditPage"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_staff = new QComboBox(this);
    m_staff->setObjectName(QStringLiteral("auditStaff"));
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("auditText"));
    m_text->setPlaceholderText(tr("Search reason, before, after"));
    m_text->setClearButtonEnabled(true);
    m_since = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_since->setObjectName(QStringLiteral("auditSince"));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setSpecialValueText(tr("any time"));
    m_since->setMinimumDate(QDate(2000, 1, 1));
    m_since->setDate(m_since->minimumDate());
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("auditExport"));
    exportButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportButton->setToolTip(tr("Export the filtered entries (Ctrl+E)"));
    auto *verifyButton = new QPushButton(tr("Verify chain"), this);
    verifyButton->setObjectName(QStringLiteral("auditVerify"));
    bar->addWidget(new QLabel(tr("Staff"), this));
    bar->addWidget(m_staff, 1);
    bar->addWidget(new QLabel(tr("Action"), this));
    bar->addWidget(m_action, 1);
    bar->addWidget(new QLabel(tr("Since"), this));
    bar->addWidget(m_since);
    bar->addWidget(m_text, 2);
    bar->addWidget(exportButton);
    bar->addWidget(verifyButton);
    layout->addLayout(bar);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_list = new QTreeWidget(m_splitter);
    m_list->setObjectName(QStringLiteral("auditList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("#"), tr("Time"), tr("Staff"), tr("Action"), tr("Target"), tr("Reason"), tr("Before"), tr("After")});
    int col = 0;
    for (int w : {60, 150, 100, 170, 130, 220, 220})
        m_list->setColumnWidth(col++, w);
    m_detail = new QPlainTextEdit(m_splitter);
    m_detail->setObjectName(QStringLiteral("auditDetail"));
    m_detail->setReadOnly(true);
    layout->addWidget(m_splitter, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    layout->addWidget(m_status);

    connect(m_staff, &QComboBox::currentIndexChanged, this, &AuditPage::reload);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPage::reload);
    connect(m_since, &QDateEdit::dateChanged, this, &AuditPage::reload);
    connect(m_text, &QLineEdit::returnPressed, this, &AuditPage::reload);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &AuditPage::showEntry);
    connect(verifyButton, &QPushButton::clicked, this, &AuditPage::verifyChain);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export audit log"), QStringLiteral("audit.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    connect(this, &AuditPage::exported, this, [this](const QString &error) {
        if (!error.isEmpty())
            MessageBox::warning(this, tr("Export audit log"), error);
    });
    m_busy = {verifyButton, exportButton};
    connect(&context, &AppContext::dataChanged, this, [this] {
        if (isVisible())
            reload();
    });
    m_splitter->restoreState(QSettings().value(QStringLiteral("audit/splitter")).toByteArray());
}

AuditPage::~AuditPage()
{
    QSettings().setValue(QStringLiteral("audit/splitter"), m_splitter->saveState());
    // The jobs only touch the database (their continuations die with the page): wait for the
    // jobs themselves, so no connection outlives the page's database. (Not the continuations:
    // they run on this thread, waiting for them here would never end.)
    m_load.waitForFinished();
    m_job.waitForFinished();
}

void AuditPage::activate()
{
    try {
        db::AuditQueryRepo repo(context().database());
        const QSignalBlocker b1(m_staff), b2(m_action);
        const QString staff = m_staff->currentData().toString(), action = m_action->currentData().toString();
        m_staff->clear();
        m_staff->addItem(tr("Everyone"), QString());
        for (const QString &s : repo.staffNames())
            m_staff->addItem(s, s);
        m_action->clear();
        m_action->addItem(tr("All actions"), QString());
        QStringList groups;
        for (const QString &a : repo.actions()) {
            const QString group = a.section(QLatin1Char('.'), 0, 0) + QLatin1Char('.');
            if (!groups.contains(group)) {
                groups << group;
                m_action->addItem(auditActionGroupName(group), group);
            }
            m_action->addItem(auditActionName(a), a);
            m_action->setItemData(m_action->count() - 1, a, Qt::ToolTipRole);
        }
        m_staff->setCurrentIndex(std::max(0, m_staff->findData(staff)));
        m_action->setCurrentIndex(std::max(0, m_action->findData(action)));
    } catch (const db::DbError &e) {
        m_status->setText(e.message());
    }
    reload();
}

void AuditPage::applyFilter(const QVariantMap &filter)
{
    activate();
    const QSignalBlocker b1(m_staff), b2(m_action);
    m_action->setCurrentIndex(std::max(0, m_action->findData(filter.value(QStringLiteral("action")).toString())));
    m_staff->setCurrentIndex(std::max(0, m_staff->findData(filter.value(QStringLiteral("staff")).toString())));
    m_text->setText(filter.value(QStringLiteral("text")).toString());
    reload();
}

db::AuditFilter AuditPage::currentFilter() const
{
    db::AuditFilter f;
    f.staffName = m_staff->currentData().toString();
    f.action = m_action->currentData().toString();
    f.text = m_text->text().trimmed();
    if (m_since->date() > m_since->minimumDate())
        f.fromMs = m_since->date().startOfDay().toMSecsSinceEpoch();
    return f;
}

void AuditPage::reload()
{
    // Off the GUI thread: a large log and a server far away never freeze the page. Only the
    // newest request's answer is shown.
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Loading…"));
    auto database = context().sharedDatabase();
    const db::AuditFilter f = currentFilter();
    struct Loaded
    {
        QList<AuditEntry> entries;
        qint64 total = 0;
        QString error;
    };
    QFuture<Loaded> work = QtConcurrent::run([database, f] {
        Loaded l;
        try {
            db::AuditQueryRepo repo(*database);
            l.entries = repo.list(f, 0, kLimit);
            l.total = repo.count(f);
        } catch (const db::DbError &e) {
            l.error = e.message();
        }
        return l;
    });
    m_load = work;
    work.then(this, [this, generation](const Loaded &l) {
        if (generation != m_generation)
            return;
        m_list->clear();
        m_detail->clear();
        m_entries = l.entries;
        if (!l.error.isEmpty()) {
            m_status->setText(l.error);
            Q_EMIT loaded();
            return;
        }
        QList<QTreeWidgetItem *> items;
        items.reserve(m_entries.size());
        for (const AuditEntry &e : std::as_const(m_entries)) {
            auto *item = new QTreeWidgetItem({QString::number(e.id), audit::formatTime(e.occurredAt), e.staffName, auditActionName(e.action),
                                              targetText(e), e.reason, e.beforeJson, e.afterJson});
            item->setToolTip(3, e.action); // the stored code, for searching the exported log
            items << item;
        }
        m_list->addTopLevelItems(items);
        m_status->setText(l.total > kLimit ? tr("%1 of %2 entries shown (newest first); narrow the filter or export.").arg(kLimit).arg(l.total)
                                           : tr("%n entries", nullptr, int(l.total)));
        Q_EMIT loaded();
    });
}

void AuditPage::showEntry()
{
    const int i = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (i < 0 || i >= m_entries.size()) {
        m_detail->clear();
        return;
    }
    const AuditEntry &e = m_entries.at(i);
    m_detail->setPlainText(tr("Entry %1 at %2 by %3\nAction: %4\nTarget: %5\nReason: %6\n\nBefore:\n%7\n\nAfter:\n%8\n\nHash: %9")
                               .arg(e.id)
                               .arg(audit::formatTime(e.occurredAt), e.staffName,
                                    QStringLiteral("%1 (%2)").arg(auditActionName(e.action), e.action), targetText(e), e.reason,
                                    pretty(e.beforeJson), pretty(e.afterJson))
                               .arg(e.hash));
}

void AuditPage::runJob(const QString &busyText, std::function<QString(const db::Database &)> job, std::function<void(const QString &)> done)
{
    if (m_job.isRunning())
        return;
    for (QWidget *w : std::as_const(m_busy))
        w->setEnabled(false);
    m_status->setText(busyText);
    auto database = context().sharedDatabase();
    QFuture<QString> work = QtConcurrent::run([database, job] {
        try {
            return job(*database);
        } catch (const db::DbError &e) {
            return e.message();
        }
    });
    m_job = work;
    work.then(this, [this, done](const QString &text) {
        for (QWidget *w : std::as_const(m_busy))
            w->setEnabled(true);
        done(text);
    });
}

void AuditPage::verifyChain()
{
    // Reads and hashes every entry: off the GUI thread.
    runJob(tr("Verifying the audit log…"), [](const db::Database &d) {
        QString why;
        db::AuditRepo audit(d);
        const qint64 bad = audit.verify(&why);
        return bad ? tr("The audit log was tampered with: %1").arg(why) : tr("The audit log is intact (%n entries).", nullptr, int(audit.count()));
    }, [this](const QString &text) {
        m_status->setText(text);
        Q_EMIT verified(text);
    });
}

void AuditPage::exportTo(const QString &path)
{
    const db::AuditFilter f = currentFilter();
    runJob(tr("Exporting…"), [f, path](const db::Database &d) {
        return audit::exportCsv(db::AuditQueryRepo(d).list(f, 0, std::numeric_limits<int>::max()), path);
    }, [this, path](const QString &error) {
        m_status->setText(error.isEmpty() ? tr("Exported to %1").arg(path) : error);
        Q_EMIT exported(error);
    });
}

} // namespace tucai::ui
