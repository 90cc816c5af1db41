#pragma once
#include <QDialog>

class QListWidget;
class QPlainTextEdit;
class QLabel;

namespace tucai::ui {

// Pick one or more return reasons from the catalogue and/or write one.
// Opened window-modal with open(); the page acts on accepted().
class ReturnReasonDialog final : public QDialog
{
    Q_OBJECT
public:
    ReturnReasonDialog(const QStringList &preselected, int photoCount, QWidget *parent = nullptr);
    QStringList codes() const;
    QString note() const;
    void setCodes(const QStringList &codes);
    void setNote(const QString &note);
    void accept() override;

private:
    QListWidget *m_list;
    QPlainTextEdit *m_note;
    QLabel *m_error;
};

} // namespace tucai::ui
