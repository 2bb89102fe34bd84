// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/clock.h"

#include <QList>
#include <QPointer>

namespace vsc::tests {

// A clock that stands still until a test advances it. Timers and single shots fire in due order, each at its own
// due time (nowUtc() and monotonicNs() read that time inside the callback), with the event loop's posted events
// processed after each one, so queued replies and zero-delay callbacks run as they would in real time.
class FakeClock final : public services::Clock
{
public:
    explicit FakeClock(QDateTime startUtc = QDateTime(QDate(2026, 11, 23), QTime(15, 0), Qt::UTC));
    ~FakeClock() override;

    [[nodiscard]] QDateTime nowUtc() const override { return m_startUtc.addMSecs(m_nowNs / 1000000); }
    [[nodiscard]] qint64 monotonicNs() const override { return m_nowNs; }
    void singleShot(int ms, QObject *context, std::function<void()> function) override;

    // Moves time forward by `ms`, firing everything that falls due on the way.
    void advance(qint64 ms);
    // Advances in `stepMs` steps until `done` holds or `limitMs` of simulated time passed; true when it held.
    bool advanceUntil(const std::function<bool()> &done, qint64 limitMs, qint64 stepMs = 100);
    // Sets the wall clock without moving the monotonic one (a skewed or corrected system clock).
    void setWallClock(const QDateTime &utc);
    [[nodiscard]] int pendingTimers() const { return int(m_entries.size()); }

protected:
    void arm(services::Timer &timer, int ms) override;
    void disarm(services::Timer &timer) override;

private:
    struct Entry
    {
        qint64 dueNs = 0;
        quint64 sequence = 0;
        services::Timer *timer = nullptr; // or a single shot:
        QPointer<QObject> context;
        std::function<void()> function;
    };
    void schedule(Entry entry, int ms);

    QDateTime m_startUtc;
    qint64 m_nowNs = 0;
    quint64 m_sequence = 0;
    QList<Entry> m_entries;
};

} // namespace vsc::tests
