// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/logging/logging.h"

#include <QDir>
#include <QMutex>
#include <QMutexLocker>
#include <QtGlobal>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <mutex>
#include <vector>

namespace vsc::services::logging {
namespace {

// Forwards each message with phone numbers masked, so no sink ever sees a full number.
class MaskingSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit MaskingSink(std::vector<spdlog::sink_ptr> sinks) : m_sinks(std::move(sinks)) {}

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        const std::string masked = maskPhoneNumbers(std::string_view(msg.payload.data(), msg.payload.size()));
        spdlog::details::log_msg copy = msg;
        copy.payload = masked;
        for (auto &sink : m_sinks) {
            if (sink->should_log(copy.level)) {
                sink->log(copy);
            }
        }
    }
    void flush_() override
    {
        for (auto &sink : m_sinks) {
            sink->flush();
        }
    }
    void set_pattern_(const std::string &pattern) override
    {
        for (auto &sink : m_sinks) {
            sink->set_pattern(pattern);
        }
    }

private:
    std::vector<spdlog::sink_ptr> m_sinks;
};

QMutex g_mutex;
spdlog::sink_ptr g_sink; // the masking sink shared by every module logger
spdlog::level::level_enum g_level = spdlog::level::info;

spdlog::sink_ptr fallbackSink()
{
    static spdlog::sink_ptr sink = std::make_shared<MaskingSink>(
        std::vector<spdlog::sink_ptr>{std::make_shared<spdlog::sinks::stderr_color_sink_mt>()});
    return sink;
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    auto log = logger("qt");
    const std::string text = context.category && qstrcmp(context.category, "default") != 0
                                 ? std::string(context.category) + ": " + message.toStdString()
                                 : message.toStdString();
    switch (type) {
    case QtDebugMsg:
        log->debug("{}", text);
        break;
    case QtInfoMsg:
        log->info("{}", text);
        break;
    case QtWarningMsg:
        log->warn("{}", text);
        break;
    case QtCriticalMsg:
        log->error("{}", text);
        break;
    case QtFatalMsg:
        log->critical("{}", text);
        log->flush();
        break;
    }
}

bool isSeparator(char c)
{
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
}

} // namespace

std::string maskPhoneNumbers(std::string_view text)
{
    std::string out(text);
    std::size_t i = 0;
    while (i < out.size()) {
        const bool plus = out[i] == '+' && i + 1 < out.size() && std::isdigit(static_cast<unsigned char>(out[i + 1]));
        if (!plus && !std::isdigit(static_cast<unsigned char>(out[i]))) {
            ++i;
            continue;
        }
        // A digit run may not start inside a word such as "CA1234..." (SIDs are not phone numbers).
        if (!plus && i > 0 && std::isalnum(static_cast<unsigned char>(out[i - 1]))) {
            while (i < out.size() && std::isalnum(static_cast<unsigned char>(out[i]))) {
                ++i;
            }
            continue;
        }
        std::vector<std::size_t> digits;
        std::size_t j = plus ? i + 1 : i;
        std::size_t end = j;
        while (j < out.size() && (std::isdigit(static_cast<unsigned char>(out[j])) || isSeparator(out[j]))) {
            if (std::isdigit(static_cast<unsigned char>(out[j]))) {
                digits.push_back(j);
                end = j + 1;
            }
            ++j;
        }
        const bool followedByWord = end < out.size() && std::isalpha(static_cast<unsigned char>(out[end]));
        if (digits.size() >= 7 && !followedByWord) {
            const std::size_t keepHead = 2; // country code or area prefix stays readable
            for (std::size_t k = keepHead; k + 2 < digits.size(); ++k) {
                out[digits[k]] = '*';
            }
        }
        i = end > i ? end : i + 1;
    }
    return out;
}

Result<QString> initialize(const LogOptions &options)
{
    std::vector<spdlog::sink_ptr> sinks;
    QString filePath;
    try {
        if (options.toStderr) {
            sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
        }
        if (!options.directory.isEmpty()) {
            if (!QDir().mkpath(options.directory)) {
                return Error{ErrorCode::Io, QStringLiteral("cannot create log directory %1").arg(options.directory)};
            }
            filePath = QDir(options.directory).filePath(QStringLiteral("voicesurvey.log"));
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                QDir::toNativeSeparators(filePath).toStdString(), options.maxFileBytes, options.maxFiles));
        }
    } catch (const spdlog::spdlog_ex &e) { // spdlog throws; convert at the edge
        return Error{ErrorCode::Io, QString::fromStdString(e.what())};
    }
    auto sink = std::make_shared<MaskingSink>(std::move(sinks));
    sink->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%n] %^%l%$ %v");
    {
        QMutexLocker lock(&g_mutex);
        g_sink = sink;
        g_level = options.level;
    }
    spdlog::drop_all(); // module loggers are recreated on the new sinks
    spdlog::flush_on(spdlog::level::warn);
    return filePath;
}

std::shared_ptr<spdlog::logger> logger(const char *module)
{
    QMutexLocker lock(&g_mutex);
    if (auto existing = spdlog::get(module)) {
        return existing;
    }
    auto log = std::make_shared<spdlog::logger>(module, g_sink ? g_sink : fallbackSink());
    log->set_level(g_sink ? g_level : spdlog::level::warn);
    spdlog::register_logger(log);
    return log;
}

void installQtMessageBridge()
{
    qInstallMessageHandler(qtMessageHandler);
}

void shutdown()
{
    qInstallMessageHandler(nullptr);
    spdlog::shutdown();
    QMutexLocker lock(&g_mutex);
    g_sink.reset();
}

} // namespace vsc::services::logging
