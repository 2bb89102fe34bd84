// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/logging/logging.h"

#include "services/files/privatefiles.h"

#include <QDir>
#include <QMutex>
#include <QMutexLocker>
#include <QtGlobal>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <cstdio>
#include <mutex>
#include <vector>

#include <sys/stat.h>

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
        const std::string masked =
            maskPhoneNumbers(redactUrlCredentials(std::string_view(msg.payload.data(), msg.payload.size())));
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

bool isDigit(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool isAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool isSeparator(char c)
{
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
}

// The length of a '+' sign at `i`, written or URL-encoded ("%2B" in a form body or query string), else 0.
std::size_t plusSignAt(std::string_view text, std::size_t i)
{
    if (text[i] == '+') {
        return 1;
    }
    if (text[i] == '%' && i + 2 < text.size() && text[i + 1] == '2' && (text[i + 2] == 'B' || text[i + 2] == 'b')) {
        return 3;
    }
    return 0;
}

// 192.168.100.200: four dot-separated groups of at most three digits.
bool looksLikeIpv4(std::string_view run)
{
    int groups = 1;
    int width = 0;
    for (char c : run) {
        if (c == '.') {
            ++groups;
            width = 0;
        } else if (!isDigit(c) || ++width > 3) {
            return false;
        }
    }
    return groups == 4;
}

// 2026-11-23, perhaps followed by a time: "2026-11-23 10:00" would otherwise read as ten digits.
bool startsWithDate(std::string_view run)
{
    static constexpr std::string_view kShape = "dddd-dd-dd";
    if (run.size() < kShape.size()) {
        return false;
    }
    for (std::size_t k = 0; k < kShape.size(); ++k) {
        if (kShape[k] == 'd' ? !isDigit(run[k]) : run[k] != kShape[k]) {
            return false;
        }
    }
    return true;
}

// A phone number in a log line: an international number (7 or more digits after '+' or "%2B"), or a national one
// written with its area code (10 or more digits). Shorter bare runs are counts, sizes and ports ("imported 1000000
// contact(s)"), not numbers; a run glued to letters is an identifier (a call SID).
constexpr std::size_t kMinInternationalDigits = 7;
constexpr std::size_t kMinNationalDigits = 10;

} // namespace

std::string maskPhoneNumbers(std::string_view text)
{
    std::string out(text);
    std::size_t i = 0;
    while (i < out.size()) {
        const std::size_t sign = plusSignAt(out, i);
        const bool international = sign > 0 && i + sign < out.size() && isDigit(out[i + sign]);
        if (!international && !isDigit(out[i])) {
            ++i;
            continue;
        }
        // A bare digit run may not start inside a word such as "CA1234..." (SIDs are not phone numbers).
        if (!international && i > 0 && isAlnum(out[i - 1])) {
            while (i < out.size() && isAlnum(out[i])) {
                ++i;
            }
            continue;
        }
        std::vector<std::size_t> digits;
        const std::size_t begin = international ? i + sign : i;
        std::size_t j = begin;
        std::size_t end = j;
        while (j < out.size() && (isDigit(out[j]) || isSeparator(out[j]))) {
            if (isDigit(out[j])) {
                digits.push_back(j);
                end = j + 1;
            }
            ++j;
        }
        const bool followedByWord = end < out.size() && std::isalpha(static_cast<unsigned char>(out[end])) != 0;
        bool phone = !followedByWord && digits.size() >= (international ? kMinInternationalDigits : kMinNationalDigits);
        if (phone && !international) {
            const std::string_view run = std::string_view(out).substr(begin, end - begin);
            phone = !looksLikeIpv4(run) && !startsWithDate(run);
        }
        if (phone) {
            const std::size_t keepHead = 2; // country code or area prefix stays readable
            for (std::size_t k = keepHead; k + 2 < digits.size(); ++k) {
                out[digits[k]] = '*';
            }
        }
        i = end > i ? end : i + 1;
    }
    return out;
}

std::string redactUrlCredentials(std::string_view text)
{
    static constexpr std::string_view kSchemeEnd = "://";
    static constexpr std::string_view kRedacted = "***";
    std::string out;
    out.reserve(text.size());
    std::size_t from = 0;
    for (std::size_t scheme = text.find(kSchemeEnd); scheme != std::string_view::npos;
         scheme = text.find(kSchemeEnd, from)) {
        const std::size_t authority = scheme + kSchemeEnd.size();
        // The user info ends at the last '@' before the path, query, fragment or the end of the URL.
        std::size_t end = authority;
        std::size_t at = std::string_view::npos;
        while (end < text.size() && std::string_view("/?#<>\"' \t\r\n").find(text[end]) == std::string_view::npos) {
            if (text[end] == '@') {
                at = end;
            }
            ++end;
        }
        out.append(text.substr(from, authority - from));
        if (at != std::string_view::npos) {
            out.append(kRedacted);
            from = at;
        } else {
            from = authority;
        }
    }
    out.append(text.substr(from));
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
            if (auto made = files::makeOwnDirectory(options.directory); !made) {
                return Error{ErrorCode::Io, QStringLiteral("cannot create log directory %1").arg(options.directory)};
            }
            filePath = QDir(options.directory).filePath(QStringLiteral("voicesurvey.log"));
            // Files an older version rotated under a default umask.
            for (std::size_t i = 1; i <= options.maxFiles; ++i) {
                if (auto restricted = files::restrictToOwner(
                        QDir(options.directory).filePath(QStringLiteral("voicesurvey.%1.log").arg(i)));
                    !restricted) {
                    return restricted.error();
                }
            }
            // Every log file spdlog opens, the first and each one after a rotation, is made 0600 at once.
            spdlog::file_event_handlers events;
            events.after_open = [](const spdlog::filename_t &, std::FILE *file) { ::fchmod(::fileno(file), 0600); };
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                QDir::toNativeSeparators(filePath).toStdString(), options.maxFileBytes, options.maxFiles, false,
                events));
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
