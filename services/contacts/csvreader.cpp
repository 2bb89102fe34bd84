// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/contacts/csvreader.h"

#include <QBuffer>

#include <csv.h>

#include <cstring>

namespace vsc::services::contacts {

struct CsvReader::State
{
    std::deque<CsvRecord> records;
    QStringList current;
    int currentStartLine = 1;
    qsizetype maxFieldBytes = 0;
    bool fieldTooLong = false;
    std::size_t ended = 0; // records completed so far
};

namespace {

constexpr qint64 kBlockBytes = qint64(1) << 20; // read from a file at a time
// From a pipe: QFile's read waits until the whole request is there, so a block must not outgrow what a writer
// delivers at once, or the rows already read wait (unvalidated, unreported) for the next megabyte.
constexpr qint64 kPipeBlockBytes = qint64(64) * 1024;
constexpr qsizetype kMaxSegment = qsizetype(64) << 10; // fed to libcsv at a time, so a record limit is seen early

void onField(void *data, std::size_t length, void *state)
{
    auto *s = static_cast<CsvReader::State *>(state);
    if (qsizetype(length) > s->maxFieldBytes) {
        s->fieldTooLong = true; // reported by the loop feeding the parser, which knows the line
        return;
    }
    s->current.append(QString::fromUtf8(static_cast<const char *>(data), qsizetype(length)));
}

void onRecordEnd(int /*terminator*/, void *state)
{
    auto *s = static_cast<CsvReader::State *>(state);
    s->records.push_back({s->currentStartLine, std::move(s->current)});
    s->current = QStringList();
    ++s->ended;
}

QString byteSize(qint64 bytes)
{
    constexpr qint64 kKiB = 1024;
    constexpr qint64 kMiB = kKiB * kKiB;
    return bytes >= kMiB   ? QStringLiteral("%1 MiB").arg(double(bytes) / double(kMiB), 0, 'f', 1)
           : bytes >= kKiB ? QStringLiteral("%1 KiB").arg(double(bytes) / double(kKiB), 0, 'f', 1)
                           : QStringLiteral("%1 bytes").arg(bytes);
}

Error fieldTooLong(int line, const CsvLimits &limits)
{
    return Error{ErrorCode::InvalidArgument,
                 QStringLiteral("line %1: a field is longer than %2").arg(line).arg(byteSize(limits.maxFieldBytes))};
}

} // namespace

CsvReader::CsvReader(QIODevice &device, const CsvLimits &limits)
    : m_device(device), m_limits(limits), m_parser(std::make_unique<csv_parser>()), m_state(std::make_unique<State>())
{
    csv_init(m_parser.get(), CSV_STRICT | CSV_STRICT_FINI);
    m_state->maxFieldBytes = limits.maxFieldBytes;
}

CsvReader::~CsvReader()
{
    csv_free(m_parser.get());
}

Result<bool> CsvReader::next(CsvRecord &record)
{
    while (m_state->records.empty() && !m_finished) {
        if (auto fed = feedBlock(); !fed) {
            m_finished = true;
            return fed.error();
        }
    }
    if (m_state->records.empty()) {
        return false;
    }
    record = std::move(m_state->records.front());
    m_state->records.pop_front();
    return true;
}

Result<void> CsvReader::feedBlock()
{
    const qint64 want = m_device.isSequential() ? kPipeBlockBytes : kBlockBytes;
    m_block.resize(want);
    const qint64 got = m_device.read(m_block.data(), want);
    if (got < 0) {
        return Error{ErrorCode::Io, QStringLiteral("cannot read the file: %1").arg(m_device.errorString())};
    }
    m_block.resize(got);
    m_bytesRead += got;
    if (got == 0) {
        m_finished = true;
        const int finished = csv_fini(m_parser.get(), onField, onRecordEnd, m_state.get());
        if (m_state->fieldTooLong) {
            return fieldTooLong(m_state->currentStartLine, m_limits);
        }
        if (finished != 0) {
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("line %1: %2 (a quoted field is not closed)")
                             .arg(m_state->currentStartLine)
                             .arg(QString::fromLatin1(csv_strerror(csv_error(m_parser.get()))))};
        }
        return {};
    }
    const char *data = m_block.constData();
    qsizetype offset = 0;
    if (m_firstBlock) {
        m_firstBlock = false;
        if (m_block.startsWith("\xEF\xBB\xBF")) { // UTF-8 byte order mark
            offset = 3;
        }
    }
    // Fed a physical line at a time, so each record's first line is known exactly even when quoted fields span
    // lines: a record can only start at the beginning of a line.
    while (offset < m_block.size()) {
        const qsizetype rest = qMin(m_block.size() - offset, kMaxSegment);
        const void *newline = std::memchr(data + offset, '\n', std::size_t(rest));
        const qsizetype length = newline ? static_cast<const char *>(newline) - (data + offset) + 1 : rest;
        if (auto fed = feedSegment(data + offset, length); !fed) {
            return fed;
        }
        offset += length;
    }
    return {};
}

Result<void> CsvReader::feedSegment(const char *data, qsizetype length)
{
    if (m_awaitingRecord) {
        bool onlyNewlines = true;
        for (qsizetype i = 0; i < length && onlyNewlines; ++i) {
            onlyNewlines = data[i] == '\n' || data[i] == '\r';
        }
        if (!onlyNewlines) {
            m_awaitingRecord = false;
            m_state->currentStartLine = m_line;
            m_recordBytes = 0;
        }
    }
    if (!m_awaitingRecord) {
        m_recordBytes += length;
        if (m_recordBytes > m_limits.maxRecordBytes) {
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("line %1: the record is longer than %2 (is a quoted field not closed?)")
                             .arg(m_state->currentStartLine)
                             .arg(byteSize(m_limits.maxRecordBytes))};
        }
    }
    const std::size_t endedBefore = m_state->ended;
    if (csv_parse(m_parser.get(), data, std::size_t(length), onField, onRecordEnd, m_state.get()) !=
        std::size_t(length)) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("line %1: %2")
                         .arg(m_line)
                         .arg(QString::fromLatin1(csv_strerror(csv_error(m_parser.get()))))};
    }
    if (m_state->fieldTooLong) {
        return fieldTooLong(m_state->currentStartLine, m_limits);
    }
    const char last = data[length - 1];
    if (m_state->ended != endedBefore && (last == '\n' || last == '\r')) {
        m_awaitingRecord = true;
    }
    if (last == '\n') {
        ++m_line;
    }
    return {};
}

Result<void> checkFileSize(qint64 bytes, const CsvLimits &limits)
{
    if (bytes > limits.maxFileBytes) {
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the file is %1, more than the %2 a contact file may "
                                                                "have; split it and import the parts")
                                                     .arg(byteSize(bytes), byteSize(limits.maxFileBytes))};
    }
    return {};
}

Result<QList<CsvRecord>> parseCsv(const QByteArray &csv, const CsvLimits &limits)
{
    if (auto sized = checkFileSize(csv.size(), limits); !sized) {
        return sized.error();
    }
    QByteArray copy = csv; // shared, not copied: QBuffer wants a non-const array
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, limits);
    QList<CsvRecord> records;
    CsvRecord record;
    for (;;) {
        auto more = reader.next(record);
        if (!more) {
            return more.error();
        }
        if (!more.value()) {
            return records;
        }
        records.append(std::move(record));
    }
}

} // namespace vsc::services::contacts
