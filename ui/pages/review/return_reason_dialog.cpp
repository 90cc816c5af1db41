#include "pages/review/return_reason_dialog.h"

#include "checks/check_profile.h"
#include "review/reason_catalog.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tucai::ui {
namespace {

constexpr int kCodeRole = Qt::UserRole;
constexpr int kKeyCount = 9;

// The digit of a plain 1-9 key press (main row or keypad), else 0.
int digitOf(const QKeyEvent *e)
{
    const Qt::KeyboardModifiers mods = e->modifiers() & ~Qt::KeypadModifier;
    if (mods != Qt::NoModifier || e->key() < Qt::Key_1 || e->key() > Qt::Key_9)
        return 0;
    return e->key() - Qt::Key_0;
}

} // namespace

ReturnReasonDialog::ReturnReasonDialog(const QStringList &suggested, int photoCount, const QHash<QString, int> &usage, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("returnReasonDialog"));
    setWindowTitle(photoCount > 1 ? tr("Return %n photos", nullptr, photoCount) : tr("Return the photo"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Why is it returned? The student sees these reasons and shoots again free of charge. "
                                "Reasons suggested by the failed rules are ticked and listed first."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("reasonFilter"));
    m_filter->setPlaceholderText(tr("Type to filter: Chinese, pinyin or its initials (bj = 背景不符)"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    const QList<review::Reason> &catalog = review::ReasonCatalog::instance().reasons();
    // Digit keys: the most used reasons, ties in catalogue order (stable for the session).
    QList<int> byUse;
    for (int i = 0; i < catalog.size(); ++i)
        if (usage.value(catalog.at(i).code) > 0)
            byUse.append(i);
    std::stable_sort(byUse.begin(), byUse.end(), [&](int a, int b) { return usage.value(catalog.at(a).code) > usage.value(catalog.at(b).code); });
    for (int i = 0; i < catalog.size() && byUse.size() < kKeyCount; ++i)
        if (!byUse.contains(i))
            byUse.append(i);
    for (int i = 0; i < std::min<qsizetype>(kKeyCount, byUse.size()); ++i)
        m_keyCodes.append(catalog.at(byUse.at(i)).code);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("reasonList"));
    // Order: the suggested reasons, then those on digit keys (by key), then the rest.
    QList<int> order;
    for (int i = 0; i < catalog.size(); ++i)
        if (suggested.contains(catalog.at(i).code))
            order.append(i);
    for (const QString &code : std::as_const(m_keyCodes))
        for (int i = 0; i < catalog.size(); ++i)
            if (catalog.at(i).code == code && !order.contains(i))
                order.append(i);
    for (int i = 0; i < catalog.size(); ++i)
        if (!order.contains(i))
            order.append(i);
    for (int i : std::as_const(order)) {
        const review::Reason &r = catalog.at(i);
        const int key = int(m_keyCodes.indexOf(r.code)) + 1;
        const bool isSuggested = suggested.contains(r.code);
        QString text = r.display();
        if (key > 0)
            text = QStringLiteral("%1  %2").arg(key).arg(text);
        if (isSuggested)
            text += QStringLiteral("  ") + tr("(suggested by the checks)");
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(kCodeRole, r.code);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(isSuggested ? Qt::Checked : Qt::Unchecked);
        if (isSuggested) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
        QStringList tips;
        if (key > 0)
            tips << tr("Key %1 ticks or unticks this reason.").arg(key);
        QStringList rules;
        for (const checks::RuleInfo &info : checks::ruleCatalog())
            if (r.rules.contains(info.id))
                rules.append(review::preferChinese() ? info.titleZh : info.title);
        if (!rules.isEmpty())
            tips << tr("Suggested when these checks fail: %1").arg(rules.join(tr(", ")));
        item->setToolTip(tips.join(QLatin1Char('\n')));
    }
    m_list->setCurrentRow(0);
    connect(m_list, &QListWidget::itemActivated, this, &ReturnReasonDialog::toggle);
    layout->addWidget(m_list, 1);
    auto *keys = new QLabel(tr("Keys: 1-9 tick the numbered reasons · type to filter · Up/Down and Enter or Space tick "
                               "the highlighted one · Ctrl+Enter returns · Esc clears the filter, then cancels"),
                            this);
    keys->setObjectName(QStringLiteral("reasonKeysHelp"));
    keys->setWordWrap(true);
    keys->setStyleSheet(QStringLiteral("color: palette(mid)"));
    layout->addWidget(keys);
    layout->addWidget(new QLabel(tr("Note to the student (optional):"), this));
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("reasonNote"));
    m_note->setMaximumHeight(70);
    m_note->setTabChangesFocus(true);
    layout->addWidget(m_note);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("reasonError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Return (Ctrl+Enter)"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("reasonOk"));
    buttons->button(QDialogButtonBox::Ok)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    // Enter ticks reasons here; only Ctrl+Enter or a click returns.
    buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &ReturnReasonDialog::applyFilter);
    m_filter->installEventFilter(this);
    m_list->installEventFilter(this);
    resize(460, 600);
    m_filter->setFocus();
}

QString ReturnReasonDialog::codeOnKey(int digit) const { return m_keyCodes.value(digit - 1); }

void ReturnReasonDialog::toggle(QListWidgetItem *item)
{
    if (item)
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
}

void ReturnReasonDialog::applyFilter(const QString &text)
{
    QListWidgetItem *first = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const review::Reason *r = review::ReasonCatalog::instance().find(item->data(kCodeRole).toString());
        const bool shown = !r || r->matches(text);
        item->setHidden(!shown);
        if (shown && !first)
            first = item;
    }
    // The highlight follows the first match, so Enter ticks it.
    if (first && (!text.isEmpty() || !m_list->currentItem() || m_list->currentItem()->isHidden()))
        m_list->setCurrentItem(first);
}

void ReturnReasonDialog::moveCurrent(int step)
{
    int row = m_list->currentRow();
    for (int i = row + step; i >= 0 && i < m_list->count(); i += step)
        if (!m_list->item(i)->isHidden()) {
            m_list->setCurrentRow(i);
            return;
        }
}

bool ReturnReasonDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || (watched != m_filter && watched != m_list))
        return QDialog::eventFilter(watched, event);
    auto *e = static_cast<QKeyEvent *>(event);
    if (const int digit = digitOf(e)) {
        const QString code = codeOnKey(digit);
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->data(kCodeRole).toString() == code)
                toggle(m_list->item(i));
        return true;
    }
    const bool plain = (e->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    switch (e->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!plain)
            break; // Ctrl+Enter is the Return button's shortcut
        toggle(m_list->currentItem() && !m_list->currentItem()->isHidden() ? m_list->currentItem() : nullptr);
        if (watched == m_filter)
            m_filter->clear();
        return true;
    case Qt::Key_Escape:
        if (!m_filter->text().isEmpty()) {
            m_filter->clear();
            return true;
        }
        break;
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (watched == m_filter) {
            moveCurrent(e->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
        break;
    case Qt::Key_Space:
        if (watched == m_filter && m_filter->text().isEmpty()) {
            toggle(m_list->currentItem());
            return true;
        }
        break;
    default:
        // Typing in the list goes to the filter.
        if (watched == m_list && plain && !e->text().isEmpty() && e->text().at(0).isLetter()) {
            m_filter->setFocus();
            m_filter->insert(e->text());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QStringList ReturnReasonDialog::codes() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            out.append(m_list->item(i)->data(kCodeRole).toString());
    return out;
}

QString ReturnReasonDialog::note() const { return m_note->toPlainText().trimmed(); }

void ReturnReasonDialog::setCodes(const QStringList &codes)
{
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setCheckState(codes.contains(m_list->item(i)->data(kCodeRole).toString()) ? Qt::Checked : Qt::Unchecked);
}

void ReturnReasonDialog::setNote(const QString &note) { m_note->setPlainText(note); }

void ReturnReasonDialog::accept()
{
    if (codes().isEmpty() && note().isEmpty()) {
        m_error->setText(tr("Tick at least one reason or write a note."));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace tucai::ui
