#pragma once
// The small seam where Windows and Linux differ. Everything else in the project is written once
// for both; a call that exists on one system only belongs here.
#include <QByteArray>
#include <QString>

#include <cstddef>

namespace tucai::platform {

// A file name for C libraries that take `const char *` paths (libzip, libxlsxwriter): UTF-8 on
// Windows, where both convert it to UTF-16 themselves (so Chinese names work whatever the ANSI code
// page), and the file system's own encoding elsewhere.
QByteArray cPath(const QString &path);

// True when standard output (1) or standard error (2) is a terminal (a console window on
// Windows), not a file or a pipe: a live status line is then redrawn in place.
bool isTerminal(int stream);

// Command-line programs: makes a Windows console show the UTF-8 the programs print (Chinese
// included). Does nothing elsewhere, or when the output is not a console.
void prepareConsole();

// CPU time used by the calling thread, in milliseconds: steady under load from other processes,
// where wall time is not (benchmarks on a shared machine).
double threadCpuMs();

// Forces a written file's bytes to the disk (fsync / FlushFileBuffers) before it is renamed into
// place, so that a crash or power cut never leaves a final name on a half-written file.
bool syncFile(const QString &path);
// Makes a rename inside `dir` durable (fsync of the directory on POSIX; nothing on Windows, which
// has no directory handle to flush this way).
void syncDirectory(const QString &dir);

// A block for a large table that is read at random and never resized (the landmark model's 65 MB
// of leaves): aligned to 2 MB and on Linux advised for transparent huge pages, so that the table
// takes a few dozen TLB entries instead of one per 4 KB page. Elsewhere plain page-aligned memory
// (Windows' large pages need a privilege ordinary users lack). Null when out of memory. Free it
// with freeLarge and the same size.
void *allocateLarge(size_t bytes);
void freeLarge(void *block, size_t bytes);

// The peak resident memory of this process in kilobytes, or -1 where it cannot be read.
qint64 peakRssKb();

// Sets (or with a null value removes) an environment variable of this process. On Windows in
// UTF-16: qputenv goes through the ANSI code page, which cannot hold a Chinese folder name.
void setEnvironmentVariable(const char *name, const QString &value);

// GB18030 (a superset of GBK: what a Chinese Excel saves as CSV) to and from Unicode through the
// system's converter, for a Qt built without ICU, which has no such codec: iconv on Linux, code
// page 54936 on Windows (936, plain GBK, where the system lacks 54936, as Wine does). False when the bytes are not valid GB18030 or the system cannot convert.
bool decodeGb18030(const QByteArray &bytes, QString *out);
bool encodeGb18030(const QString &text, QByteArray *out);

// Libraries that take file names and other text in the local 8-bit encoding (libpq, and Qt's
// PostgreSQL driver, which hands libpq its whole connection string in that encoding): UTF-8 on
// Linux, the ANSI code page on Windows (1252 on a Western system, 936 on a Chinese one).
// True where that encoding is UTF-8 (Linux; Windows set to the UTF-8 code page).
bool localEncodingIsUtf8();
// `path` in a form such a library can open: the path itself where the local encoding holds every
// character of it (always on Linux), else on Windows its 8.3 short form (ASCII). Empty when
// neither works (a volume without short names).
QString localEncodingPath(const QString &path);

// The last call of a program's main(), after everything is saved and closed (databases, files, the
// log) and the application object is gone: returns `code` for main() to return. On Windows it ends
// the process at once with `code` instead: a MinGW program that returns from main() can hang for
// ever in libstdc++'s DLL clean-up (pthread_key_delete waits for a lock of libwinpthread that a
// thread killed by ExitProcess still held; seen as `tucai demo create` never ending under Wine, one
// run in ten). Nothing is lost: the DLLs' clean-up at that point only frees memory.
int endProcess(int code);

} // namespace tucai::platform
