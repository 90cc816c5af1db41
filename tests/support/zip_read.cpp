#include "zip_read.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zip.h>

#include <memory>

namespace tucai::test {
namespace {

// The archive is read into memory and opened from there: no file name reaches libzip, so names
// with Chinese characters work the same on every platform.
struct Archive {
    QByteArray bytes;
    zip_t *z = nullptr;
    QString error;
    explicit Archive(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot open %1: %2").arg(path, f.errorString());
            return;
        }
        bytes = f.readAll();
        zip_error_t err;
        zip_error_init(&err);
        zip_source_t *src = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &err);
        if (src)
            z = zip_open_from_source(src, ZIP_RDONLY, &err);
        if (!z) {
            error = QStringLiteral("%1 is not a readable zip: %2").arg(path, QString::fromUtf8(zip_error_strerror(&err)));
            if (src)
                zip_source_free(src);
        }
        zip_error_fini(&err);
    }
    ~Archive()
    {
        if (z)
            zip_discard(z);
    }
    QByteArray read(zip_uint64_t index) const
    {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(z, index, 0, &st) != 0)
            return {};
        zip_file_t *f = zip_fopen_index(z, index, 0);
        if (!f)
            return {};
        QByteArray data(qsizetype(st.size), Qt::Uninitialized);
        const zip_int64_t n = zip_fread(f, data.data(), st.size);
        zip_fclose(f);
        if (n != zip_int64_t(st.size))
            return {};
        return data.isNull() ? QByteArray("") : data;
    }
};

} // namespace

QStringList zipEntries(const QString &zipPath)
{
    const Archive a(zipPath);
    QStringList out;
    if (!a.z)
        return out;
    const zip_int64_t n = zip_get_num_entries(a.z, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        out << QString::fromUtf8(zip_get_name(a.z, zip_uint64_t(i), ZIP_FL_ENC_GUESS));
    return out;
}

QByteArray zipEntry(const QString &zipPath, const QString &name)
{
    const Archive a(zipPath);
    if (!a.z)
        return {};
    const zip_int64_t i = zip_name_locate(a.z, name.toUtf8().constData(), ZIP_FL_ENC_GUESS);
    return i < 0 ? QByteArray() : a.read(zip_uint64_t(i));
}

bool unzipTo(const QString &zipPath, const QString &dir, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const Archive a(zipPath);
    if (!a.z)
        return fail(a.error);
    const QDir root(dir);
    if (!root.mkpath(QStringLiteral(".")))
        return fail(QStringLiteral("cannot create %1").arg(dir));
    const QString rootPath = QDir::cleanPath(root.absolutePath()) + QLatin1Char('/');
    const zip_int64_t n = zip_get_num_entries(a.z, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        const QString name = QString::fromUtf8(zip_get_name(a.z, zip_uint64_t(i), ZIP_FL_ENC_GUESS));
        const QString target = QDir::cleanPath(root.absoluteFilePath(name));
        if (QDir::isAbsolutePath(name) || name.contains(QLatin1Char(':')) || name.contains(QLatin1Char('\\'))
            || !target.startsWith(rootPath))
            return fail(QStringLiteral("entry '%1' would be written outside %2").arg(name, dir));
        if (name.endsWith(QLatin1Char('/'))) {
            root.mkpath(name);
            continue;
        }
        const QByteArray data = a.read(zip_uint64_t(i));
        if (data.isNull())
            return fail(QStringLiteral("entry '%1' cannot be read").arg(name));
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size())
            return fail(QStringLiteral("cannot write %1: %2").arg(target, out.errorString()));
    }
    return true;
}

} // namespace tucai::test
