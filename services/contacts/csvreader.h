// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringList>

#include <deque>
#include <memory>

struct csv_parser;

namespace vsc::services::contacts {

// How large a contact file may be. A file that breaks one is refused whole, with the line for a record or field, so
// a stray binary file or a runaway quoted field cannot take the memory of the process.
struct CsvLimits
{
    qsizetype maxFileBytes = qsizetype(256) * 1024 * 1024; // a few million ordinary rows
    qsizetype maxRecordBytes = qsizetype(64) * 1024;       // one record (row), quoted newlines included
    qsizetype maxFieldBytes = qsizetype(8) * 1024;         // one field
};

// One CSV record with the physical line it starts on (1-based; a quoted field may span lines).
struct CsvRecord
{
    int line = 0;
    QStringList fields;
};

// Reads RFC 4180 CSV (libcsv, strict) from a device a block at a time: memory stays at one block plus the records
// not yet taken, whatever the file's size. A UTF-8 byte order mark is skipped; CRLF and LF both end records; blank
// lines are no records. A malformed file, or one over `limits`, is an InvalidArgument error naming the line.
// Synchronous, on the calling thread; the device must stay open while the reader reads it.
class CsvReader final
{
public:
    explicit CsvReader(QIODevice &device, const CsvLimits &limits = {});
    ~CsvReader();
    Q_DISABLE_COPY_MOVE(CsvReader)

    // The next record into `record`: true, or false at the end of the file; an error for a malformed file.
    Result<bool> next(CsvRecord &record);
    // Bytes consumed from the device so far.
    [[nodiscard]] qint64 bytesRead() const { return m_bytesRead; }

    struct State; // libcsv's callbacks fill it

private:
    Result<void> feedBlock();
    Result<void> feedSegment(const char *data, qsizetype length);

    QIODevice &m_device;
    CsvLimits m_limits;
    std::unique_ptr<csv_parser> m_parser;
    std::unique_ptr<State> m_state;
    QByteArray m_block;
    qint64 m_bytesRead = 0;
    int m_line = 1;
    bool m_awaitingRecord = true;
    qsizetype m_recordBytes = 0;
    bool m_firstBlock = true;
    bool m_finished = false;
};

// The whole of `csv` parsed (the tests' and small inputs' shortcut); the same rules as CsvReader, plus the file limit.
Result<QList<CsvRecord>> parseCsv(const QByteArray &csv, const CsvLimits &limits = {});
// InvalidArgument naming the size and the limit when a file of `bytes` is over it.
Result<void> checkFileSize(qint64 bytes, const CsvLimits &limits);

} // namespace vsc::services::contacts
