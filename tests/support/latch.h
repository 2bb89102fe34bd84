// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <utility>

namespace vsc::tests {

// A condition for QTRY_* over a snapshot that can drop again (calls in progress): true from the first time it holds.
// QTRY evaluates its expression up to three times in a row (the loop, the timeout report, the final QVERIFY), so a
// snapshot that held once and then dropped failed tests that had seen it hold ("... would have been sufficient").
class Latch
{
public:
    explicit Latch(std::function<bool()> condition) : m_condition(std::move(condition)) {}
    bool operator()()
    {
        m_held = m_held || m_condition();
        return m_held;
    }

private:
    std::function<bool()> m_condition;
    bool m_held = false;
};

} // namespace vsc::tests
