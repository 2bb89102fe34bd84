// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fakeclock.h"

#include <QCoreApplication>

#include <algorithm>

namespace vsc::tests {

FakeClock::FakeClock(QDateTime startUtc) : m_startUtc(std::move(startUtc))
{
}

FakeClock::~FakeClock() = default;

void FakeClock::schedule(Entry entry, int ms)
{
    entry.dueNs = m_nowNs + qint64(qMax(0, ms)) * 1000000;
    entry.sequence = ++m_sequence;
    m_entries.append(std::move(entry));
}

void FakeClock::singleShot(int ms, QObject *context, std::function<void()> function)
{
    Entry entry;
    entry.context = context;
    entry.function = std::move(function);
    schedule(std::move(entry), ms);
}

void FakeClock::arm(services::Timer &timer, int ms)
{
    Entry entry;
    entry.timer = &timer;
    schedule(std::move(entry), ms);
}

void FakeClock::disarm(services::Timer &timer)
{
    m_entries.erase(
        std::remove_if(m_entries.begin(), m_entries.end(), [&timer](const Entry &e) { return e.timer == &timer; }),
        m_entries.end());
}

void FakeClock::advance(qint64 ms)
{
    const qint64 targetNs = m_nowNs + ms * 1000000;
    QCoreApplication::processEvents();
    for (;;) {
        const auto next = std::min_element(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
            return a.dueNs != b.dueNs ? a.dueNs < b.dueNs : a.sequence < b.sequence;
        });
        if (next == m_entries.end() || next->dueNs > targetNs) {
            break;
        }
        Entry entry = std::move(*next);
        m_entries.erase(next);
        m_nowNs = qMax(m_nowNs, entry.dueNs);
        if (entry.timer) {
            entry.timer->fire(); // a repeating timer arms itself again
        } else if (entry.context) {
            entry.function();
        }
        QCoreApplication::processEvents();
    }
    m_nowNs = targetNs;
    QCoreApplication::processEvents();
}

bool FakeClock::advanceUntil(const std::function<bool()> &done, qint64 limitMs, qint64 stepMs)
{
    for (qint64 passed = 0; !done(); passed += stepMs) {
        if (passed >= limitMs) {
            return false;
        }
        advance(stepMs);
    }
    return true;
}

void FakeClock::setWallClock(const QDateTime &utc)
{
    m_startUtc = utc.addMSecs(-(m_nowNs / 1000000));
}

} // namespace vsc::tests
