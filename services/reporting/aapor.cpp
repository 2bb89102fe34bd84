// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/reporting/aapor.h"

namespace vsc::services::reporting {

QString dispositionCode(Disposition disposition)
{
    switch (disposition) {
    case Disposition::Complete:
        return QStringLiteral("1.1");
    case Disposition::Partial:
        return QStringLiteral("1.2");
    case Disposition::Refusal:
        return QStringLiteral("2.10");
    case Disposition::NonContact:
        return QStringLiteral("2.20");
    case Disposition::Other:
        return QStringLiteral("2.30");
    case Disposition::UnknownHousehold:
        return QStringLiteral("3.10");
    case Disposition::UnknownOther:
        return QStringLiteral("3.90");
    case Disposition::NotEligible:
        return QStringLiteral("4.0");
    }
    return {};
}

QString dispositionSymbol(Disposition disposition)
{
    static const std::array<const char *, kDispositionCount> symbols{"I", "P", "R", "NC", "O", "UH", "UO", "NE"};
    return QString::fromLatin1(symbols.at(std::size_t(disposition)));
}

QString dispositionLabel(Disposition disposition)
{
    static const std::array<const char *, kDispositionCount> labels{
        "Complete interview",
        "Partial interview",
        "Refusal and break-off",
        "Non-contact",
        "Other",
        "Unknown if household/occupied",
        "Unknown eligibility, other",
        "Not eligible",
    };
    return QString::fromLatin1(labels.at(std::size_t(disposition)));
}

const QList<Disposition> &allDispositions()
{
    static const QList<Disposition> all{
        Disposition::Complete, Disposition::Partial,          Disposition::Refusal,      Disposition::NonContact,
        Disposition::Other,    Disposition::UnknownHousehold, Disposition::UnknownOther, Disposition::NotEligible};
    return all;
}

Disposition dispositionFor(const CaseFacts &facts)
{
    const CaseFacts &f = facts;
    if (f.completed) {
        return Disposition::Complete;
    }
    if (f.answers > 0) {
        return Disposition::Partial; // started, not finished (also when they opted out part-way)
    }
    if (f.optedOut || f.humanAnswered) {
        return Disposition::Refusal; // picked up, then declined or hung up before the first answer
    }
    if (f.invalidNumber || f.fax) {
        return Disposition::NotEligible;
    }
    if (f.machineAnswered) {
        return Disposition::NonContact; // 2.22: only an answering machine
    }
    if (f.technicalFailure) {
        return Disposition::UnknownOther;
    }
    return Disposition::UnknownHousehold; // no answer, busy, or not dialed yet
}

qint64 DispositionCounts::total() const
{
    qint64 sum = 0;
    for (qint64 c : counts) {
        sum += c;
    }
    return sum;
}

const QList<Rate> &allRates()
{
    static const QList<Rate> all{Rate::RR1,   Rate::RR2,   Rate::RR3,   Rate::RR4,   Rate::RR5,  Rate::RR6,
                                 Rate::COOP1, Rate::COOP2, Rate::COOP3, Rate::COOP4, Rate::REF1, Rate::REF2,
                                 Rate::REF3,  Rate::CON1,  Rate::CON2,  Rate::CON3};
    return all;
}

QString rateName(Rate rate)
{
    static const std::array<const char *, kRateCount> names{"RR1",   "RR2",   "RR3",   "RR4",   "RR5",  "RR6",
                                                            "COOP1", "COOP2", "COOP3", "COOP4", "REF1", "REF2",
                                                            "REF3",  "CON1",  "CON2",  "CON3"};
    return QString::fromLatin1(names.at(std::size_t(rate)));
}

QString rateFormula(Rate rate)
{
    // AAPOR Standard Definitions (9th ed., 2016), "Calculating rates from response distributions".
    static const std::array<const char *, kRateCount> formulas{
        "I / ((I+P) + (R+NC+O) + (UH+UO))",
        "(I+P) / ((I+P) + (R+NC+O) + (UH+UO))",
        "I / ((I+P) + (R+NC+O) + e(UH+UO))",
        "(I+P) / ((I+P) + (R+NC+O) + e(UH+UO))",
        "I / ((I+P) + (R+NC+O))",
        "(I+P) / ((I+P) + (R+NC+O))",
        "I / ((I+P) + R + O)",
        "(I+P) / ((I+P) + R + O)",
        "I / ((I+P) + R)",
        "(I+P) / ((I+P) + R)",
        "R / ((I+P) + (R+NC+O) + (UH+UO))",
        "R / ((I+P) + (R+NC+O) + e(UH+UO))",
        "R / ((I+P) + (R+NC+O))",
        "((I+P) + R + O) / ((I+P) + R + O + NC + (UH+UO))",
        "((I+P) + R + O) / ((I+P) + R + O + NC + e(UH+UO))",
        "((I+P) + R + O) / ((I+P) + R + O + NC)",
    };
    return QString::fromLatin1(formulas.at(std::size_t(rate)));
}

std::optional<double> estimatedEligibility(const DispositionCounts &counts)
{
    const DispositionCounts &c = counts;
    const double eligible = double(c[Disposition::Complete] + c[Disposition::Partial] + c[Disposition::Refusal] +
                                   c[Disposition::NonContact] + c[Disposition::Other]);
    const double resolved = eligible + double(c[Disposition::NotEligible]);
    if (resolved <= 0) {
        return std::nullopt;
    }
    return eligible / resolved;
}

std::optional<double> rate(Rate which, const DispositionCounts &counts, std::optional<double> eligibility)
{
    const DispositionCounts &c = counts;
    const double i = double(c[Disposition::Complete]);
    const double p = double(c[Disposition::Partial]);
    const double r = double(c[Disposition::Refusal]);
    const double nc = double(c[Disposition::NonContact]);
    const double o = double(c[Disposition::Other]);
    const double unknown = double(c[Disposition::UnknownHousehold] + c[Disposition::UnknownOther]);
    const double e = eligibility.value_or(estimatedEligibility(c).value_or(0.0));
    const double interviews = i + p;
    const double contacted = interviews + r + o;
    double numerator = 0;
    double denominator = 0;
    switch (which) {
    case Rate::RR1:
    case Rate::RR2:
        numerator = which == Rate::RR1 ? i : interviews;
        denominator = interviews + (r + nc + o) + unknown;
        break;
    case Rate::RR3:
    case Rate::RR4:
        numerator = which == Rate::RR3 ? i : interviews;
        denominator = interviews + (r + nc + o) + e * unknown;
        break;
    case Rate::RR5:
    case Rate::RR6:
        numerator = which == Rate::RR5 ? i : interviews;
        denominator = interviews + (r + nc + o);
        break;
    case Rate::COOP1:
    case Rate::COOP2:
        numerator = which == Rate::COOP1 ? i : interviews;
        denominator = interviews + r + o;
        break;
    case Rate::COOP3:
    case Rate::COOP4:
        numerator = which == Rate::COOP3 ? i : interviews;
        denominator = interviews + r;
        break;
    case Rate::REF1:
        numerator = r;
        denominator = interviews + (r + nc + o) + unknown;
        break;
    case Rate::REF2:
        numerator = r;
        denominator = interviews + (r + nc + o) + e * unknown;
        break;
    case Rate::REF3:
        numerator = r;
        denominator = interviews + (r + nc + o);
        break;
    case Rate::CON1:
        numerator = contacted;
        denominator = contacted + nc + unknown;
        break;
    case Rate::CON2:
        numerator = contacted;
        denominator = contacted + nc + e * unknown;
        break;
    case Rate::CON3:
        numerator = contacted;
        denominator = contacted + nc;
        break;
    }
    if (denominator <= 0) {
        return std::nullopt;
    }
    return numerator / denominator;
}

} // namespace vsc::services::reporting
