#include "pages/notices/phone_preview.h"

#include <QDateTime>
#include <QFrame>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tucai::ui {

PhonePreview::PhonePreview(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("phonePreview"));
    setWindowTitle(tr("Preview: the notice on a student's phone"));
    auto *phone = new QFrame(this);
    phone->setObjectName(QStringLiteral("phoneFrame"));
    phone->setStyleSheet(QStringLiteral("#phoneFrame { background: #1f1f1f; border-radius: 36px; }"));
    auto *pl = new QVBoxLayout(phone);
    pl->setContentsMargins(14, 48, 14, 48);
    pl->setSpacing(0);
    m_header = new QLabel(tr("Graduation photo collection"), phone);
    m_header->setObjectName(QStringLiteral("phoneHeader"));
    m_header->setAlignment(Qt::AlignCenter);
    m_header->setFixedHeight(44);
    m_header->setStyleSheet(QStringLiteral("background: #0a7cff; color: white; font-weight: bold;"));
    m_browser = new QTextBrowser(phone);
    m_browser->setObjectName(QStringLiteral("phoneBrowser"));
    m_browser->setOpenExternalLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->setStyleSheet(QStringLiteral("background: white; color: #222;"));
    m_browser->setFixedSize(375, 667 - 44);
    pl->addWidget(m_header);
    pl->addWidget(m_browser);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(phone);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

QString PhonePreview::studentHtml(const Notice &n, const QString &scopeName, const QStringList &attachments)
{
    auto day = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd")); };
    QString facts;
    auto row = [&](const QString &k, const QString &v) {
        if (!v.isEmpty())
            facts += QStringLiteral("<tr><td style='color:#666; padding-right:8px;'>%1</td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    if (n.windowStart || n.windowEnd)
        row(tr("Collection"), QStringLiteral("%1 – %2").arg(n.windowStart ? day(n.windowStart) : QString(), n.windowEnd ? day(n.windowEnd) : QString()));
    row(tr("Daily hours"), n.dailyHours);
    row(tr("Closed on"), n.closureDays);
    if (n.feeCents > 0)
        row(tr("Fee"), tr("%1 yuan").arg(QString::number(n.feeCents / 100.0, 'f', 2)));
    row(tr("Contact"), n.contacts);
    QString html = QStringLiteral("<h3 style='margin-bottom:2px;'>%1</h3><p style='color:#888; font-size:small;'>%2</p>")
                       .arg(n.title.toHtmlEscaped(), scopeName.toHtmlEscaped());
    if (!facts.isEmpty())
        html += QStringLiteral("<table style='background:#f3f7ff; margin-bottom:8px;' cellpadding='3'>%1</table>").arg(facts);
    // The body is the editor's own rich text; QTextDocument shows only a safe subset of HTML.
    QString body = n.bodyHtml;
    const int b = body.indexOf(QLatin1String("<body"));
    if (b >= 0) {
        const int start = body.indexOf(QLatin1Char('>'), b) + 1;
        const int end = body.lastIndexOf(QLatin1String("</body>"));
        body = body.mid(start, end > start ? end - start : -1);
    }
    html += body;
    if (!attachments.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Attachments").toHtmlEscaped());
        for (const QString &a : attachments)
            html += QStringLiteral("<li>%1</li>").arg(a.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    return html;
}

void PhonePreview::showNotice(const Notice &notice, const QString &scopeName, const QStringList &attachmentNames)
{
    m_browser->setHtml(studentHtml(notice, scopeName, attachmentNames));
}

} // namespace tucai::ui
