// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/campaign.h"
#include "models/result.h"
#include "models/text.h"
#include "services/dialer/dialpolicy.h"
#include "services/storage/contactqueue.h"
#include "services/storage/database.h"
#include "services/storage/dialhistory.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace vsc::services::dialer {

// How often one number may be called across all campaigns.
struct NumberCap
{
    int calls = 3;
    int days = 30;
};

// A campaign's quota cells ({"region": {"West": 50}}) with how many completed interviews fill each now.
class QuotaCells final
{
public:
    QuotaCells() = default;
    explicit QuotaCells(QVariantMap limits) : m_limits(std::move(limits)) {}

    // Counts the campaign's completed contacts per cell (one query; the cells live in the contacts' custom fields).
    Result<void> refresh(storage::ContactQueue &queue, qint64 campaignId);
    [[nodiscard]] bool isEmpty() const { return m_limits.isEmpty(); }
    // "region = West (50 of 50)" when one of the contact's cells is full, else empty.
    [[nodiscard]] QString fullCellFor(const QVariantMap &customFields) const;

private:
    QVariantMap m_limits;
    QHash<QString, int> m_filled; // "field\x1fvalue" -> completed interviews
};

CallingWindow callingWindowOf(const Campaign &campaign);

// Each rule that can hold a contact back, in the order explain weighs them (most decisive first).
enum class Hold {
    Completed,          // interview completed
    OptedOut,           // opted out during a call
    InvalidNumber,      // the carrier said the number is invalid
    GaveUp,             // status failed: the attempts ran out
    InProgress,         // a call is in flight
    SuppressedAtImport, // the importer found it on the do-not-call list
    Suppressed,         // on the do-not-call list now
    AttemptCap,         // attempts used up
    NumberCap,          // too many calls to the number across campaigns lately
    RetryDelay,         // waiting for the retry delay after its last outcome
    Waiting,            // parked until a set time (the dialer parks contacts until their window opens)
    QuotaFull,          // its quota cell is full
    NoTimeZone,         // no zone known: never called rather than guessed
    OutsideWindow,      // outside the calling window in its local time
    BlockedDay,         // its local date is a blocked weekday or date
    CampaignNotRunning, // the campaign is not running
};

// Why a contact is or is not being dialed at a given moment, by the same rules the dialer applies.
struct ContactExplanation
{
    qint64 contactId = 0;
    qint64 campaignId = 0;
    QString phone;
    bool dialableNow = false; // the dialer would place a call to it now
    QString verdict;          // one line for people
    QStringList reasons;      // every rule that holds it back, most decisive first (English: CLI, logs)
    QList<Text> reasonTexts;  // the same for ui/ to show in the user's language, index for index
    Text verdictText;         // when dialable now, for ui/: where the window is open and the attempt that is next
    QList<Hold> holds;        // the rule behind each reason, index for index
    QString windowZone;       // when the window holds it back: the zone that keeps it closed
    QDateTime windowOpensAt;  // ... and when it opens there (UTC; invalid: not within 8 days)
    QStringList zones;        // the zones whose calling window applies
    QDateTime nextChance;     // UTC; when the window or the retry delay next allows a call (invalid: unknown/never)
};

Result<ContactExplanation> explainContact(storage::Database &database, qint64 contactId, const QDateTime &atUtc,
                                          NumberCap cap = {});

// The calling-window verdicts already worked out for a set of zones at one moment: a campaign's contacts share few
// zone sets, so a pass over many contacts computes each once.
class WindowVerdictCache
{
public:
    struct Entry
    {
        WindowDecision decision;
        QString reason;       // empty when open
        QString note;         // when open: "window 08:00-21:00 open in America/Chicago"
        Text reasonText = {}; // the same for people, in their language (ContactExplanation::reasonTexts)
        Text noteText = {};
        Hold hold = Hold::OutsideWindow;
        QString zone;
    };
    std::optional<CallingWindow> window; // the campaign's, parsed once
    QHash<QString, Entry> entries;
    QHash<QString, QStringList> zonesByZone; // a contact's own (known) zone -> zonesFor()
};

// explainContact's rules over facts already read: the one place they live (explain reads one contact's facts, the
// compliance preview all of a campaign's). `quotas` must be refreshed for the campaign; `cache` may be null.
ContactExplanation explainFacts(const storage::ContactDialFacts &facts, const Campaign &campaign,
                                const QuotaCells &quotas, const QDateTime &atUtc, NumberCap cap,
                                WindowVerdictCache *cache = nullptr);
// The same for an actor: needs contacts.view; without pii.view the number is masked wherever it appears.
Result<ContactExplanation> explainContact(storage::Database &database, const Actor &actor, qint64 contactId,
                                          const QDateTime &atUtc, NumberCap cap = {});

} // namespace vsc::services::dialer
