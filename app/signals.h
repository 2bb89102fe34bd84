// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

namespace vsc::app {

// Runs `handler` on the event loop when SIGINT or SIGTERM arrives (the self-pipe pattern: Qt is not
// async-signal-safe). Call once per process, after the QCoreApplication exists.
void onTerminationSignal(std::function<void()> handler);

} // namespace vsc::app
