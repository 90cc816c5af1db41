// What must hold on Windows as on Linux: data files found relative to the executable or in a folder
// with Chinese characters and spaces, read through Qt (OpenCV never opens a path itself).
#include "checks/check_engine.h"
#include "checks/check_profile.h"
#include "export/table_file.h"
#include "import/table_reader.h"
#include "test_support.h"
#include "util/data_paths.h"
#include "util/platform.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <memory>

using namespace tucai;

namespace {

// The engine keeps its cascades per thread: a fresh thread loads them anew from the data folders.
QString detectorInFreshThread(const QByteArray &jpeg)
{
    QString detector;
    std::unique_ptr<QThread> t(QThread::create([&] {
        checks::CheckEngine engine(checks::CheckProfile::loadDefault());
        detector = engine.check(jpeg, QStringLiteral("照片.jpg")).detector;
    }));
    t->start();
    t->wait();
    return detector;
}

QByteArray grey480x640Jpeg()
{
    QImage img(480, 640, QImage::Format_RGB32);
    img.fill(QColor(100, 197, 255));
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, "JPEG", 90);
    return bytes;
}

struct EnvGuard
{
    QByteArray name;
    QString old;
    EnvGuard(const char *n, const QString &value) : name(n), old(qEnvironmentVariableIsSet(n) ? qEnvironmentVariable(n) : QString())
    {
        platform::setEnvironmentVariable(n, value);
    }
    ~EnvGuard() { platform::setEnvironmentVariable(name.constData(), old); }
};

} // namespace

class TestPlatform final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dataFileUnderChinesePathWithSpaces();
    void missingDataFileIsNamed();
    void engineReadsCascadesThroughQt();
    void spreadsheetsInChinesePathWithSpaces();
    void largeBlockIsAlignedAndWritable();
};

void TestPlatform::dataFileUnderChinesePathWithSpaces()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.path() + QStringLiteral("/数据 目录 (测试)");
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/模型")));
    QFile f(dir + QStringLiteral("/模型/文件 1.bin"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\x00\x01bytes", 7);
    f.close();
    EnvGuard env("TUCAI_DATA_DIR", QDir::toNativeSeparators(dir));
    QCOMPARE(dataDirs().value(0), dir);
    QCOMPARE(findDataFile(QStringLiteral("模型/文件 1.bin")), dir + QStringLiteral("/模型/文件 1.bin"));
    QString why;
    QCOMPARE(readDataFile(QStringLiteral("模型/文件 1.bin"), &why), QByteArray("\x00\x01bytes", 7));
    QVERIFY(why.isEmpty());
    // The folder beside the executable is searched too (Windows: <exe>/data).
    QVERIFY(dataDirs().contains(QCoreApplication::applicationDirPath() + QStringLiteral("/data")));
}

void TestPlatform::missingDataFileIsNamed()
{
    QString why;
    QVERIFY(readDataFile(QStringLiteral("nowhere/no such model.dat"), &why).isEmpty());
    QVERIFY2(why.contains(QStringLiteral("nowhere/no such model.dat")), qPrintable(why));
    QVERIFY(findDataFile(QStringLiteral("nowhere/no such model.dat")).isEmpty());
}

void TestPlatform::engineReadsCascadesThroughQt()
{
    // Copies of the cascades in a folder OpenCV itself could not open on Windows; one is broken
    // first, so the engine's answer proves that this folder, and not another, was read.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.path() + QStringLiteral("/级联 文件");
    const QString notCopied = tucai::test::copyCascades(dir);
    QVERIFY2(notCopied.isEmpty(), qPrintable(notCopied));
    const QString eye = dir + QStringLiteral("/haarcascades/haarcascade_eye.xml");
    QVERIFY(QFile::rename(eye, eye + QStringLiteral(".good")));
    {
        QFile broken(eye);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("<?xml version=\"1.0\"?>\n<opencv_storage><nothing/></opencv_storage>\n");
    }
    EnvGuard env("TUCAI_DATA_DIR", dir);
    const QByteArray photo = grey480x640Jpeg();
    const QString broken = detectorInFreshThread(photo);
    QVERIFY2(broken.startsWith(QStringLiteral("none:")) && broken.contains(QStringLiteral("haarcascade_eye.xml")),
             qPrintable(broken));
    QVERIFY(QFile::remove(eye));
    QVERIFY(QFile::rename(eye + QStringLiteral(".good"), eye));
    const QString good = detectorInFreshThread(photo);
    QVERIFY2(!good.startsWith(QStringLiteral("none")), qPrintable(good));
}

void TestPlatform::spreadsheetsInChinesePathWithSpaces()
{
    // libxlsxwriter writes and libzip reads by a char* path: the platform seam gives them UTF-8 on
    // Windows (their own UTF-16 conversion) and the file system's encoding here.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.path() + QStringLiteral("/导出 文件夹 \'2026\'");
    QVERIFY(QDir().mkpath(dir));
    exporting::Table t;
    t.headers = {QStringLiteral("学号"), QStringLiteral("姓名")};
    t.rows = {{QStringLiteral("20260001"), QStringLiteral("张三")}, {QStringLiteral("20260002"), QStringLiteral("李 四")}};
    const QString xlsx = dir + QStringLiteral("/名单 一.xlsx");
    QString error;
    QVERIFY2(exporting::writeXlsx(t, xlsx, &error), qPrintable(error));
    const import::TableData back = import::readTableFile(xlsx);
    QCOMPARE(back.format, QStringLiteral("xlsx"));
    QCOMPARE(back.rows.size(), 3);
    QCOMPARE(back.rows.at(2), (QStringList{QStringLiteral("20260002"), QStringLiteral("李 四")}));
    const QString csv = dir + QStringLiteral("/名单 二.csv");
    QVERIFY2(exporting::writeCsv(t, csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // Excel reads Chinese only with the BOM
    QVERIFY(bytes.contains("\r\n"));              // and Windows line endings
    QCOMPARE(import::readTableFile(csv).rows, back.rows);
}

// The landmark model's leaf table: one block, aligned so that the kernel can back it with huge
// pages, every byte of it usable and kept, sizes that are not a whole number of pages included.
void TestPlatform::largeBlockIsAlignedAndWritable()
{
    QVERIFY(platform::allocateLarge(0) == nullptr);
    for (const size_t bytes : {size_t(1), size_t(3) * 1024 * 1024 + 17, size_t(8) << 20}) {
        auto *p = static_cast<unsigned char *>(platform::allocateLarge(bytes));
        QVERIFY(p);
#ifndef Q_OS_WIN
        QCOMPARE(reinterpret_cast<quintptr>(p) % (quintptr(2) << 20), quintptr(0));
#else
        QCOMPARE(reinterpret_cast<quintptr>(p) % 4096, quintptr(0));
#endif
        for (size_t i = 0; i < bytes; i += 4093)
            p[i] = static_cast<unsigned char>(i * 7);
        p[bytes - 1] = 0xA5;
        for (size_t i = 0; i < bytes - 1; i += 4093)
            QCOMPARE(int(p[i]), int(static_cast<unsigned char>(i * 7)));
        QCOMPARE(int(p[bytes - 1]), 0xA5);
        platform::freeLarge(p, bytes);
    }
    platform::freeLarge(nullptr, 0);   // like free(nullptr): nothing
}

QTEST_GUILESS_MAIN(TestPlatform)
#include "test_platform.moc"
