// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace vsc::services::reporting {

// A contact's final disposition in AAPOR's Standard Definitions (telephone surveys; codes of Table 1, 9th ed.).
// How call outcomes map onto them: docs/DISPOSITIONS.md and dispositionFor().
enum class Disposition {
    Complete,         // I, 1.1
    Partial,          // P, 1.2
    Refusal,          // R, 2.10 (refusal and break-off)
    NonContact,       // NC, 2.20
    Other,            // O, 2.30
    UnknownHousehold, // UH, 3.10
    UnknownOther,     // UO, 3.90
    NotEligible,      // 4.0
};
inline constexpr int kDispositionCount = 8;

[[nodiscard]] QString dispositionCode(Disposition disposition);   // "1.1", "2.10", ...
[[nodiscard]] QString dispositionSymbol(Disposition disposition); // "I", "P", "R", "NC", "O", "UH", "UO", "NE"
[[nodiscard]] QString dispositionLabel(Disposition disposition);  // AAPOR's English name
[[nodiscard]] const QList<Disposition> &allDispositions();

// What the console knows about one contact's attempts, the facts the disposition is derived from.
struct CaseFacts
{
    bool completed = false;     // the survey was finished (contacts.status = 'completed')
    int answers = 0;            // questions answered
    bool optedOut = false;      // asked not to be called again
    bool humanAnswered = false; // a person (or an undetermined party) picked up
    bool machineAnswered = false;
    bool fax = false;
    bool invalidNumber = false;    // the carrier said the number does not exist
    bool technicalFailure = false; // failed or canceled attempts (carrier or console errors)
    int attempts = 0;
};

// The final disposition by precedence: I, P, R, NE, NC, UO, UH (the most informative outcome wins).
[[nodiscard]] Disposition dispositionFor(const CaseFacts &facts);

struct DispositionCounts
{
    std::array<qint64, kDispositionCount> counts{};

    [[nodiscard]] qint64 operator[](Disposition d) const { return counts.at(std::size_t(d)); }
    qint64 &operator[](Disposition d) { return counts.at(std::size_t(d)); }
    [[nodiscard]] qint64 total() const;
};

enum class Rate { RR1, RR2, RR3, RR4, RR5, RR6, COOP1, COOP2, COOP3, COOP4, REF1, REF2, REF3, CON1, CON2, CON3 };
inline constexpr int kRateCount = 16;

[[nodiscard]] const QList<Rate> &allRates();
[[nodiscard]] QString rateName(Rate rate);    // "RR1"
[[nodiscard]] QString rateFormula(Rate rate); // "I / ((I+P) + (R+NC+O) + (UH+UO))"

// e, the estimated share of eligible cases among those of unknown eligibility, computed the standard way: the share
// eligible among the cases whose eligibility was resolved, (I+P+R+NC+O) / (I+P+R+NC+O + NE). nullopt without any
// resolved case.
[[nodiscard]] std::optional<double> estimatedEligibility(const DispositionCounts &counts);

// The rate as a fraction 0..1; nullopt when its denominator is 0. `eligibility` (e) defaults to
// estimatedEligibility(counts)
// (then 0 when nothing is resolved).
[[nodiscard]] std::optional<double> rate(Rate which, const DispositionCounts &counts,
                                         std::optional<double> eligibility = std::nullopt);

} // namespace vsc::services::reporting
