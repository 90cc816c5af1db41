#include "pages/students/reason_dialog.h"

#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tucai::ui {
namespace {
bool g_hasQueued = false;
std::optional<ReasonDialog::Answer> g_queued;
QString g_lastTitle;
} // namespace

ReasonDialog::ReasonDialog(const QString &title, const QString &what, Extra extra, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("reasonDialog"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(what, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *form = new QFormLayout;
    if (extra == Extra::DateTime) {
        m_when = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(300), this);
        m_when->setObjectName(QStringLiteral("reasonDateTime"));
        m_when->setCalendarPopup(true);
        m_when->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        form->addRow(tr("New end"), m_when);
    } else if (extra == Extra::Count) {
        m_count = new QSpinBox(this);
        m_count->setObjectName(QStringLiteral("reasonCount"));
        m_count->setRange(1, 20);
        m_count->setValue(1);
        form->addRow(tr("Extra attempts"), m_count);
    }
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonText"));
    m_reason->setPlaceholderText(tr("Why? (kept in the audit log, e.g. \"checked the student's ID card at the office\")"));
    m_reason->setTabChangesFocus(true);
    form->addRow(tr("Reason"), m_reason);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("reasonOk"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ReasonDialog::validate);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_reason->setFocus();
}

void ReasonDialog::setDateTime(qint64 ms)
{
    if (m_when && ms)
        m_when->setDateTime(QDateTime::fromMSecsSinceEpoch(ms));
}

void ReasonDialog::validate()
{
    if (m_reason->toPlainText().trimmed().isEmpty()) {
        m_error->setText(tr("Please give a reason."));
        return;
    }
    accept();
}

ReasonDialog::Answer ReasonDialog::answer() const
{
    Answer a;
    a.reason = m_reason->toPlainText().trimmed();
    if (m_when)
        a.dateTimeMs = m_when->dateTime().toMSecsSinceEpoch();
    if (m_count)
        a.count = m_count->value();
    return a;
}

std::optional<ReasonDialog::Answer> ReasonDialog::ask(QWidget *parent, const QString &title, const QString &what, Extra extra,
                                                      qint64 initialMs)
{
    g_lastTitle = title;
    if (g_hasQueued) {
        g_hasQueued = false;
        return g_queued;
    }
    ReasonDialog d(title, what, extra, parent);
    d.setDateTime(initialMs);
    if (d.exec() != QDialog::Accepted)
        return std::nullopt;
    return d.answer();
}

void ReasonDialog::setNextAnswer(std::optional<Answer> answer)
{
    g_hasQueued = true;
    g_queued = std::move(answer);
}

QString ReasonDialog::lastTitle() { return g_lastTitle; }

} // namespace tucai::ui
