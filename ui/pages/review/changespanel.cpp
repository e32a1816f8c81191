#include "changespanel.h"

#include "analytics/pipelinehealth.h"
#include "flowwaterfall.h"
#include "jobs/backgroundjob.h"
#include "models/formatter.h"
#include "session/booksession.h"
#include "views/bookview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdlib>
#include <ranges>
#include <tuple>

namespace tp::ui {

namespace {

using changes::Bucket;
using changes::Change;

constexpr int idRole = Qt::UserRole + 1;
// The deal list shows at most this many (the largest moves first); the counts count them all.
constexpr std::size_t mostDeals = 2000;

QString bucketName(Bucket b)
{
    switch (b) {
    case Bucket::New:
        return ChangesPanel::tr("New");
    case Bucket::Removed:
        return ChangesPanel::tr("Removed");
    case Bucket::Won:
        return ChangesPanel::tr("Won");
    case Bucket::Lost:
        return ChangesPanel::tr("Lost");
    case Bucket::MovedOut:
        return ChangesPanel::tr("Moved out");
    case Bucket::MovedIn:
        return ChangesPanel::tr("Moved in");
    case Bucket::AmountUp:
        return ChangesPanel::tr("Amount up");
    case Bucket::AmountDown:
        return ChangesPanel::tr("Amount down");
    case Bucket::Unchanged:
        break;
    }
    return ChangesPanel::tr("Unchanged");
}

bool subtracts(Bucket b)
{
    return b == Bucket::Removed || b == Bucket::Won || b == Bucket::Lost || b == Bucket::MovedOut
            || b == Bucket::AmountDown;
}

} // namespace

// What the read hands back: the two states for `key`, or why they could not be read.
struct ChangesPanel::StatesRead
{
    StatesKey key;
    changes::State a, b;
    QString error;
};

bool ChangesPanel::StatesKey::operator==(const StatesKey &o) const
{
    const auto same = [](const health::RuleContext &x, const health::RuleContext &y) {
        return x.rules == y.rules && x.stageLimitDays == y.stageLimitDays
                && x.averageCycleDays == y.averageCycleDays;
    };
    return path == o.path && generation == o.generation && from == o.from && to == o.to
            && fromDate == o.fromDate && toDate == o.toDate && same(fromRules, o.fromRules)
            && same(toRules, o.toRules);
}

ChangesPanel::ChangesPanel(BookSession *session, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_read(new BackgroundJob<StatesRead>(this)),
      m_from(new QComboBox(this)),
      m_to(new QComboBox(this)),
      m_snapshotsButton(new QPushButton(tr("S&napshots…"), this)),
      m_changedOnly(new QCheckBox(tr("C&hanged deals only"), this)),
      m_comparing(new QLabel(tr("Comparing the snapshots…"), this)),
      m_counts(new QLabel(this)),
      m_waterfall(new FlowWaterfall(this)),
      m_dealsTitle(new QLabel(this)),
      m_deals(new QTreeWidget(this)),
      m_path(new QLabel(this)),
      m_empty(new QLabel(this))
{
    auto *fromLabel = new QLabel(tr("Co&mpare:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&with:"), this);
    toLabel->setBuddy(m_to);
    m_from->setAccessibleName(tr("Earlier snapshot"));
    m_to->setAccessibleName(tr("Later snapshot"));
    m_from->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_to->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_snapshotsButton->setToolTip(tr("The book's snapshots: their dates, files and rows; label "
                                     "or delete them"));
    m_comparing->setForegroundRole(QPalette::PlaceholderText);
    m_comparing->hide();
    m_changedOnly->setChecked(true);
    m_changedOnly->setToolTip(tr("Hide the deals in the pipeline that did not change"));
    m_counts->setWordWrap(true);
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setWordWrap(true);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_deals->setHeaderLabels(
            { tr("Deal"), tr("Changes"), tr("Flow"), tr("Moved"), tr("Before → after") });
    m_deals->setRootIsDecorated(false);
    m_deals->setAlternatingRowColors(true);
    m_deals->setUniformRowHeights(true);
    m_deals->setAccessibleName(tr("Changed deals"));
    const int ch = fontMetrics().averageCharWidth();
    const int widths[] = { 24, 22, 11, 13 };
    for (int c = 0; c < 4; ++c)
        m_deals->header()->resizeSection(c, widths[c] * ch + 16);
    m_deals->header()->setStretchLastSection(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(fromLabel);
    bar->addWidget(m_from);
    bar->addWidget(toLabel);
    bar->addWidget(m_to);
    bar->addWidget(m_snapshotsButton);
    bar->addSpacing(12);
    bar->addWidget(m_changedOnly);
    bar->addSpacing(12);
    bar->addWidget(m_comparing);
    bar->addStretch(1);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_dealsTitle);
    bottomLayout->addWidget(m_deals, 1);
    bottomLayout->addWidget(m_path);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_waterfall);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_empty);
    layout->addWidget(m_counts);
    layout->addWidget(split, 1);

    const auto chosen = [this] {
        if (!m_filling)
            compare();
    };
    connect(m_from, &QComboBox::activated, this, chosen);
    connect(m_to, &QComboBox::activated, this, chosen);
    connect(m_changedOnly, &QCheckBox::toggled, this, [this] { fillDeals(); });
    connect(m_waterfall, &FlowWaterfall::bucketSelected, this, [this] { fillDeals(); });
    connect(m_deals, &QTreeWidget::currentItemChanged, this, [this] { showPath(); });
    connect(m_snapshotsButton, &QPushButton::clicked, this, [this] { openSnapshots(); });
    connect(m_read, &BackgroundJobBase::finished, this, [this] {
        std::optional<StatesRead> &read = m_read->result();
        m_readingKey.reset();
        setComparing(false);
        if (!read)
            return;
        if (!read->error.isEmpty()) {
            if (!m_showing)
                return; // read ahead: show() reads again, and says what went wrong then
            m_statesKey.reset();
            m_compared = {};
            m_session->reportError(read->error);
        } else {
            m_compared.a = std::move(read->a);
            m_compared.b = std::move(read->b);
            m_statesKey = read->key;
            // Read ahead (prefetch()): kept, compared when shown.
            m_compared.comparison = m_showing
                    ? changes::compare(m_compared.a, m_compared.b, m_scope, m_period)
                    : changes::Comparison{};
        }
        read.reset();
        if (m_showing)
            showComparison();
    });
    // The states kept belong to the book loaded: another book, or this one after an import
    // (reloaded), reads them again.
    connect(m_session, &BookSession::aboutToSwitchBook, this, [this] {
        ++m_generation;
        m_rules.clear();
        m_read->discard();
        m_readingKey.reset();
        m_statesKey.reset();
        setComparing(false);
    });
    // A snapshot labelled, deleted or brought back: the lists again (the states of the others
    // stay what they were, and stay kept). A read running meanwhile may have seen the book
    // before and after: it starts again.
    connect(m_session, &BookSession::changed, this, [this](const BookChange &change) {
        if (change.aspects() & (ChangeAspect::Opportunities | ChangeAspect::Settings))
            m_rules.clear();
        if (!(change.aspects() & ChangeAspect::Snapshots))
            return;
        if (m_read->isRunning()) {
            m_read->discard();
            m_readingKey.reset();
        }
        if (m_today.isValid())
            listSnapshots();
    });
}

ChangesPanel::~ChangesPanel() = default;

bool ChangesPanel::isComparing() const
{
    return m_read->isRunning();
}

void ChangesPanel::openSnapshots()
{
    if (!m_dialog) {
        m_dialog = new SnapshotsDialog(m_session, this);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->select(m_to->currentData().toLongLong());
    m_dialog->open();
}

void ChangesPanel::show(const changes::Scope &scope, const Period &period,
                        const std::optional<QDate> &lastReview, const QDate &today)
{
    m_showing = true;
    setRequest(scope, period, lastReview, today);
}

void ChangesPanel::prefetch(const changes::Scope &scope, const Period &period,
                            const std::optional<QDate> &lastReview, const QDate &today)
{
    m_showing = false;
    setRequest(scope, period, lastReview, today);
}

void ChangesPanel::setRequest(const changes::Scope &scope, const Period &period,
                              const std::optional<QDate> &lastReview, const QDate &today)
{
    m_scope = scope;
    m_period = period;
    m_lastReview = lastReview;
    m_today = today;
    listSnapshots();
}

void ChangesPanel::listSnapshots()
{
    const std::optional<QDate> &lastReview = m_lastReview;
    const QDate &today = m_today;
    try {
        m_snapshots = ReviewChanges::snapshots(m_session->path());
    } catch (const std::exception &) {
        m_snapshots.clear();
    }
    const Formatter format;
    m_filling = true;
    const QVariant keepFrom = m_from->currentData(), keepTo = m_to->currentData();
    m_from->clear();
    m_to->clear();
    m_from->addItem(tr("the empty book"), Id(0));
    for (std::size_t i = m_snapshots.size(); i-- > 0;) { // newest first
        const snapshots::SnapshotInfo &snapshot = m_snapshots[i];
        QString text =
                tr("%1 · %2 rows").arg(format.date(snapshot.date), format.number(snapshot.rows));
        if (!snapshot.source.isEmpty())
            text += QStringLiteral(" · ") + snapshot.source;
        if (!snapshot.label.isEmpty())
            text += QStringLiteral(" · “%1”").arg(snapshot.label);
        m_from->addItem(text, snapshot.id);
        m_to->addItem(text, snapshot.id);
    }
    // Since the last review by default (METRICS "One-on-one reviews"); a pair the user chose
    // stays while both snapshots do.
    const auto from = ReviewChanges::defaultFrom(m_snapshots, lastReview, today);
    const auto to = ReviewChanges::latestAtOrBefore(m_snapshots, today);
    const int keptFrom = keepFrom.isValid() ? m_from->findData(keepFrom) : -1;
    const int keptTo = keepTo.isValid() ? m_to->findData(keepTo) : -1;
    m_from->setCurrentIndex(keptFrom >= 0 ? keptFrom
                                          : std::max(0, m_from->findData(from ? *from : Id(0))));
    m_to->setCurrentIndex(keptTo >= 0 ? keptTo : (to ? m_to->findData(*to) : -1));
    m_filling = false;
    compare();
}

const health::RuleContext &ChangesPanel::rulesAt(const BookView &view, const QDate &day)
{
    auto found = m_rules.find(day);
    if (found == m_rules.end())
        found = m_rules.emplace(day, health::ruleContext(view, day)).first;
    return found->second;
}

ChangesPanel::StatesKey ChangesPanel::keyFor(const BookView &view, Id from, Id to)
{
    StatesKey key;
    key.path = m_session->path();
    key.generation = m_generation;
    key.from = from;
    key.to = to;
    for (const snapshots::SnapshotInfo &s : m_snapshots) {
        if (s.id == from)
            key.fromDate = s.date;
        if (s.id == to)
            key.toDate = s.date;
    }
    // The stalled rules as of each date, worked out here: the read must not touch the view.
    if (from != 0)
        key.fromRules = rulesAt(view, key.fromDate);
    key.toRules = rulesAt(view, key.toDate);
    return key;
}

void ChangesPanel::setComparing(bool comparing)
{
    m_comparing->setVisible(comparing);
    m_waterfall->setEnabled(!comparing);
    m_deals->setEnabled(!comparing);
}

void ChangesPanel::compare()
{
    const BookView *view = m_session->view();
    const QVariant to = m_to->currentData();
    const bool any = view && to.isValid();
    m_empty->setVisible(!any);
    m_empty->setText(m_snapshots.empty()
                             ? tr("No snapshot yet: every import keeps one, dated its as-of date. "
                                  "Import this week's export on top of last week's to see what "
                                  "changed.")
                             : tr("No snapshot at or before the as-of date."));
    if (!any) {
        m_read->discard();
        m_readingKey.reset();
        setComparing(false);
        m_compared = {};
        showComparison();
        return;
    }
    const StatesKey key = keyFor(*view, m_from->currentData().toLongLong(), to.toLongLong());
    if (m_statesKey && *m_statesKey == key) {
        // Kept: only the comparison again, for this scope and period (when shown).
        m_read->discard();
        m_readingKey.reset();
        setComparing(false);
        if (!m_showing)
            return;
        m_compared.comparison = changes::compare(m_compared.a, m_compared.b, m_scope, m_period);
        showComparison();
        return;
    }
    if (m_readingKey && *m_readingKey == key && m_read->isRunning())
        return; // being read: it compares for the scope and period of then when it arrives
    m_readingKey = key;
    setComparing(true);
    m_read->start([key](JobControl &control) {
        StatesRead read;
        read.key = key;
        if (control.isCanceled())
            return read;
        try {
            std::tie(read.a, read.b) =
                    ReviewChanges::readStates(key.path, key.from, key.to, [&key](const QDate &day) {
                        return key.from != 0 && day == key.fromDate ? key.fromRules : key.toRules;
                    });
        } catch (const std::exception &e) {
            read.error = QString::fromLocal8Bit(e.what());
        }
        return read;
    });
}

void ChangesPanel::showComparison()
{
    const BookView *view = m_session->view();
    const bool any = view && m_to->currentData().isValid();
    const changes::Comparison &c = m_compared.comparison;
    QStringList counts;
    const std::pair<Change, QString> names[] = {
        { Change::New, tr("new") },
        { Change::Removed, tr("removed") },
        { Change::Won, tr("won") },
        { Change::Lost, tr("lost") },
        { Change::Advanced, tr("advanced") },
        { Change::Regressed, tr("regressed") },
        { Change::Pushed, tr("pushed") },
        { Change::PulledIn, tr("pulled in") },
        { Change::AmountUp, tr("amount up") },
        { Change::AmountDown, tr("amount down") },
        { Change::OwnerChanged, tr("owner changed") },
        { Change::NewlyStalled, tr("newly stalled") },
    };
    for (const auto &[change, name] : names)
        counts.append(QStringLiteral("%1 %2").arg(Formatter().number(c.count(change)), name));
    m_counts->setVisible(any);
    m_counts->setText(tr("<b>Changes:</b> %1").arg(counts.join(QStringLiteral(" · "))));
    m_waterfall->setVisible(any);
    m_waterfall->setComparison(c, view ? view->settings.currency : QString());
    m_waterfall->select(std::nullopt);
    fillDeals();
    emit comparedChanged();
}

QString ChangesPanel::dealsTitle() const
{
    return m_dealsTitle->text();
}

QString ChangesPanel::changesText(const changes::DealDifference &d) const
{
    const auto &a = m_compared.a.deals, &b = m_compared.b.deals;
    QStringList parts;
    const auto has = [&](Change c) { return changes::has(d.changes, c); };
    if (has(Change::New))
        parts << tr("✚ new");
    if (has(Change::Removed))
        parts << tr("✖ removed");
    if (has(Change::Won))
        parts << tr("✔ won");
    if (has(Change::Lost))
        parts << tr("✘ lost");
    if (has(Change::Advanced))
        parts << tr("→ %1").arg(stageName(b[std::size_t(d.b)].stage));
    if (has(Change::Regressed))
        parts << tr("← %1").arg(stageName(b[std::size_t(d.b)].stage));
    if (has(Change::Pushed))
        parts << tr("⏩ pushed");
    if (has(Change::PulledIn))
        parts << tr("⏪ pulled in");
    if (has(Change::AmountUp))
        parts << tr("↑ amount");
    if (has(Change::AmountDown))
        parts << tr("↓ amount");
    if (has(Change::OwnerChanged))
        parts << tr("owner");
    if (has(Change::NewlyStalled))
        parts << tr("⚠ stalled");
    Q_UNUSED(a);
    return parts.join(QStringLiteral("  "));
}

QString ChangesPanel::valuesText(const changes::DealDifference &d) const
{
    if (d.a < 0 || d.b < 0)
        return {};
    const changes::DealState &x = m_compared.a.deals[std::size_t(d.a)];
    const changes::DealState &y = m_compared.b.deals[std::size_t(d.b)];
    const Formatter format;
    const QString currency = m_session->view()->settings.currency;
    QStringList parts;
    if (x.stage != y.stage || x.status != y.status)
        parts << tr("%1 → %2").arg(stageName(x.stage), stageName(y.stage));
    if (x.amount != y.amount)
        parts << tr("%1 → %2").arg(format.money(x.amount, currency),
                                   format.money(y.amount, currency));
    if (x.closeDay != y.closeDay)
        parts << tr("close %1 → %2")
                         .arg(format.dateFromDay(x.closeDay), format.dateFromDay(y.closeDay));
    if (x.owner != y.owner)
        parts << tr("%1 → %2").arg(
                m_session->repName(x.owner ? std::optional<Id>(x.owner) : std::nullopt),
                m_session->repName(y.owner ? std::optional<Id>(y.owner) : std::nullopt));
    return parts.join(QStringLiteral(" · "));
}

void ChangesPanel::fillDeals()
{
    m_deals->clear();
    m_path->clear();
    const BookView *view = m_session->view();
    if (!view)
        return;
    const auto bucket = m_waterfall->selected();
    std::vector<const changes::DealDifference *> shown;
    for (const changes::DealDifference &d : m_compared.comparison.deals) {
        if (bucket && d.bucket != bucket)
            continue;
        if (m_changedOnly->isChecked() && d.changes == 0)
            continue;
        shown.push_back(&d);
    }
    std::stable_sort(shown.begin(), shown.end(),
                     [](const auto *x, const auto *y) { return x->amount > y->amount; });
    const std::size_t total = shown.size();
    if (shown.size() > mostDeals)
        shown.resize(mostDeals);
    const Formatter format;
    const auto &ids = view->opportunities.id;
    for (const changes::DealDifference *d : shown) {
        auto *item = new QTreeWidgetItem(m_deals);
        const auto it = std::lower_bound(ids.begin(), ids.end(), d->id);
        item->setText(0,
                      it != ids.end() && *it == d->id
                              ? view->opportunities.name.at(std::size_t(it - ids.begin()))
                              : tr("(deal %1)").arg(d->id));
        item->setText(1, changesText(*d));
        if (d->bucket && *d->bucket != Bucket::Unchanged) {
            item->setText(2, bucketName(*d->bucket));
            item->setText(3,
                          (subtracts(*d->bucket) ? QStringLiteral("−") : QStringLiteral("+"))
                                  + format.money(d->amount, view->settings.currency));
        }
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(4, valuesText(*d));
        item->setToolTip(4, item->text(4));
        item->setData(0, idRole, d->id);
    }
    const QString what = bucket ? bucketName(*bucket) : tr("All");
    m_dealsTitle->setText(total > shown.size()
                                  ? tr("<b>%1:</b> the %2 largest of %3 deals")
                                            .arg(what, format.number(qint64(shown.size())),
                                                 format.number(qint64(total)))
                                  : tr("<b>%1:</b> %n deal(s)", nullptr, int(total)).arg(what));
    if (m_deals->topLevelItemCount() > 0)
        m_deals->setCurrentItem(m_deals->topLevelItem(0));
}

void ChangesPanel::showPath()
{
    const QTreeWidgetItem *item = m_deals->currentItem();
    const Id from = m_from->currentData().toLongLong(), to = m_to->currentData().toLongLong();
    if (!item || to == 0) {
        m_path->clear();
        return;
    }
    std::vector<snapshots::PathPoint> path;
    try {
        const Id first = from == 0 && !m_snapshots.empty() ? m_snapshots.front().id : from;
        path = ReviewChanges::path(m_session->path(), item->data(0, idRole).toLongLong(), first,
                                   to);
    } catch (const std::exception &) {
        path.clear();
    }
    const Formatter format;
    const QString currency = m_session->view()->settings.currency;
    QStringList points;
    for (const snapshots::PathPoint &p : path)
        points << tr("%1: %2, %3, close %4")
                          .arg(format.date(p.date),
                               p.status == Status::Open ? stageName(p.stage) : statusName(p.status),
                               format.money(p.amount, currency), format.date(p.closeDate));
    const QString words = ReviewChanges::describe(path);
    m_path->setText(tr("<b>Path:</b> %1<br>%2")
                            .arg(words.isEmpty() ? tr("no change between the snapshots")
                                                 : words.toHtmlEscaped(),
                                 points.join(QStringLiteral(" → ")).toHtmlEscaped()));
}

} // namespace tp::ui
