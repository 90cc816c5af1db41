#include "pages/notices/rich_text_toolbar.h"

#include <QAction>
#include <QInputDialog>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextList>
#include <QTextTable>

namespace tucai::ui {

RichTextToolBar::RichTextToolBar(QTextEdit *edit, QWidget *parent) : QToolBar(parent), m_edit(edit)
{
    setObjectName(QStringLiteral("richTextToolBar"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [this](const QString &text, const QString &name, const QKeySequence &key, auto slot) {
        QAction *a = addAction(text);
        a->setObjectName(name);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            a->setToolTip(QStringLiteral("%1 (%2)").arg(a->text().remove(QLatin1Char('&')), key.toString(QKeySequence::NativeText)));
        }
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(tr("Heading"), QStringLiteral("actionHeading"), QKeySequence(QStringLiteral("Ctrl+2")), [this] { setHeading(2); });
    add(tr("Text"), QStringLiteral("actionParagraph"), QKeySequence(QStringLiteral("Ctrl+0")), [this] { setHeading(0); });
    addSeparator();
    add(tr("Bold"), QStringLiteral("actionBold"), QKeySequence::Bold, [this] {
        QTextCharFormat f;
        f.setFontWeight(m_edit->fontWeight() > QFont::Normal ? QFont::Normal : QFont::Bold);
        m_edit->mergeCurrentCharFormat(f);
    });
    add(tr("Italic"), QStringLiteral("actionItalic"), QKeySequence::Italic, [this] { m_edit->setFontItalic(!m_edit->fontItalic()); });
    addSeparator();
    add(tr("• List"), QStringLiteral("actionBullets"), QKeySequence(QStringLiteral("Ctrl+Shift+8")),
        [this] { m_edit->textCursor().createList(QTextListFormat::ListDisc); });
    add(tr("1. List"), QStringLiteral("actionNumbers"), QKeySequence(QStringLiteral("Ctrl+Shift+7")),
        [this] { m_edit->textCursor().createList(QTextListFormat::ListDecimal); });
    addSeparator();
    add(tr("Link..."), QStringLiteral("actionLink"), QKeySequence(QStringLiteral("Ctrl+K")), [this] {
        bool ok = false;
        const QString url = QInputDialog::getText(this, tr("Insert link"), tr("Address (https://...):"), QLineEdit::Normal,
                                                  QStringLiteral("https://"), &ok);
        if (ok && !url.trimmed().isEmpty())
            insertLink(url.trimmed(), m_edit->textCursor().selectedText());
    });
    add(tr("Table..."), QStringLiteral("actionTable"), QKeySequence(), [this] {
        bool ok = false;
        const int rows = QInputDialog::getInt(this, tr("Insert table"), tr("Rows:"), 3, 1, 50, 1, &ok);
        if (!ok)
            return;
        const int cols = QInputDialog::getInt(this, tr("Insert table"), tr("Columns:"), 2, 1, 10, 1, &ok);
        if (ok)
            insertTable(rows, cols);
    });
}

void RichTextToolBar::insertLink(const QString &url, const QString &text)
{
    QTextCursor c = m_edit->textCursor();
    QTextCharFormat f;
    f.setAnchor(true);
    f.setAnchorHref(url);
    f.setForeground(QColor(0x0a, 0x58, 0xca));
    f.setFontUnderline(true);
    c.insertText(text.isEmpty() ? url : text, f);
    c.setCharFormat(QTextCharFormat());
    m_edit->setTextCursor(c);
}

void RichTextToolBar::insertTable(int rows, int columns)
{
    QTextTableFormat f;
    f.setBorder(1);
    f.setCellPadding(4);
    f.setCellSpacing(0);
    f.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    QTextCursor c = m_edit->textCursor();
    c.insertTable(rows, columns, f);
    m_edit->setTextCursor(c); // typing continues in the first cell
}

void RichTextToolBar::setHeading(int level)
{
    QTextCursor c = m_edit->textCursor();
    QTextBlockFormat bf;
    bf.setHeadingLevel(level);
    c.mergeBlockFormat(bf);
    QTextCharFormat cf;
    cf.setFontWeight(level ? QFont::Bold : QFont::Normal);
    cf.setProperty(QTextFormat::FontSizeAdjustment, level ? 4 - level : 0);
    c.select(QTextCursor::BlockUnderCursor);
    c.mergeCharFormat(cf);
    m_edit->mergeCurrentCharFormat(cf);
}

} // namespace tucai::ui
