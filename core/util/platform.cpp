#include "util/platform.h"

#include <QDir>
#include <QFile>

#include <cstdint>
#include <cstdio>

#ifdef Q_OS_WIN
#  include <qt_windows.h>
#  include <climits>
#  include <psapi.h>
#  include <io.h>
#  include <stdlib.h>
#  include <string>
#else
#  if __has_include(<iconv.h>)
#    include <iconv.h>
#    define TUCAI_HAVE_ICONV 1
#  endif
#  include <ctime>
#  include <fcntl.h>
#  include <sys/mman.h>
#  include <unistd.h>
#endif

namespace tucai::platform {

QByteArray cPath(const QString &path)
{
#ifdef Q_OS_WIN
    return path.toUtf8();
#else
    return QFile::encodeName(path);
#endif
}

void prepareConsole()
{
#ifdef Q_OS_WIN
    SetConsoleOutputCP(CP_UTF8);
    SetConsoleCP(CP_UTF8);
#endif
}

bool isTerminal(int stream)
{
#ifdef Q_OS_WIN
    return _isatty(stream == 2 ? 2 : 1) != 0;
#else
    return isatty(stream == 2 ? STDERR_FILENO : STDOUT_FILENO) != 0;
#endif
}

double threadCpuMs()
{
#ifdef Q_OS_WIN
    FILETIME created, exited, kernel, user;
    if (!GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user))
        return 0;
    const auto ticks = [](const FILETIME &t) { return (quint64(t.dwHighDateTime) << 32) | t.dwLowDateTime; };
    return double(ticks(kernel) + ticks(user)) / 1e4; // 100 ns units
#else
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
#endif
}

bool syncFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
#ifdef Q_OS_WIN
    return FlushFileBuffers(reinterpret_cast<HANDLE>(_get_osfhandle(f.handle()))) != 0;
#else
    return ::fsync(f.handle()) == 0;
#endif
}

void syncDirectory(const QString &dir)
{
#ifdef Q_OS_WIN
    Q_UNUSED(dir);
#else
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#endif
}

namespace {
constexpr size_t kHugePage = size_t(2) << 20;
size_t roundToHugePages(size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }
} // namespace

void *allocateLarge(size_t bytes)
{
    if (bytes == 0 || bytes > (size_t(-1) >> 1))
        return nullptr;
#ifdef Q_OS_WIN
    // Reserved and committed at once; pages become resident when first written.
    return VirtualAlloc(nullptr, bytes, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
#else
    // mmap gives 4 KB alignment only: map 2 MB more than needed and unmap the unaligned head and
    // the tail, leaving whole 2 MB units the kernel can back with huge pages.
    const size_t size = roundToHugePages(bytes);
    void *raw = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return nullptr;
    const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
    const uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
    if (aligned > start)
        munmap(raw, aligned - start);
    if (const size_t tail = start + size + kHugePage - (aligned + size))
        munmap(reinterpret_cast<void *>(aligned + size), tail);
    void *block = reinterpret_cast<void *>(aligned);
#  ifdef MADV_HUGEPAGE
    madvise(block, size, MADV_HUGEPAGE);   // only advice: without THP the block simply has small pages
#  endif
    return block;
#endif
}

void freeLarge(void *block, size_t bytes)
{
    if (!block)
        return;
#ifdef Q_OS_WIN
    Q_UNUSED(bytes);
    VirtualFree(block, 0, MEM_RELEASE);
#else
    munmap(block, roundToHugePages(bytes));
#endif
}

qint64 peakRssKb()
{
#ifdef Q_OS_WIN
    PROCESS_MEMORY_COUNTERS pmc{};
    if (!GetProcessMemoryInfo(GetCurrentProcess(), &pmc, sizeof pmc))
        return -1;
    return qint64(pmc.PeakWorkingSetSize / 1024);
#else
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    return -1;
#endif
}

void setEnvironmentVariable(const char *name, const QString &value)
{
#ifdef Q_OS_WIN
    const std::wstring wname = QString::fromLatin1(name).toStdWString();
    _wputenv_s(wname.c_str(), value.isNull() ? L"" : value.toStdWString().c_str());
#else
    if (value.isNull())
        qunsetenv(name);
    else
        qputenv(name, QFile::encodeName(value));
#endif
}

#ifdef TUCAI_HAVE_ICONV
namespace {
// One whole conversion; false on any invalid or incomplete sequence.
bool iconvAll(const QByteArray &in, const char *from, const char *to, QByteArray *out)
{
    iconv_t cd = iconv_open(to, from);
    if (cd == iconv_t(-1))
        return false;
    QByteArray buf(in.size() * 4 + 16, Qt::Uninitialized);
    char *src = const_cast<char *>(in.constData());
    size_t srcLeft = size_t(in.size());
    char *dst = buf.data();
    size_t dstLeft = size_t(buf.size());
    const size_t r = iconv(cd, &src, &srcLeft, &dst, &dstLeft);
    iconv_close(cd);
    if (r == size_t(-1))
        return false;
    buf.truncate(buf.size() - qsizetype(dstLeft));
    *out = buf;
    return true;
}
} // namespace
#endif

#ifdef Q_OS_WIN
namespace {
// GB18030 where the system has it, else GBK (936, what Chinese Excel writes; Wine has no 54936).
UINT gbCodePage() { return IsValidCodePage(54936) ? 54936 : 936; }
}
#endif

bool decodeGb18030(const QByteArray &bytes, QString *out)
{
    if (bytes.isEmpty()) {
        out->clear();
        return true;
    }
#ifdef Q_OS_WIN
    if (bytes.size() > INT_MAX / 2)
        return false;
    const UINT cp = gbCodePage();
    const int n = MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, bytes.constData(), int(bytes.size()), nullptr, 0);
    if (n <= 0)
        return false;
    QString s(n, Qt::Uninitialized);
    if (MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, bytes.constData(), int(bytes.size()),
                            reinterpret_cast<wchar_t *>(s.data()), n) != n)
        return false;
    *out = s;
    return true;
#elif defined(TUCAI_HAVE_ICONV)
    QByteArray utf8;
    if (!iconvAll(bytes, "GB18030", "UTF-8", &utf8))
        return false;
    *out = QString::fromUtf8(utf8);
    return true;
#else
    Q_UNUSED(out);
    return false;
#endif
}

bool encodeGb18030(const QString &text, QByteArray *out)
{
    if (text.isEmpty()) {
        out->clear();
        return true;
    }
#ifdef Q_OS_WIN
    if (text.size() > INT_MAX / 4)
        return false;
    const auto *w = reinterpret_cast<const wchar_t *>(text.utf16());
    // 54936 takes no default-character arguments (it maps everything); with 936 a character GBK
    // lacks would become '?': that is refused.
    const UINT cp = gbCodePage();
    BOOL usedDefault = FALSE;
    BOOL *lossy = cp == 936 ? &usedDefault : nullptr;
    const int n = WideCharToMultiByte(cp, 0, w, int(text.size()), nullptr, 0, nullptr, lossy);
    if (n <= 0 || usedDefault)
        return false;
    QByteArray b(n, Qt::Uninitialized);
    if (WideCharToMultiByte(cp, 0, w, int(text.size()), b.data(), n, nullptr, nullptr) != n)
        return false;
    *out = b;
    return true;
#elif defined(TUCAI_HAVE_ICONV)
    return iconvAll(text.toUtf8(), "UTF-8", "GB18030", out);
#else
    Q_UNUSED(out);
    return false;
#endif
}

bool localEncodingIsUtf8()
{
    const QString probe = QStringLiteral("\u00e9\u5b66");  // a Latin and a Chinese letter
    return probe.toLocal8Bit() == probe.toUtf8();
}

QString localEncodingPath(const QString &path)
{
    const auto fits = [](const QString &s) { return QString::fromLocal8Bit(s.toLocal8Bit()) == s; };
    if (fits(path))
        return path;
#ifdef Q_OS_WIN
    const std::wstring wide = QDir::toNativeSeparators(path).toStdWString();
    DWORD size = GetShortPathNameW(wide.c_str(), nullptr, 0);
    if (size > 0) {
        std::wstring shortName(size, L'\0');
        size = GetShortPathNameW(wide.c_str(), shortName.data(), size);
        shortName.resize(size);
        const QString result = QString::fromStdWString(shortName);
        if (size > 0 && fits(result))
            return result;
    }
#endif
    return {};
}

int endProcess(int code)
{
    std::fflush(nullptr);
#ifdef Q_OS_WIN
    TerminateProcess(GetCurrentProcess(), UINT(code));
#endif
    return code;
}

} // namespace tucai::platform
