// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clock.h"

#include <chrono>

namespace vsc::services {

Timer::Timer(Clock &clock, QObject *parent) : QObject(parent), m_clock(clock), m_systemTimer(this)
{
    connect(&m_systemTimer, &QTimer::timeout, this, &Timer::fire);
}

Timer::~Timer()
{
    if (m_active) {
        m_clock.disarm(*this);
    }
}

void Timer::start()
{
    if (m_active) {
        m_clock.disarm(*this);
    }
    m_active = true;
    m_clock.arm(*this, m_intervalMs);
}

void Timer::start(int ms)
{
    m_intervalMs = ms;
    start();
}

void Timer::stop()
{
    if (m_active) {
        m_active = false;
        m_clock.disarm(*this);
    }
}

void Timer::fire()
{
    if (!m_active) {
        return;
    }
    if (m_singleShot) {
        stop();
    }
    if (!m_singleShot && !m_systemTimer.isActive()) {
        m_clock.arm(*this, m_intervalMs); // a fake clock arms each interval anew; a QTimer repeats by itself
    }
    Q_EMIT timeout();
}

SystemClock::SystemClock() : m_startNs(std::chrono::steady_clock::now().time_since_epoch().count())
{
    static_assert(std::is_same_v<std::chrono::steady_clock::period, std::nano>);
}

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicNs() const
{
    return std::chrono::steady_clock::now().time_since_epoch().count() - m_startNs;
}

void SystemClock::singleShot(int ms, QObject *context, std::function<void()> function)
{
    QTimer::singleShot(ms, context, std::move(function));
}

void SystemClock::arm(Timer &timer, int ms)
{
    timer.m_systemTimer.setSingleShot(timer.m_singleShot);
    timer.m_systemTimer.start(ms);
}

void SystemClock::disarm(Timer &timer)
{
    timer.m_systemTimer.stop();
}

} // namespace vsc::services
