// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/dialer/campaigncontrol.h"

#include "services/auth/authorizer.h"

#include <QThread>

namespace vsc::services::dialer {

CampaignControl::CampaignControl(storage::Database &database, Clock &clock, telephony::TelephonyProvider &provider,
                                 telephony::CallFlow &flow, DialerOptions options, QObject *parent)
    : QObject(parent), m_database(database), m_queue(database), m_clock(clock), m_provider(provider), m_flow(flow),
      m_options(std::move(options))
{
    qRegisterMetaType<vsc::services::dialer::DialerProgress>();
}

CampaignControl::~CampaignControl() = default;

Result<void> CampaignControl::start(const Actor &actor, qint64 campaignId)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::CampaignRun, QStringLiteral("start dialing"),
                                    QStringLiteral("campaign"), campaignId);
        !allowed) {
        return allowed;
    }
    if (QThread::currentThread() == thread()) {
        return startHere(actor, campaignId);
    }
    Result<void> result;
    QMetaObject::invokeMethod(
        this, [&] { result = startHere(actor, campaignId); }, Qt::BlockingQueuedConnection);
    return result;
}

Result<void> CampaignControl::pause(const Actor &actor, qint64 campaignId)
{
    if (auto allowed = auth::Authorizer(m_database)
                           .require(actor, Permission::CampaignRun, QStringLiteral("pause dialing"),
                                    QStringLiteral("campaign"), campaignId);
        !allowed) {
        return allowed;
    }
    if (QThread::currentThread() == thread()) {
        pauseHere(actor, campaignId);
        return {};
    }
    QMetaObject::invokeMethod(
        this, [&] { pauseHere(actor, campaignId); }, Qt::BlockingQueuedConnection);
    return {};
}

void CampaignControl::setRunning(qint64 campaignId, bool running)
{
    {
        QMutexLocker lock(&m_runningMutex);
        if (running) {
            m_running.insert(campaignId);
        } else {
            m_running.remove(campaignId);
        }
    }
    Q_EMIT runningChanged(campaignId, running);
}

Result<void> CampaignControl::startHere(const Actor &actor, qint64 campaignId)
{
    auto &dialer = m_dialers[campaignId];
    if (!dialer) {
        dialer =
            std::make_shared<CampaignDialer>(m_database, m_queue, m_clock, m_provider, m_flow, campaignId, m_options);
        connect(dialer.get(), &CampaignDialer::progressChanged, this,
                [this, campaignId](const DialerProgress &p) { Q_EMIT progressChanged(campaignId, p); });
        connect(dialer.get(), &CampaignDialer::runFinished, this, [this, campaignId](const DialerProgress &p) {
            setRunning(campaignId, false);
            Q_EMIT runFinished(campaignId, p);
        });
        connect(dialer.get(), &CampaignDialer::failed, this,
                [this, campaignId](const Error &) { setRunning(campaignId, false); });
        connect(dialer.get(), &CampaignDialer::databaseLost, this, [this, campaignId](const QString &detail) {
            Q_EMIT databaseAvailabilityChanged(campaignId, false, detail);
        });
        connect(dialer.get(), &CampaignDialer::databaseRestored, this,
                [this, campaignId] { Q_EMIT databaseAvailabilityChanged(campaignId, true, {}); });
    }
    if (dialer->isRunning()) {
        return {};
    }
    dialer->setActor(actor);
    auto started = dialer->start();
    if (!started) {
        m_dialers.remove(campaignId);
        return started;
    }
    setRunning(campaignId, true);
    return {};
}

void CampaignControl::pauseHere(const Actor &actor, qint64 campaignId)
{
    const auto dialer = m_dialers.value(campaignId);
    if (dialer && dialer->isRunning()) {
        dialer->setActor(actor);
        dialer->pause();
        setRunning(campaignId, false);
    }
}

QString CampaignControl::providerDescription() const
{
    return providerText().toString();
}

Text CampaignControl::providerText() const
{
    if (m_provider.kind() == CallProvider::Twilio) {
        return Text{"Twilio", {}};
    }
    return m_options.timeScale == 1.0
               ? Text{QT_TRANSLATE_NOOP("vsc", "simulated carrier"), {}}
               : Text{QT_TRANSLATE_NOOP("vsc", "simulated carrier (time x%1)"), {QString::number(m_options.timeScale)}};
}

bool CampaignControl::isRunning(qint64 campaignId) const
{
    QMutexLocker lock(&m_runningMutex);
    return m_running.contains(campaignId);
}

} // namespace vsc::services::dialer
