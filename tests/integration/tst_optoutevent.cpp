// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontext.h"
#include "services/auth/secretstore.h"
#include "services/events/eventbus.h"
#include "services/telephony/callflow.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vsc;

// The composition root wires a caller's opt-out (CallFlow::optedOut) to the event bus, so every do-not-call view
// hears of it at once.
class TestOptOutEvent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void optOutReachesTheEventBus();
};

void TestOptOutEvent::optOutReachesTheEventBus()
{
    QTemporaryDir dir;
    app::AppContext context(std::make_unique<services::auth::MemorySecretStore>());
    QVERIFY(context.openDatabase(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("events.sqlite"))).ok());
    context.configureTelephony({});
    QSignalSpy changed(&context.events(), &services::events::EventBus::suppressionsChanged);
    Q_EMIT context.callFlow().optedOut(42);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().at(0).toBool(), false);
}

QTEST_GUILESS_MAIN(TestOptOutEvent)
#include "tst_optoutevent.moc"
