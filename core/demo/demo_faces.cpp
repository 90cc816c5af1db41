#include "demo/demo_faces.h"

#include "checks/photo_producer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QTransform>
#include <QtConcurrent/QtConcurrentMap>

namespace tucai::demo {
namespace {

QByteArray encodeJpeg(const QImage &img, int quality)
{
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, "JPEG", quality);
    return out;
}

QImage applyVariant(QImage img, DemoFaces::Variant v)
{
    switch (v) {
    case DemoFaces::Variant::Dark: {
        img = img.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < img.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
            for (int x = 0; x < img.width(); ++x)
                line[x] = qRgb(qRed(line[x]) * 40 / 100, qGreen(line[x]) * 40 / 100, qBlue(line[x]) * 40 / 100);
        }
        return img;
    }
    case DemoFaces::Variant::Blurred:
        // Down and up again: a soft, out-of-focus look.
        return img.scaled(img.width() / 8, img.height() / 8, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
            .scaled(img.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    case DemoFaces::Variant::OffCentre: {
        QImage shifted(img.size(), QImage::Format_RGB32);
        shifted.fill(img.pixel(2, 2));
        QPainter p(&shifted);
        p.drawImage(QPoint(90, 0), img);
        return shifted;
    }
    default:
        return img;
    }
}

} // namespace

DemoFaces::DemoFaces(const QString &facesDir) : m_dir(facesDir)
{
    if (facesDir.isEmpty())
        return;
    const QDir neutral(facesDir + QStringLiteral("/frll/neutral"));
    const QStringList files = neutral.entryList({QStringLiteral("*_03.jpg")}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        const QString id = f.left(f.indexOf(QLatin1Char('_')));
        if (QFileInfo::exists(neutral.filePath(id + QStringLiteral("_03.tem"))))
            m_ids.append(id);
    }
    m_people = int(m_ids.size());
    // people.tsv: id, age, gender, ethnicity (tab-separated, with a header line).
    QHash<QString, Gender> byId;
    QFile tsv(facesDir + QStringLiteral("/frll/people.tsv"));
    if (tsv.open(QIODevice::ReadOnly | QIODevice::Text)) {
        while (!tsv.atEnd()) {
            const QStringList cols = QString::fromUtf8(tsv.readLine()).trimmed().split(QLatin1Char('\t'));
            if (cols.size() >= 3)
                byId.insert(cols.at(0), cols.at(2) == QLatin1String("female") ? Gender::Female : Gender::Male);
        }
    }
    for (int i = 0; i < m_people; ++i)
        m_genders.append(byId.value(m_ids.at(i), i % 2 ? Gender::Male : Gender::Female));
}

DemoFaces::Gender DemoFaces::gender(int index) const
{
    const int person = index % people();
    return person < m_genders.size() ? m_genders.at(person) : (person % 2 ? Gender::Male : Gender::Female);
}

QByteArray DemoFaces::photo(Variant variant, int index)
{
    const int person = index % people();
    const quint64 key = (quint64(variant) << 32) | quint64(person);
    auto it = m_cache.constFind(key);
    if (it != m_cache.constEnd())
        return *it;
    QByteArray bytes = realFaces() ? produce(variant, person) : QByteArray();
    if (bytes.isEmpty())
        bytes = placeholder(variant, person);
    m_cache.insert(key, bytes);
    return bytes;
}

QList<DemoFaces::Variant> DemoFaces::allVariants()
{
    return {Variant::Compliant, Variant::Smiling, Variant::Dark, Variant::Blurred, Variant::OffCentre};
}

bool DemoFaces::prepareAll(const std::atomic_bool *cancel)
{
    QList<quint64> keys;
    for (Variant v : allVariants())
        for (int person = 0; person < people(); ++person)
            keys.append((quint64(v) << 32) | quint64(person));
    // Each item only reads shared state; results are merged on this thread.
    const QList<QByteArray> photos = QtConcurrent::blockingMapped(keys, [this, cancel](quint64 key) {
        if (cancel && cancel->load())
            return QByteArray(); // the remaining items finish at once
        const auto v = Variant(key >> 32);
        const int person = int(key & 0xffffffffu);
        QByteArray bytes = realFaces() ? produce(v, person) : QByteArray();
        return bytes.isEmpty() ? placeholder(v, person) : bytes;
    });
    if (cancel && cancel->load())
        return false;
    for (qsizetype i = 0; i < keys.size(); ++i)
        m_cache.insert(keys.at(i), photos.at(i));
    return true;
}

QByteArray DemoFaces::produce(Variant variant, int person) const
{
    const QString id = m_ids.at(person);
    const QString neutralDir = m_dir + QStringLiteral("/frll/neutral/");
    QString imagePath = neutralDir + id + QStringLiteral("_03.jpg");
    if (variant == Variant::Smiling) {
        const QString smiling = m_dir + QStringLiteral("/frll/smiling/") + id + QStringLiteral("_08.jpg");
        if (QFileInfo::exists(smiling))
            imagePath = smiling;
    }
    QPointF left, right;
    if (!checks::readTemPupils(neutralDir + id + QStringLiteral("_03.tem"), &left, &right))
        return {};
    QFile f(imagePath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray portrait = f.readAll();
    QImage img = checks::produceImage(portrait, left, right);
    if (img.isNull())
        return {};
    return encodeJpeg(applyVariant(img, variant), 88);
}

QByteArray DemoFaces::placeholder(Variant variant, int person) const
{
    // Not a face: a labelled drawing so nobody mistakes it for a real photo.
    QImage img(480, 640, QImage::Format_RGB32);
    img.fill(QColor(100, 197, 255));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor skin = QColor::fromHsv((20 + person * 3) % 40, 90, 220);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(60, 60, 70));
    p.drawRoundedRect(QRectF(60, 520, 360, 140), 80, 80);
    // Hair: long for the placeholders given women's names, short for men's.
    p.setBrush(QColor(35, 28, 26));
    if (gender(person) == Gender::Female)
        p.drawRoundedRect(QRectF(120, 70, 240, 380), 110, 110);
    else
        p.drawEllipse(QRectF(135, 75, 210, 150));
    p.setBrush(skin);
    p.drawEllipse(QRectF(140, 90, 200, 260));
    p.setBrush(QColor(40, 30, 30));
    p.drawEllipse(QPointF(200, 240), 10, 8);
    p.drawEllipse(QPointF(280, 240), 10, 8);
    p.setPen(QPen(QColor(120, 40, 40), 4));
    p.drawLine(QPointF(215, 300), QPointF(265, 300));
    // A yellow band with black diagonal stripes: "not a photo" even without text.
    p.fillRect(QRectF(0, 380, 480, 80), QColor(255, 214, 0));
    p.setPen(QPen(Qt::black, 8));
    for (int x = -80; x < 480; x += 40)
        p.drawLine(QPointF(x, 460), QPointF(x + 80, 380));
    img.setText(QStringLiteral("Description"), QStringLiteral("Tucai demo placeholder, not a real photo"));
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        p.end();
        return encodeJpeg(applyVariant(img, variant), 88);
    }
    p.fillRect(QRectF(0, 380, 480, 80), QColor(255, 214, 0));
    p.setPen(Qt::black);
    QFont font = p.font();
    font.setPixelSize(26);
    font.setBold(true);
    p.setFont(font);
    p.drawText(QRectF(0, 380, 480, 40), Qt::AlignCenter, QStringLiteral("DEMO PLACEHOLDER"));
    font.setPixelSize(18);
    p.setFont(font);
    p.drawText(QRectF(0, 420, 480, 30), Qt::AlignCenter,
               QStringLiteral("no ../shared/faces: not a real photo (#%1)").arg(person + 1));
    p.end();
    return encodeJpeg(applyVariant(img, variant), 88);
}

QString DemoFaces::findDir(const QString &explicitDir)
{
    if (!explicitDir.isEmpty())
        return explicitDir;
    const QString env = qEnvironmentVariable("TUCAI_FACES_DIR");
    if (!env.isEmpty())
        return env;
    const QStringList candidates = {
        QDir::current().absoluteFilePath(QStringLiteral("../shared/faces")),
        QDir::current().absoluteFilePath(QStringLiteral("../../shared/faces")),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../../shared/faces"),
    };
    for (const QString &c : candidates)
        if (QFileInfo::exists(c + QStringLiteral("/frll/neutral")))
            return QDir::cleanPath(c);
    return {};
}

} // namespace tucai::demo
