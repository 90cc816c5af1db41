#include "pages/review/return_reason_dialog.h"

#include "checks/check_profile.h"
#include "review/reason_catalog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tucai::ui {

ReturnReasonDialog::ReturnReasonDialog(const QStringList &preselected, int photoCount, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("returnReasonDialog"));
    setWindowTitle(photoCount > 1 ? tr("Return %n photos", nullptr, photoCount) : tr("Return the photo"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Why is it returned? The student sees these reasons and shoots again free of charge. "
                                    "Reasons suggested by the failed rules are ticked."),
                                 this));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("reasonList"));
    for (const review::Reason &r : review::ReasonCatalog::instance().reasons()) {
        auto *item = new QListWidgetItem(r.display(), m_list);
        item->setData(Qt::UserRole, r.code);
        QStringList rules;
        for (const checks::RuleInfo &info : checks::ruleCatalog())
            if (r.rules.contains(info.id))
                rules.append(review::preferChinese() ? info.titleZh : info.title);
        if (!rules.isEmpty())
            item->setToolTip(tr("Suggested when these checks fail: %1").arg(rules.join(tr(", "))));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(preselected.contains(r.code) ? Qt::Checked : Qt::Unchecked);
    }
    connect(m_list, &QListWidget::itemActivated, this, [](QListWidgetItem *item) {
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    layout->addWidget(m_list, 1);
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
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(420, 560);
    m_list->setFocus();
}

QStringList ReturnReasonDialog::codes() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            out.append(m_list->item(i)->data(Qt::UserRole).toString());
    return out;
}

QString ReturnReasonDialog::note() const { return m_note->toPlainText().trimmed(); }

void ReturnReasonDialog::setCodes(const QStringList &codes)
{
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setCheckState(codes.contains(m_list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
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
