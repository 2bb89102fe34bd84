// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>

namespace vsc::services {

class Timer;

// Time for the services: wall time (UTC), a monotonic clock, and timers that run on it. Injected through
// constructors from app/ (SystemClock); tests pass tests/support/fakeclock.h, which only moves when told to, so
// pacing, leases, retries and backoff can be tested over simulated minutes in milliseconds (KeePassXC's Clock
// idea, without its global instance).
class Clock
{
public:
    Clock() = default;
    virtual ~Clock() = default;
    Q_DISABLE_COPY_MOVE(Clock)

    [[nodiscard]] virtual QDateTime nowUtc() const = 0;
    // Nanoseconds since an arbitrary start; never goes back, whatever the wall clock does.
    [[nodiscard]] virtual qint64 monotonicNs() const = 0;
    [[nodiscard]] qint64 monotonicMs() const { return monotonicNs() / 1000000; }

    // Calls `function` once after `ms`, on `context`'s thread, unless `context` is gone by then
    // (QTimer::singleShot on this clock).
    virtual void singleShot(int ms, QObject *context, std::function<void()> function) = 0;

protected:
    friend class Timer;
    // A Timer asks its clock to fire it after `ms` (start) or not at all (stop).
    virtual void arm(Timer &timer, int ms) = 0;
    virtual void disarm(Timer &timer) = 0;
};

// A QTimer that runs on a Clock: the system's, or a test's fake one.
class Timer final : public QObject
{
    Q_OBJECT
public:
    explicit Timer(Clock &clock, QObject *parent = nullptr);
    ~Timer() override;

    void setInterval(int ms) { m_intervalMs = ms; }
    [[nodiscard]] int interval() const { return m_intervalMs; }
    void setSingleShot(bool singleShot) { m_singleShot = singleShot; }
    [[nodiscard]] bool isActive() const { return m_active; }
    void start();
    void start(int ms);
    void stop();

    // For Clock implementations: the interval elapsed.
    void fire();

Q_SIGNALS:
    void timeout();

private:
    friend class SystemClock;
    Clock &m_clock;
    QTimer m_systemTimer; // used by SystemClock only
    int m_intervalMs = 0;
    bool m_singleShot = false;
    bool m_active = false;
};

// The real clock: QDateTime, QElapsedTimer and QTimer.
class SystemClock final : public Clock
{
public:
    SystemClock();
    [[nodiscard]] QDateTime nowUtc() const override;
    [[nodiscard]] qint64 monotonicNs() const override;
    void singleShot(int ms, QObject *context, std::function<void()> function) override;

protected:
    void arm(Timer &timer, int ms) override;
    void disarm(Timer &timer) override;

private:
    qint64 m_startNs;
};

} // namespace vsc::services
