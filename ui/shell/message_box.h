#pragma once
#include <QMessageBox>
#include <QString>
#include <QStringList>

namespace tucai::ui {

// All message boxes go through here so tests can answer them: with an answer
// queued, nothing is shown and the last text is recorded instead.
class MessageBox final
{
public:
    static QMessageBox::StandardButton critical(QWidget *parent, const QString &title, const QString &text);
    static QMessageBox::StandardButton warning(QWidget *parent, const QString &title, const QString &text);
    static QMessageBox::StandardButton information(QWidget *parent, const QString &title, const QString &text);
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No);
    // Test hooks.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static void setAutoAnswer(QMessageBox::StandardButton answer); // for every box until reset
    static QString lastText();
    // Title and text of every box answered by a hook since the last call (the translation walk reads them).
    static QStringList takeAnswered();
    static void reset();

private:
    static QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons);
};

} // namespace tucai::ui
