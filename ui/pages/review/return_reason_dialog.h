#pragma once
#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;

namespace tucai::ui {

// Pick one or more return reasons from the catalogue and/or write one, by keyboard:
// the reasons the failed rules suggest come first and are ticked; digits 1-9 tick the
// most used reasons (fixed for the session, so the fingers learn them); typing filters
// the list (Chinese, English, code, pinyin or its initials: "bj" finds 背景不符), Up/Down
// move, Enter or Space ticks the highlighted reason, Ctrl+Enter returns.
// Opened window-modal with open(); the page acts on accepted().
class ReturnReasonDialog final : public QDialog
{
    Q_OBJECT
public:
    // `usage`: how often each reason code was given (the digit keys go to the most used).
    ReturnReasonDialog(const QStringList &suggested, int photoCount, const QHash<QString, int> &usage = {}, QWidget *parent = nullptr);
    QStringList codes() const;
    QString note() const;
    void setCodes(const QStringList &codes);
    void setNote(const QString &note);
    // The reason code on digit key 1-9 (empty when none).
    QString codeOnKey(int digit) const;
    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter(const QString &text);
    void moveCurrent(int step);
    void toggle(QListWidgetItem *item);
    QListWidget *m_list;
    QLineEdit *m_filter;
    QPlainTextEdit *m_note;
    QLabel *m_error;
    QStringList m_keyCodes; // index 0 = key 1
};

} // namespace tucai::ui
