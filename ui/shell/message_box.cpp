#include "shell/message_box.h"

#include <utility>

namespace tucai::ui {
namespace {
QMessageBox::StandardButton g_next = QMessageBox::NoButton;
QMessageBox::StandardButton g_auto = QMessageBox::NoButton;
QString g_lastText;
QStringList g_answered;
} // namespace

QMessageBox::StandardButton MessageBox::show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                                             QMessageBox::StandardButtons buttons)
{
    g_lastText = text;
    if (g_next != QMessageBox::NoButton || g_auto != QMessageBox::NoButton)
        g_answered << title << text;
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
QStringList MessageBox::takeAnswered() { return std::exchange(g_answered, {}); }
void MessageBox::reset()
{
    g_next = g_auto = QMessageBox::NoButton;
    g_lastText.clear();
    g_answered.clear();
}

} // namespace tucai::ui
