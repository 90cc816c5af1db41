#include "pages/review/student_panel.h"

#include "pages/review/queue_model.h"
#include "review/reason_catalog.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tucai::ui {
namespace {
QString timeText(qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString(); }
} // namespace

StudentPanel::StudentPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("studentPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("studentInfo"));
    m_info->setWordWrap(true);
    m_info->setTextFormat(Qt::RichText);
    m_info->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_info);
    layout->addWidget(new QLabel(tr("Photos of this student (current first):"), this));
    m_photos = new QListWidget(this);
    m_photos->setObjectName(QStringLiteral("studentPhotos"));
    m_photos->setViewMode(QListView::IconMode);
    m_photos->setFlow(QListView::LeftToRight);
    m_photos->setWrapping(false);
    m_photos->setIconSize(QSize(105, 140));
    m_photos->setMinimumHeight(200);
    m_photos->setMovement(QListView::Static);
    m_photos->setWordWrap(true);
    m_photos->setGridSize(QSize(130, 200));
    layout->addWidget(m_photos);
    layout->addWidget(new QLabel(tr("Capture attempts:"), this));
    m_attempts = new QTreeWidget(this);
    m_attempts->setObjectName(QStringLiteral("studentAttempts"));
    m_attempts->setRootIsDecorated(false);
    m_attempts->setHeaderLabels({tr("Time"), tr("Check"), tr("Result"), tr("Reason")});
    m_attempts->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_attempts, 1);
}

void StudentPanel::clear()
{
    m_info->clear();
    m_attempts->clear();
    m_photos->clear();
}

void StudentPanel::setDetail(const review::PhotoDetailPtr &d)
{
    clear();
    if (!d || (!d->error.isEmpty() && d->photo.id == 0))
        return;
    const Student &s = d->student;
    QString lock;
    if (s.lockKind == QLatin1String("liveness"))
        lock = tr("locked after liveness failures");
    else if (s.lockKind == QLatin1String("cooling") && s.lockedUntil)
        lock = tr("cooling-off until %1").arg(timeText(s.lockedUntil));
    m_info->setText(tr("<b>%1</b> &nbsp; %2<br>ID number: %3<br>%4 · %5<br>State: %6%7<br>"
                       "Liveness failures: %8 · other failures: %9 · submissions: %10 · paid: %11")
                        .arg(s.name.toHtmlEscaped(), s.studentNo.toHtmlEscaped(), maskIdNumber(s.idNumber),
                             d->collegeName.toHtmlEscaped(), d->className.toHtmlEscaped(), displayName(s.state),
                             lock.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(lock))
                        .arg(s.livenessFailures)
                        .arg(s.otherFailures)
                        .arg(s.submissions)
                        .arg(s.paid ? tr("yes") : tr("no")));
    for (const CaptureAttempt &a : d->attempts) {
        auto *item = new QTreeWidgetItem(m_attempts, {timeText(a.occurredAt),
                                                      a.kind == QLatin1String("liveness") ? tr("Liveness") : tr("Quality"),
                                                      a.passed ? tr("passed") : tr("failed"), a.reason});
        if (!a.passed)
            item->setForeground(2, QColor(200, 40, 40));
    }
    auto addPhoto = [this](const QImage &img, const Photo &p, const QString &reviewer, bool current) {
        QString caption = (current ? tr("Current: ") : QString()) + statusDisplay(p.status) + QLatin1Char('\n')
            + timeText(p.submittedAt ? p.submittedAt : p.storedAt);
        if (!p.reasons.isEmpty())
            caption += QLatin1Char('\n') + review::ReasonCatalog::instance().displayCodes(p.reasons);
        // At the screen's pixel density, so the thumbnails stay sharp at 150 % and 200 %.
        const qreal dpr = m_photos->devicePixelRatioF();
        QImage icon = img.isNull() ? QImage() : img.scaled(QSize(105, 140) * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        if (icon.isNull()) { // not loadable (see the viewer's message): an empty frame keeps the row
            icon = QImage(QSize(105, 140) * dpr, QImage::Format_RGB32);
            icon.fill(QColor(225, 225, 225));
        }
        icon.setDevicePixelRatio(dpr);
        auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(icon)), caption, m_photos);
        item->setData(Qt::UserRole, p.id);
        item->setToolTip(reviewer.isEmpty() ? caption : caption + QLatin1Char('\n') + tr("Reviewer: %1").arg(reviewer));
    };
    addPhoto(d->image, d->photo, d->reviewerName, true);
    for (int i = int(d->others.size()) - 1; i >= 0; --i)
        addPhoto(d->others.at(i).thumbnail, d->others.at(i).photo, d->others.at(i).reviewerName, false);
}

} // namespace tucai::ui
