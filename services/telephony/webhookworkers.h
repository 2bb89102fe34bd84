// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/storage/database.h"
#include "services/telephony/callflow.h"
#include "services/telephony/webhookjournal.h"

#include <QList>
#include <QStringList>
#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

namespace vsc::services::telephony {

// Call flows on threads of their own ("webhook-N"), each with its own database connection (Database keeps one per
// thread) and its own journal. The webhook server hands each call to one of them (flowServing()), so one call's
// turns stay in order while different calls are stored in parallel: `serve --workers`, and the console through
// Twilio, where the dialing thread would otherwise store every turn of every call one after the other.
class WebhookWorkers final
{
public:
    // Worker `index`'s journal (may return null: no journal).
    using JournalFactory = std::function<std::unique_ptr<WebhookJournal>(int index)>;
    // Connects a worker's signals before it moves to its thread; a DirectConnection then runs on that thread.
    using Wiring = std::function<void(CallFlow &flow)>;

    WebhookWorkers(storage::Database &database, const QUrl &publicBaseUrl, int count, const JournalFactory &journalFor,
                   const Wiring &wire);
    // Each flow is deleted on its own thread (its timers may only be stopped there), then the thread ends and
    // closes its connection, then the journal is closed. Whatever hands requests to the flows must be gone first.
    ~WebhookWorkers();
    WebhookWorkers(const WebhookWorkers &) = delete;
    WebhookWorkers &operator=(const WebhookWorkers &) = delete;
    WebhookWorkers(WebhookWorkers &&) = delete;
    WebhookWorkers &operator=(WebhookWorkers &&) = delete;

    [[nodiscard]] QList<CallFlow *> flows() const;
    [[nodiscard]] QStringList journalPaths() const;

private:
    struct Worker
    {
        std::unique_ptr<QThread> thread;
        std::unique_ptr<WebhookJournal> journal;
        std::unique_ptr<CallFlow> flow;
    };
    std::vector<Worker> m_workers;
};

} // namespace vsc::services::telephony
