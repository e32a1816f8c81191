#include "changessection.h"

#include "analytics/pipelinehealth.h"
#include "domain/errors.h"
#include "storage/snapshotreader.h"

#include <QLocale>

#include <array>

namespace tp {

namespace {

using changes::Bucket;
using changes::Change;

// The `counts` keys of CLI.md, in its order.
struct ChangeKey
{
    const char *key;
    Change change;
};
constexpr std::array<ChangeKey, changes::changeCount> changeKeys{ {
        { "new", Change::New },
        { "removed", Change::Removed },
        { "won", Change::Won },
        { "lost", Change::Lost },
        { "advanced", Change::Advanced },
        { "regressed", Change::Regressed },
        { "pushed", Change::Pushed },
        { "pulled_in", Change::PulledIn },
        { "amount_up", Change::AmountUp },
        { "amount_down", Change::AmountDown },
        { "owner_changed", Change::OwnerChanged },
        { "newly_stalled", Change::NewlyStalled },
} };

// The `flow` keys between start and end, in CLI.md's order.
struct BucketKey
{
    const char *key;
    Bucket bucket;
};
constexpr std::array<BucketKey, 8> bucketKeys{ {
        { "new", Bucket::New },
        { "moved_in", Bucket::MovedIn },
        { "amount_up", Bucket::AmountUp },
        { "amount_down", Bucket::AmountDown },
        { "won", Bucket::Won },
        { "lost", Bucket::Lost },
        { "removed", Bucket::Removed },
        { "moved_out", Bucket::MovedOut },
} };

} // namespace

ChangesSection ChangesSectionBuilder::build(Book &book, const BookView &view, const QDate &since,
                                            const QDate &asOf, const changes::Scope &scope,
                                            const Period &period)
{
    if (since > asOf)
        throw InputError(tr("--since %1 is later than the as-of date %2.")
                                 .arg(since.toString(Qt::ISODate), asOf.toString(Qt::ISODate)));
    snapshots::SnapshotReader reader(book.db());
    const auto to = reader.latestAtOrBefore(asOf);
    if (!to)
        throw InputError(tr("--since: the book has no snapshot at or before %1 to compare with; "
                            "import a file dated then (import --as-of) first.")
                                 .arg(asOf.toString(Qt::ISODate)));
    const auto from = reader.latestAtOrBefore(since);
    const snapshots::RuleContextAt rules = [&view](const QDate &day) {
        return health::ruleContext(view, day);
    };
    ChangesSection section;
    section.to = to->date;
    changes::State a, b;
    if (from) {
        section.from = from->date;
        auto states = reader.states({ from->id, to->id }, rules);
        a = std::move(states[0]);
        b = std::move(states[1]);
    } else {
        b = reader.state(to->id, rules); // compared with the empty book: everything is new
    }
    section.comparison = changes::compare(a, b, scope, period);
    return section;
}

void ChangesSectionBuilder::writeJson(JsonWriter &json, const ChangesSection &s)
{
    const changes::Comparison &c = s.comparison;
    json.beginObject(QStringLiteral("changes"));
    if (s.from)
        json.value(QStringLiteral("from"), s.from->toString(Qt::ISODate));
    else
        json.null(QStringLiteral("from"));
    json.value(QStringLiteral("to"), s.to.toString(Qt::ISODate));
    json.beginObject(QStringLiteral("counts"));
    for (const ChangeKey &k : changeKeys)
        json.value(QString::fromLatin1(k.key), c.count(k.change));
    json.endObject();
    json.beginObject(QStringLiteral("flow")).money(QStringLiteral("start"), c.start);
    for (const BucketKey &k : bucketKeys)
        json.money(QString::fromLatin1(k.key), c.amount(k.bucket));
    json.money(QStringLiteral("end"), c.end).endObject();
    json.endObject();
}

QString ChangesSectionBuilder::toText(const ChangesSection &s,
                                      const std::function<QString(Minor)> &money)
{
    const QLocale locale;
    const changes::Comparison &c = s.comparison;
    const auto n = [&](Change change) { return locale.toString(c.count(change)); };
    QString out;
    if (s.from)
        out += tr("Changes since %1 (snapshots of %1 and %2):\n")
                       .arg(locale.toString(*s.from, QLocale::ShortFormat),
                            locale.toString(s.to, QLocale::ShortFormat));
    else
        out += tr("Changes up to the snapshot of %1 (no earlier snapshot: everything is new):\n")
                       .arg(locale.toString(s.to, QLocale::ShortFormat));
    out += tr("  new %1, removed %2, won %3, lost %4, advanced %5, regressed %6, pushed %7, "
              "pulled in %8\n")
                   .arg(n(Change::New), n(Change::Removed), n(Change::Won), n(Change::Lost),
                        n(Change::Advanced), n(Change::Regressed), n(Change::Pushed),
                        n(Change::PulledIn));
    out += tr("  amount up %1, amount down %2, owner changed %3, newly stalled %4\n")
                   .arg(n(Change::AmountUp), n(Change::AmountDown), n(Change::OwnerChanged),
                        n(Change::NewlyStalled));
    out += tr("  Pipeline %1 → %2: new +%3, moved in +%4, amount up +%5, amount down −%6, "
              "won −%7, lost −%8, removed −%9, moved out −%10\n")
                   .arg(money(c.start), money(c.end), money(c.amount(Bucket::New)),
                        money(c.amount(Bucket::MovedIn)), money(c.amount(Bucket::AmountUp)),
                        money(c.amount(Bucket::AmountDown)), money(c.amount(Bucket::Won)),
                        money(c.amount(Bucket::Lost)), money(c.amount(Bucket::Removed)),
                        money(c.amount(Bucket::MovedOut)));
    return out;
}

} // namespace tp
