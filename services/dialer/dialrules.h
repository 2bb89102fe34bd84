// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/actor.h"
#include "models/campaign.h"
#include "models/result.h"
#include "services/dialer/dialpolicy.h"
#include "services/storage/contactqueue.h"
#include "services/storage/database.h"

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

// Why a contact is or is not being dialed at a given moment, by the same rules the dialer applies.
struct ContactExplanation
{
    qint64 contactId = 0;
    qint64 campaignId = 0;
    QString phone;
    bool dialableNow = false; // the dialer would place a call to it now
    QString verdict;          // one line for people
    QStringList reasons;      // every rule that holds it back, most decisive first
    QStringList zones;        // the zones whose calling window applies
    QDateTime nextChance;     // UTC; when the window or the retry delay next allows a call (invalid: unknown/never)
};

Result<ContactExplanation> explainContact(storage::Database &database, qint64 contactId, const QDateTime &atUtc,
                                          NumberCap cap = {});
// The same for an actor: needs contacts.view; without pii.view the number is masked wherever it appears.
Result<ContactExplanation> explainContact(storage::Database &database, const Actor &actor, qint64 contactId,
                                          const QDateTime &atUtc, NumberCap cap = {});

} // namespace vsc::services::dialer
