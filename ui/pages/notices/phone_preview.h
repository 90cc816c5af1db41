#pragma once
#include "model/records.h"

#include <QDialog>

class QTextBrowser;
class QLabel;

namespace tucai::ui {

// The notice as the student sees it in the mini-program: a phone-sized frame
// (375x667 logical pixels, an iPhone 8 screen) with the school's header.
class PhonePreview final : public QDialog
{
    Q_OBJECT
public:
    explicit PhonePreview(QWidget *parent = nullptr);
    void showNotice(const Notice &notice, const QString &scopeName, const QStringList &attachmentNames);
    // The HTML the student side shows (title, window, hours, closures, fee, contacts, body, attachments).
    static QString studentHtml(const Notice &notice, const QString &scopeName, const QStringList &attachmentNames);
    QTextBrowser *browser() const { return m_browser; }

private:
    QLabel *m_header;
    QTextBrowser *m_browser;
};

} // namespace tucai::ui
