#include "pages/outbox/outbox_page.h"

#include "db/database.h"
#include "db/outbox_delivery_repo.h"
#include "db/settings_repo.h"
#include "net/outbox_delivery.h"
#include "pages/outbox/outbox_model.h"
#include "shell/app_context.h"
#include "shell/message_box.h"

#include <QComboBox>
#include <QFuture>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tucai::ui {
namespace {

struct Loaded
{
    QList<db::OutboxRow> rows;
    QMap<QString, qint64> counts;
    QString url;
    QString error;
};

const int kListLimit = 2000;

} // namespace

OutboxPage::OutboxPage(AppContext &context, QWidget *parent) : Page(context, parent)
{
    setObjectName(QStringLiteral("outboxPage"));
    auto *layout = new QVBoxLayout(this);

    auto *bar = new QHBoxLayout;
    auto *statusLabel = new QLabel(tr("&Show:"), this);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("outboxStatusFilter"));
    m_status->addItem(tr("All"), QString());
    for (const char *s : {"pending", "sending", "delivered", "failed", "withdrawn"})
        m_status->addItem(OutboxModel::statusText(QLatin1String(s)), QString::fromLatin1(s));
    statusLabel->setBuddy(m_status);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("outboxRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Reload the list (%1)").arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    m_retry = new QPushButton(tr("Retry"), this);
    m_retry->setObjectName(QStringLiteral("outboxRetry"));
    m_retry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_retry->setToolTip(tr("Send the selected failed notifications again (%1)")
                            .arg(QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText)));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("outboxSummary"));
    bar->addWidget(statusLabel);
    bar->addWidget(m_status);
    bar->addWidget(m_refresh);
    bar->addWidget(m_retry);
    bar->addSpacing(16);
    bar->addWidget(m_summary, 1);
    layout->addLayout(bar);

    m_deliveryState = new QLabel(this);
    m_deliveryState->setObjectName(QStringLiteral("outboxDeliveryState"));
    m_deliveryState->setWordWrap(true);
    layout->addWidget(m_deliveryState);

    m_model = new OutboxModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("outboxTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("outboxDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_detail);

    QSettings settings;
    m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("outbox/header")).toByteArray());

    connect(m_status, &QComboBox::currentIndexChanged, this, [this] { reload(); });
    connect(m_refresh, &QPushButton::clicked, this, [this] { reload(); });
    connect(m_retry, &QPushButton::clicked, this, [this] { retrySelected(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateActions(); });
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this] { saveLayout(); });
    // Decisions, unlocks and resets write new rows: wake the sender, refresh if shown.
    connect(&context, &AppContext::dataChanged, this, [this](const QString &) {
        if (m_delivery)
            m_delivery->wakeUp();
        if (isVisible())
            reload();
    });
    updateActions();
    m_deliveryState->setText(tr("Checking the webhook settings..."));
    // Starts the background sender without waiting for the page to be opened.
    QTimer::singleShot(0, this, [this] { reload(); });
}

OutboxPage::~OutboxPage() = default;

void OutboxPage::activate() { reload(); }

void OutboxPage::applyFilter(const QVariantMap &filter)
{
    const int i = m_status->findData(filter.value(QStringLiteral("status")).toString());
    if (i >= 0)
        m_status->setCurrentIndex(i);
}

void OutboxPage::reload()
{
    const quint64 generation = ++m_generation;
    const std::shared_ptr<db::Database> database = context().sharedDatabase();
    const QString status = m_status->currentData().toString();
    const qint64 schoolId = context().session().schoolId;
    QtConcurrent::run([database, status, schoolId] {
        Loaded l;
        try {
            const db::OutboxDeliveryRepo repo(*database);
            l.rows = repo.list(status, kListLimit);
            l.counts = repo.countsByStatus();
            l.url = db::SettingsRepo(*database).value(schoolId, QString::fromLatin1(net::kWebhookUrlSetting));
        } catch (const db::DbError &e) {
            l.error = e.message();
        }
        return l;
    }).then(this, [this, generation](const Loaded &l) {
        if (generation != m_generation)
            return;  // a newer reload is on its way
        if (!l.error.isEmpty()) {
            m_summary->setText(tr("Could not read the notifications: %1").arg(l.error));
            Q_EMIT loaded();
            return;
        }
        const qint64 selectedId = m_table->currentIndex().isValid() ? m_model->row(m_table->currentIndex().row()).id : 0;
        m_model->setRows(l.rows);
        for (int r = 0; r < m_model->rowCount(); ++r)
            if (m_model->row(r).id == selectedId)
                m_table->selectRow(r);
        m_summary->setText(tr("%1 waiting, %2 sending, %3 delivered, %4 failed")
                               .arg(l.counts.value(QStringLiteral("pending")))
                               .arg(l.counts.value(QStringLiteral("sending")))
                               .arg(l.counts.value(QStringLiteral("delivered")))
                               .arg(l.counts.value(QStringLiteral("failed"))));
        if (!m_deliveryChecked)
            startDeliveryIfConfigured(l.url);
        updateActions();
        Q_EMIT loaded();
    });
}

void OutboxPage::startDeliveryIfConfigured(const QString &url)
{
    m_deliveryChecked = true;
    const QUrl u(url);
    if (url.isEmpty() || !u.isValid()) {
        m_deliveryState->setText(tr("No webhook URL is set for this school (setting \"%1\"): notifications wait here.")
                                     .arg(QString::fromLatin1(net::kWebhookUrlSetting)));
        return;
    }
    if (const QString problem = net::webhookUrlProblem(u); !problem.isEmpty()) {
        m_deliveryState->setText(tr("This computer does not send notifications: %1").arg(problem));
        return;
    }
    // The secret never comes from the shared database: environment or a local key file.
    QSettings settings;
    const QString keyFile = settings.value(QStringLiteral("notify/webhookSecretFile")).toString();
    QString error;
    net::WebhookConfig c;
    c.url = u;
    c.secret = net::loadWebhookSecret({}, keyFile, &error);
    if (c.secret.isEmpty()) {
        m_deliveryState->setText(tr("Webhook %1. This computer does not send notifications (%2); "
                                    "the delivery service (tucai outbox deliver) may run elsewhere.")
                                     .arg(u.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), error));
        return;
    }
    m_delivery = std::make_unique<net::OutboxDelivery>(context().sharedDatabase(), c);
    const auto refreshSoon = [this] {
        if (isVisible())
            QTimer::singleShot(300, this, [this] { reload(); });
    };
    connect(m_delivery.get(), &net::OutboxDelivery::delivered, this, refreshSoon);
    connect(m_delivery.get(), &net::OutboxDelivery::attemptFailed, this, refreshSoon);
    m_deliveryState->setText(tr("Sending notifications in the background to %1.")
                                 .arg(u.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
    m_delivery->start();
}

int OutboxPage::retrySelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    int requeued = 0, skipped = 0;
    try {
        db::OutboxDeliveryRepo repo(context().database());
        for (const QModelIndex &i : rows) {
            const db::OutboxRow &r = m_model->row(i.row());
            if (r.status == QLatin1String("failed") && repo.retry(r.id, db::nowMs()))
                ++requeued;
            else
                ++skipped;
        }
    } catch (const db::DbError &e) {
        MessageBox::warning(this, tr("Retry"), tr("The notifications could not be queued again: %1").arg(e.message()));
        return requeued;
    }
    m_detail->setText(skipped ? tr("%1 notification(s) queued again; %2 were not failed and were left as they are.")
                                    .arg(requeued)
                                    .arg(skipped)
                              : tr("%1 notification(s) queued again.").arg(requeued));
    if (m_delivery)
        m_delivery->wakeUp();
    reload();
    return requeued;
}

void OutboxPage::updateActions()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    bool anyFailed = false;
    for (const QModelIndex &i : rows)
        anyFailed = anyFailed || m_model->row(i.row()).status == QLatin1String("failed");
    m_retry->setEnabled(anyFailed);
    if (rows.size() == 1) {
        const db::OutboxRow &r = m_model->row(rows.first().row());
        m_detail->setText(r.lastError.isEmpty() ? tr("#%1 %2 (key %3)").arg(r.id).arg(r.kind, r.idempotencyKey)
                                                : tr("#%1 %2 (key %3): last error: %4").arg(r.id).arg(r.kind, r.idempotencyKey, r.lastError));
    }
}

void OutboxPage::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("outbox/header"), m_table->horizontalHeader()->saveState());
}

} // namespace tucai::ui
