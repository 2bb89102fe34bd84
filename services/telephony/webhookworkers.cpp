// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/telephony/webhookworkers.h"

namespace vsc::services::telephony {

WebhookWorkers::WebhookWorkers(storage::Database &database, const QUrl &publicBaseUrl, int count,
                               const JournalFactory &journalFor, const Wiring &wire)
{
    for (int i = 0; i < count; ++i) {
        Worker worker;
        worker.journal = journalFor ? journalFor(i) : nullptr;
        worker.flow = std::make_unique<CallFlow>(database, publicBaseUrl);
        worker.flow->setJournal(worker.journal.get());
        if (wire) {
            wire(*worker.flow);
        }
        worker.thread = std::make_unique<QThread>();
        worker.thread->setObjectName(QStringLiteral("webhook-%1").arg(i));
        QObject::connect(
            worker.thread.get(), &QThread::finished, worker.thread.get(),
            [&database] { database.closeThreadConnection(); }, Qt::DirectConnection);
        worker.flow->moveToThread(worker.thread.get());
        worker.thread->start();
        m_workers.push_back(std::move(worker));
    }
}

WebhookWorkers::~WebhookWorkers()
{
    for (Worker &worker : m_workers) {
        QObject reaper;
        reaper.moveToThread(worker.thread.get());
        QMetaObject::invokeMethod(
            &reaper, [&worker] { worker.flow.reset(); }, Qt::BlockingQueuedConnection);
        worker.thread->quit();
        worker.thread->wait();
        worker.journal.reset();
    }
}

QList<CallFlow *> WebhookWorkers::flows() const
{
    QList<CallFlow *> flows;
    for (const Worker &worker : m_workers) {
        flows.append(worker.flow.get());
    }
    return flows;
}

QStringList WebhookWorkers::journalPaths() const
{
    QStringList paths;
    for (const Worker &worker : m_workers) {
        if (worker.journal) {
            paths.append(worker.journal->path());
        }
    }
    return paths;
}

} // namespace vsc::services::telephony
