#pragma once
#include <QString>

class QWidget;

namespace tucai::ui {

// File dialogs go through here so tests can answer them (KeePassXC's pattern):
// with an answer queued, no dialog is shown and the queued path is returned
// (an empty queued path = the user cancelled).
class FileDialog final
{
public:
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter);
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter);
    // Test hooks.
    static void setNextFileName(const QString &path);
    static void reset();
};

} // namespace tucai::ui
