#include "util/logging.h"

#include <QDir>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace tucai {
namespace {

QString g_logPath;

void qtToSpdlog(QtMsgType type, const QMessageLogContext &ctx, const QString &message)
{
    const std::string text = message.toStdString();
    const char *category = ctx.category ? ctx.category : "qt";
    switch (type) {
    case QtDebugMsg:
        spdlog::debug("[{}] {}", category, text);
        break;
    case QtInfoMsg:
        spdlog::info("[{}] {}", category, text);
        break;
    case QtWarningMsg:
        spdlog::warn("[{}] {}", category, text);
        break;
    case QtCriticalMsg:
        spdlog::error("[{}] {}", category, text);
        break;
    case QtFatalMsg:
        spdlog::critical("[{}] {}", category, text);
        spdlog::default_logger()->flush();
        std::abort();
    }
}

} // namespace

QString logFilePath() { return g_logPath; }

void flushLogging()
{
    if (auto logger = spdlog::default_logger())
        logger->flush();
}

void initLogging(const QString &programName, bool toStderr)
{
    if (!g_logPath.isEmpty())
        return;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath() + QStringLiteral("/tucai");
    dir += QStringLiteral("/logs");
    QDir().mkpath(dir);
    g_logPath = dir + QLatin1Char('/') + programName + QStringLiteral(".log");
    std::vector<spdlog::sink_ptr> sinks;
    try {
#ifdef SPDLOG_WCHAR_FILENAMES
        // Windows build: wide names, so a log folder under C:\Users\<a Chinese name> opens.
        const spdlog::filename_t file = QDir::toNativeSeparators(g_logPath).toStdWString();
#else
        const spdlog::filename_t file = g_logPath.toStdString();
#endif
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file, 2 * 1024 * 1024, 5));
    } catch (const spdlog::spdlog_ex &) {
        g_logPath = QStringLiteral("(no log file: %1 is not writable)").arg(dir);
    }
    if (toStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    auto logger = std::make_shared<spdlog::logger>(programName.toStdString(), sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::info);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    qInstallMessageHandler(qtToSpdlog);
}

} // namespace tucai
