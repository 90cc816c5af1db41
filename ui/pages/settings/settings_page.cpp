#include "pages/settings/settings_page.h"

#include "db/audit_repo.h"
#include "db/database.h"
#include "shell/app_context.h"
#include "shell/message_box.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHash>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTimeEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tucai::ui {
namespace {

QSpinBox *spin(QWidget *parent, const char *name, int min, int max, const QString &suffix)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(QString::fromLatin1(name));
    s->setRange(min, max);
    s->setSuffix(suffix);
    return s;
}

QDateTimeEdit *dateTime(QWidget *parent, const char *name)
{
    auto *e = new QDateTimeEdit(parent);
    e->setObjectName(QString::fromLatin1(name));
    e->setCalendarPopup(true);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    return e;
}

} // namespace

QString settingLabel(const QString &name)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("window_start"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "window opens")},
        {QStringLiteral("window_end"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "window closes")},
        {QStringLiteral("daily_hours"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "daily hours")},
        {QStringLiteral("liveness_failures_before_lock"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "liveness failures before lock")},
        {QStringLiteral("other_failures_before_cooling"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "other failures before cooling-off")},
        {QStringLiteral("cooling_minutes"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "cooling-off minutes")},
        {QStringLiteral("draft_capacity"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "draft capacity")},
        {QStringLiteral("draft_retention_hours"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "draft retention hours")},
        {QStringLiteral("payment_required"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "payment required")},
        {QStringLiteral("fee_cents"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "fee (cents)")},
        {QStringLiteral("video_required"), QT_TRANSLATE_NOOP("tucai::ui::SettingsPage", "video required")},
    };
    const char *l = labels.value(name);
    return l ? QCoreApplication::translate("tucai::ui::SettingsPage", l) : name;
}

SettingsPage::SettingsPage(AppContext &ctx, QWidget *parent) : Page(ctx, parent)
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(form);

    auto *windowBox = new QGroupBox(tr("Collection window"), form);
    auto *wl = new QFormLayout(windowBox);
    m_windowStart = dateTime(windowBox, "windowStart");
    m_windowEnd = dateTime(windowBox, "windowEnd");
    m_dayStart = new QTimeEdit(windowBox);
    m_dayStart->setObjectName(QStringLiteral("dayStart"));
    m_dayStart->setDisplayFormat(QStringLiteral("HH:mm"));
    m_dayEnd = new QTimeEdit(windowBox);
    m_dayEnd->setObjectName(QStringLiteral("dayEnd"));
    m_dayEnd->setDisplayFormat(QStringLiteral("HH:mm"));
    auto *hours = new QHBoxLayout;
    hours->addWidget(m_dayStart);
    hours->addWidget(new QLabel(QStringLiteral("-"), windowBox));
    hours->addWidget(m_dayEnd);
    hours->addStretch();
    wl->addRow(tr("Opens"), m_windowStart);
    wl->addRow(tr("Closes"), m_windowEnd);
    wl->addRow(tr("Daily hours"), hours);

    auto *lockBox = new QGroupBox(tr("Failures and locks"), form);
    auto *ll = new QFormLayout(lockBox);
    m_livenessLock = spin(lockBox, "livenessLock", 1, 50, QString());
    m_livenessLock->setToolTip(tr("After this many failed liveness checks the account is locked until a staff member unlocks it."));
    m_otherFailures = spin(lockBox, "otherFailures", 1, 50, QString());
    m_otherFailures->setToolTip(tr("After this many failed photo checks the student waits for the cooling-off period."));
    m_coolingMinutes = spin(lockBox, "coolingMinutes", 0, 7 * 24 * 60, tr(" min"));
    ll->addRow(tr("Liveness failures before lock"), m_livenessLock);
    ll->addRow(tr("Other failures before cooling-off"), m_otherFailures);
    ll->addRow(tr("Cooling-off length"), m_coolingMinutes);

    auto *draftBox = new QGroupBox(tr("Draft box"), form);
    auto *dl = new QFormLayout(draftBox);
    m_draftCapacity = spin(draftBox, "draftCapacity", 1, 100, tr(" photos"));
    m_retentionHours = spin(draftBox, "retentionHours", 0, 24 * 365, tr(" h"));
    m_retentionHours->setToolTip(tr("A draft can be deleted only this long after it was stored (usually 24 h)."));
    dl->addRow(tr("Capacity"), m_draftCapacity);
    dl->addRow(tr("Deletable after"), m_retentionHours);

    auto *payBox = new QGroupBox(tr("Payment and requirements"), form);
    auto *pl = new QFormLayout(payBox);
    m_paymentRequired = new QCheckBox(tr("Students pay after submitting"), payBox);
    m_paymentRequired->setObjectName(QStringLiteral("paymentRequired"));
    m_fee = new QDoubleSpinBox(payBox);
    m_fee->setObjectName(QStringLiteral("fee"));
    m_fee->setRange(0, 10000);
    m_fee->setDecimals(2);
    m_fee->setSuffix(tr(" yuan"));
    m_videoRequired = new QCheckBox(tr("Students must watch the requirements video before the first shot"), payBox);
    m_videoRequired->setObjectName(QStringLiteral("videoRequired"));
    pl->addRow(m_paymentRequired);
    pl->addRow(tr("Fee"), m_fee);
    pl->addRow(m_videoRequired);

    m_reason = new QLineEdit(form);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("Reason for the change (kept in the audit log)"));
    m_errors = new QLabel(form);
    m_errors->setObjectName(QStringLiteral("errors"));
    m_errors->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_errors->setWordWrap(true);
    m_save = new QPushButton(tr("&Save"), form);
    m_save->setObjectName(QStringLiteral("saveSettings"));
    m_save->setToolTip(tr("Save the settings (Ctrl+S); the student side uses them at once"));
    m_revert = new QPushButton(tr("&Revert"), form);
    m_revert->setObjectName(QStringLiteral("revertSettings"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reason, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    formLayout->addWidget(windowBox);
    formLayout->addWidget(lockBox);
    formLayout->addWidget(draftBox);
    formLayout->addWidget(payBox);
    formLayout->addWidget(m_errors);
    formLayout->addLayout(buttons);
    formLayout->addStretch();

    // A readable line length: the form does not stretch across a wide window.
    form->setMaximumWidth(760);
    auto *holder = new QWidget(this);
    auto *hl0 = new QHBoxLayout(holder);
    form->setMinimumWidth(600);
    hl0->addWidget(form, 4);
    hl0->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(holder);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *historyBox = new QGroupBox(tr("Recent changes"), this);
    auto *hl = new QVBoxLayout(historyBox);
    m_history = new QTreeWidget(historyBox);
    m_history->setObjectName(QStringLiteral("settingsHistory"));
    m_history->setHeaderLabels({tr("When"), tr("Who"), tr("Changed"), tr("Reason")});
    m_history->setRootIsDecorated(false);
    m_history->setAlternatingRowColors(true);
    hl->addWidget(m_history);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("settingsSplitter"));
    splitter->addWidget(scroll);
    splitter->addWidget(historyBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    QSettings st;
    splitter->restoreState(st.value(QStringLiteral("settingsPage/splitter")).toByteArray());
    // Columns size themselves to their content; "Changed" takes the rest.
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_history->header()->setStretchLastSection(false);
    connect(splitter, &QSplitter::splitterMoved, this, [splitter] {
        QSettings().setValue(QStringLiteral("settingsPage/splitter"), splitter->saveState());
    });

    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_revert, &QPushButton::clicked, this, &SettingsPage::reload);
    auto *shortcut = new QShortcut(QKeySequence::Save, this);
    connect(shortcut, &QShortcut::activated, this, [this] { save(); });
    connect(m_paymentRequired, &QCheckBox::toggled, m_fee, &QWidget::setEnabled);
    for (QSpinBox *s : {m_livenessLock, m_otherFailures, m_coolingMinutes, m_draftCapacity, m_retentionHours})
        connect(s, &QSpinBox::valueChanged, this, &SettingsPage::updateDirty);
    connect(m_fee, &QDoubleSpinBox::valueChanged, this, &SettingsPage::updateDirty);
    for (QCheckBox *c : {m_paymentRequired, m_videoRequired})
        connect(c, &QCheckBox::toggled, this, &SettingsPage::updateDirty);
    for (QDateTimeEdit *e : {static_cast<QDateTimeEdit *>(m_windowStart), static_cast<QDateTimeEdit *>(m_windowEnd),
                             static_cast<QDateTimeEdit *>(m_dayStart), static_cast<QDateTimeEdit *>(m_dayEnd)})
        connect(e, &QDateTimeEdit::dateTimeChanged, this, &SettingsPage::updateDirty);

    // Only school administrators change what the student side does.
    const bool canEdit = ctx.session().role == StaffRole::SchoolAdmin;
    form->setEnabled(canEdit);
    if (!canEdit)
        m_errors->setText(tr("Only school administrators can change these settings."));
    reload();
}

void SettingsPage::activate() { reload(); }

void SettingsPage::reload()
{
    try {
        m_loaded = settings::CollectionSettings::load(context().database(), context().session().schoolId);
        showSettings(m_loaded);
        loadHistory();
        if (context().session().role == StaffRole::SchoolAdmin)
            m_errors->clear();
    } catch (const db::DbError &e) {
        m_errors->setText(e.message());
    }
    updateDirty();
}

void SettingsPage::showSettings(const settings::CollectionSettings &s)
{
    const QDateTime now = QDateTime::currentDateTime();
    m_windowStart->setDateTime(s.windowStart ? QDateTime::fromMSecsSinceEpoch(s.windowStart) : now);
    m_windowEnd->setDateTime(s.windowEnd ? QDateTime::fromMSecsSinceEpoch(s.windowEnd) : now.addDays(30));
    m_dayStart->setTime(QTime::fromString(s.dailyHours.left(5), QStringLiteral("HH:mm")));
    m_dayEnd->setTime(QTime::fromString(s.dailyHours.mid(6), QStringLiteral("HH:mm")));
    m_livenessLock->setValue(s.livenessFailuresBeforeLock);
    m_otherFailures->setValue(s.otherFailuresBeforeCooling);
    m_coolingMinutes->setValue(s.coolingMinutes);
    m_draftCapacity->setValue(s.draftCapacity);
    m_retentionHours->setValue(s.draftRetentionHours);
    m_paymentRequired->setChecked(s.paymentRequired);
    m_fee->setValue(s.feeCents / 100.0);
    m_fee->setEnabled(s.paymentRequired);
    m_videoRequired->setChecked(s.videoRequired);
}

settings::CollectionSettings SettingsPage::fromForm() const
{
    settings::CollectionSettings s = m_loaded;
    s.windowStart = m_windowStart->dateTime().toMSecsSinceEpoch();
    s.windowEnd = m_windowEnd->dateTime().toMSecsSinceEpoch();
    s.dailyHours = m_dayStart->time().toString(QStringLiteral("HH:mm")) + QLatin1Char('-') + m_dayEnd->time().toString(QStringLiteral("HH:mm"));
    s.livenessFailuresBeforeLock = m_livenessLock->value();
    s.otherFailuresBeforeCooling = m_otherFailures->value();
    s.coolingMinutes = m_coolingMinutes->value();
    s.draftCapacity = m_draftCapacity->value();
    s.draftRetentionHours = m_retentionHours->value();
    s.paymentRequired = m_paymentRequired->isChecked();
    s.feeCents = int(qRound(m_fee->value() * 100));
    s.videoRequired = m_videoRequired->isChecked();
    return s;
}

void SettingsPage::updateDirty()
{
    const bool dirty = !(fromForm() == m_loaded);
    m_save->setEnabled(dirty);
    m_revert->setEnabled(dirty);
}

bool SettingsPage::save()
{
    const settings::CollectionSettings s = fromForm();
    const auto &session = context().session();
    QStringList changed;
    try {
        const QStringList problems =
            s.save(context().database(), session.schoolId, session.staffId, session.username, m_reason->text().trimmed(), &changed);
        if (!problems.isEmpty()) {
            m_errors->setText(problems.join(QLatin1Char('\n')));
            return false;
        }
    } catch (const db::DbError &e) {
        MessageBox::critical(this, tr("Settings not saved"), e.message());
        return false;
    }
    m_errors->clear();
    m_reason->clear();
    m_loaded = s;
    loadHistory();
    updateDirty();
    if (!changed.isEmpty())
        Q_EMIT context().dataChanged(QStringLiteral("settings"));
    return true;
}

void SettingsPage::loadHistory()
{
    m_history->clear();
    // The audit log is the history: settings.change entries, newest first.
    const QList<AuditEntry> entries = db::AuditRepo(context().database()).recent(500);
    for (const AuditEntry &e : entries) {
        if (e.action != QLatin1String("settings.change"))
            continue;
        const QJsonObject before = QJsonDocument::fromJson(e.beforeJson.toUtf8()).object();
        const QJsonObject after = QJsonDocument::fromJson(e.afterJson.toUtf8()).object();
        QStringList parts;
        // Window times are stored as ms since the epoch: show them as dates.
        auto shown = [](const QString &key, const QString &v) {
            if (!key.startsWith(QLatin1String("window_")) || v.isEmpty())
                return v;
            return QDateTime::fromMSecsSinceEpoch(v.toLongLong()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        };
        for (auto it = after.begin(); it != after.end(); ++it)
            parts << QStringLiteral("%1: %2 → %3")
                         .arg(settingLabel(it.key()), shown(it.key(), before.value(it.key()).toString()), shown(it.key(), it.value().toString()));
        auto *item = new QTreeWidgetItem(m_history, {QDateTime::fromMSecsSinceEpoch(e.occurredAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                     e.staffName, parts.join(QStringLiteral("; ")), e.reason});
        item->setToolTip(2, parts.join(QLatin1Char('\n')));
    }
}

} // namespace tucai::ui
