#pragma once
#include <QToolBar>

class QTextEdit;

namespace tucai::ui {

// A small formatting bar for a QTextEdit: heading, bold, italic, lists, link, table.
class RichTextToolBar final : public QToolBar
{
    Q_OBJECT
public:
    RichTextToolBar(QTextEdit *edit, QWidget *parent = nullptr);
    // Also used by tests (the toolbar asks the user for the values).
    void insertLink(const QString &url, const QString &text);
    void insertTable(int rows, int columns);
    void setHeading(int level); // 0 = normal paragraph

private:
    QTextEdit *m_edit;
};

} // namespace tucai::ui
