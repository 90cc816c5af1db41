#include "shell/message_box.h"

namespace tucai::ui {
namespace {
QMessageBox::StandardButton g_next = QMessageBox::NoButton;
QMessageBox::StandardButton g_auto = QMessageBox::NoButton;
QString g_lastText;
} // namespace

QMessageBox::StandardButton MessageBox::show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                                             QMessageBox::StandardButtons buttons)
{
    g_lastText = text;
    if (g_next != QMessageBox::NoButton) {
        const auto answer = g_next;
        g_next = QMessageBox::NoButton;
        return answer;
    }
    if (g_auto != QMessageBox::NoButton)
        return g_auto;
    QMessageBox box(icon, title, text, buttons, parent);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

QMessageBox::StandardButton MessageBox::critical(QWidget *parent, const QString &title, const QString &text)
{
    return show(QMessageBox::Critical, parent, title, text, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::warning(QWidget *parent, const QString &title, const QString &text)
{
    return show(QMessageBox::Warning, parent, title, text, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    return show(QMessageBox::Information, parent, title, text, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons)
{
    return show(QMessageBox::Question, parent, title, text, buttons);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer) { g_next = answer; }
void MessageBox::setAutoAnswer(QMessageBox::StandardButton answer) { g_auto = answer; }
QString MessageBox::lastText() { return g_lastText; }
void MessageBox::reset()
{
    g_next = g_auto = QMessageBox::NoButton;
    g_lastText.clear();
}

} // namespace tucai::ui
