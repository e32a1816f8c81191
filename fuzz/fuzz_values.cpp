// libFuzzer target for the import's value parsers (core/values).
//
// The input is cut into values at '\n' (a column, one value per line). Every detector observes
// every value, decides with and without the caller's choices, and every parser reads every value
// under each decided format. Beyond "no crash, no UB" (run it with ASan and UBSan), it checks
// what the API promises, and traps when a promise breaks:
// - a format's `rejected` count is exactly what its parser rejects;
// - merging two detectors decides as one detector that saw both halves;
// - amounts stay within ±kMaxAmount, probabilities within 0..10000, dates are valid;
// - a Salesforce id's 18-character form is its own 18-character form and has its key;
// - a score is 0..5 and reads back as itself.

#include "values/amounts.h"
#include "values/booleans.h"
#include "values/dates.h"
#include "values/identifiers.h"
#include "values/probabilities.h"
#include "values/scores.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

using namespace tp::values;

namespace {

void check(bool promise)
{
    if (!promise)
        __builtin_trap();
}

template<typename Detector>
Detector observeAll(const std::vector<std::string_view> &values, std::size_t from, std::size_t to)
{
    Detector detector;
    for (std::size_t i = from; i < to; ++i)
        detector.observe(values[i]);
    return detector;
}

template<typename Detector>
Detector observeInHalves(const std::vector<std::string_view> &values)
{
    const std::size_t half = values.size() / 2;
    Detector first = observeAll<Detector>(values, 0, half);
    first.merge(observeAll<Detector>(values, half, values.size()));
    return first;
}

void amounts(const std::vector<std::string_view> &values)
{
    const AmountColumn column = observeAll<AmountColumn>(values, 0, values.size());
    const AmountColumn halves = observeInHalves<AmountColumn>(values);
    for (const std::optional<DecimalSeparator> choice :
         { std::optional<DecimalSeparator>(), std::optional(DecimalSeparator::Dot),
           std::optional(DecimalSeparator::Comma) }) {
        const AmountFormat f = column.decide(choice);
        const AmountFormat g = halves.decide(choice);
        check(f.decimal == g.decimal && f.values == g.values && f.rejected == g.rejected
              && f.ambiguous == g.ambiguous && f.mixed == g.mixed);
        qint64 rejected = 0;
        for (const std::string_view v : values) {
            const Result<Amount> r = parseAmount(v, f);
            rejected += r.isInvalid() ? 1 : 0;
            check(r.isInvalid() == !r.error.isEmpty());
            if (r.hasValue())
                check(r.value.minor <= tp::values::kMaxAmount && r.value.minor >= -kMaxAmount);
        }
        check(rejected == f.rejected);
        (void)f.problem();
    }
}

void probabilities(const std::vector<std::string_view> &values)
{
    const ProbabilityColumn column = observeAll<ProbabilityColumn>(values, 0, values.size());
    const ProbabilityColumn halves = observeInHalves<ProbabilityColumn>(values);
    for (const std::optional<ProbabilityScale> choice :
         { std::optional<ProbabilityScale>(), std::optional(ProbabilityScale::Percent),
           std::optional(ProbabilityScale::Fraction) }) {
        const ProbabilityFormat f = column.decide(choice);
        const ProbabilityFormat g = halves.decide(choice);
        check(f.scale == g.scale && f.values == g.values && f.rejected == g.rejected);
        qint64 rejected = 0;
        for (const std::string_view v : values) {
            const Result<tp::BasisPoints> r = parseProbability(v, f);
            rejected += r.isInvalid() ? 1 : 0;
            if (r.hasValue())
                check(r.value >= 0 && r.value <= 10000);
        }
        check(rejected == f.rejected);
        (void)f.problem();
    }
}

void dates(const std::vector<std::string_view> &values)
{
    const DateColumn column = observeAll<DateColumn>(values, 0, values.size());
    const DateColumn halves = observeInHalves<DateColumn>(values);
    for (const std::optional<DateOrder> choice :
         { std::optional<DateOrder>(), std::optional(DateOrder::DayMonthYear),
           std::optional(DateOrder::MonthDayYear), std::optional(DateOrder::YearMonthDay) }) {
        const DateFormat f = column.decide(choice);
        const DateFormat g = halves.decide(choice);
        check(f.order == g.order && f.excelSerials == g.excelSerials && f.values == g.values
              && f.rejected == g.rejected && f.ambiguous == g.ambiguous
              && f.contradictory == g.contradictory);
        qint64 rejected = 0;
        for (const std::string_view v : values) {
            const Result<QDate> r = parseDate(v, f);
            rejected += r.isInvalid() ? 1 : 0;
            if (r.hasValue())
                check(r.value.isValid());
        }
        check(rejected == f.rejected);
        (void)f.problem();
    }
}

void booleans(const std::vector<std::string_view> &values)
{
    const BooleanFormat f = observeAll<BooleanColumn>(values, 0, values.size()).decide();
    qint64 rejected = 0;
    for (const std::string_view v : values)
        rejected += parseBoolean(v, f).isInvalid() ? 1 : 0;
    check(rejected == f.rejected);
}

void identifiers(const std::vector<std::string_view> &values)
{
    const IdentifierReport report = observeAll<IdentifierColumn>(values, 0, values.size()).decide();
    check(report.mangled + report.salesforce15 + report.salesforce18 <= report.values);
    for (const std::string_view v : values) {
        if (looksExcelMangled(v))
            (void)excelMangledReason(v);
        const std::string key = idLookupKey(v);
        if (const std::optional<std::string> id18 = salesforceId18(v)) {
            check(id18->size() == 18 && isSalesforceId(v));
            check(salesforceId18(*id18) == id18);
            check(idLookupKey(*id18) == key && key == *id18);
        }
    }
}

// A score is 0..5 and reads back as itself; only a rejection has a reason.
void scores(const std::vector<std::string_view> &values)
{
    for (const std::string_view v : values) {
        const Result<int> r = parseScore(v);
        check(r.isInvalid() == !r.error.isEmpty());
        if (r.hasValue()) {
            check(r.value >= 0 && r.value <= 5);
            const char digit = char('0' + r.value);
            check(parseScore(std::string_view(&digit, 1)).value == r.value);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    std::vector<std::string_view> values;
    std::size_t start = 0;
    while (start <= input.size()) {
        std::size_t end = input.find('\n', start);
        if (end == std::string_view::npos)
            end = input.size();
        values.push_back(input.substr(start, end - start));
        start = end + 1;
    }
    amounts(values);
    probabilities(values);
    dates(values);
    booleans(values);
    identifiers(values);
    scores(values);
    return 0;
}
