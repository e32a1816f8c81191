#include "roistate.h"

#include "models/formatter.h"
#include "pages/evaluationschedule.h"
#include "report/roireport.h"
#include "session/accountselection.h"
#include "session/booksession.h"
#include "session/scopestate.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>

#include <utility>

namespace tp::ui {

RoiState::RoiState(BookSession *session, ScopeState *scope, AccountSelection *shared,
                   QObject *parent)
    : QObject(parent),
      m_session(session),
      m_scope(scope),
      m_shared(shared),
      m_schedule(
              new EvaluationSchedule([this](bool scopeChanged) { evaluate(scopeChanged); }, this))
{
    // Accounts selected on another page (the Accounts table) are selected here too.
    connect(shared, &AccountSelection::changed, this, [this](const QObject *from) {
        if (from == this
            || (m_shared->accounts() == m_selection && m_shared->current() == m_current))
            return;
        m_selection = m_shared->accounts();
        m_current = m_shared->current();
        emit selectionChanged();
    });
    // Another view: the selection and the figures of the one before mean nothing. The scope
    // says when the new view is in place (it changes after every load), whichever of us hears
    // of the load first.
    connect(session, &BookSession::aboutToSwitchBook, this, [this] {
        m_selection.clear();
        m_current = -1;
        m_result = {};
        m_overCapacity.clear();
        m_rank.clear();
        m_selectionCleared = true;
    });
    connect(scope, &ScopeState::changed, this, [this] {
        m_schedule->now(true);
        if (std::exchange(m_selectionCleared, false))
            emit selectionChanged();
    });
    connect(session, &BookSession::changed, this, [this](const BookChange &change) {
        const ChangeAspects aspects = change.aspects();
        // Scores, weights, factors or the thresholds: the figures at once (a slider moving).
        if (aspects
            & (ChangeAspect::Scores | ChangeAspect::Weights | ChangeAspect::ScoringModel
               | ChangeAspect::Settings))
            m_schedule->now(false);
        else if (aspects
                 & (ChangeAspect::Accounts | ChangeAspect::Opportunities | ChangeAspect::Reps))
            m_schedule->later();
    });
    m_schedule->now(true);
}

void RoiState::setShownBy(const QObject *page, bool shown)
{
    m_schedule->setShownBy(page, shown);
}

const roi::RoiResult &RoiState::result()
{
    m_schedule->flush();
    return m_result;
}

const std::vector<roi::RepLoad> &RoiState::overCapacity()
{
    m_schedule->flush();
    return m_overCapacity;
}

void RoiState::evaluate(bool scopeChanged)
{
    const BookView *view = m_session->view();
    m_result = {};
    m_overCapacity.clear();
    m_rank.clear();
    if (view && !m_session->isReloading()) {
        RowFilter scope;
        const int rep = m_scope->repIndex(), territory = m_scope->territoryIndex();
        scope.scopeRep = rep < int(view->reps.size()) ? rep : -1;
        scope.scopeTerritory = territory < int(view->territories.size()) ? territory : -1;
        m_result = buildRoiReport(*view, scope);
        m_rank.assign(std::size_t(view->accounts.size()), -1);
        for (std::size_t i = 0; i < m_result.workList.size(); ++i)
            m_rank[std::size_t(m_result.workList[i].row)] = int(i);
        m_overCapacity = scopeOverCapacity(*view, scope);
    }
    emit evaluated(scopeChanged);
}

int RoiState::rankOf(int account)
{
    m_schedule->flush();
    return account >= 0 && std::size_t(account) < m_rank.size() ? m_rank[std::size_t(account)] : -1;
}

void RoiState::select(std::vector<int> accounts, int current)
{
    if (current < 0 && !accounts.empty())
        current = accounts.front();
    if (current >= 0 && std::find(accounts.begin(), accounts.end(), current) == accounts.end())
        accounts.push_back(current);
    if (accounts == m_selection && current == m_current)
        return;
    m_selection = std::move(accounts);
    m_current = current;
    emit selectionChanged();
    m_shared->select(m_selection, m_current, this);
}

QString RoiState::factorCoverageText(const roi::ScoredAccount &s)
{
    return tr("scored on %1 of %n factor(s)", nullptr, s.weightedFactors)
            .arg(QLocale().toString(s.scoredFactors));
}

QStringList RoiState::hoverLines(int account)
{
    const BookView *view = m_session->view();
    const int rank = rankOf(account);
    if (!view || rank < 0)
        return {};
    const roi::ScoredAccount &s = m_result.workList[std::size_t(rank)];
    const Formatter format;
    const QString currency = view->settings.currency;
    QStringList lines{ view->accounts.name.at(std::size_t(account)) };
    lines.append(tr("Likelihood %1, %2").arg(format.share(s.likelihood), factorCoverageText(s)));
    lines.append(s.potential > 0
                         ? tr("Potential %1%2")
                                   .arg(format.money(s.potential, currency),
                                        s.potentialDerived ? tr(" (open pipeline)") : QString())
                         : tr("No revenue potential"));
    lines.append(tr("Expected value %1").arg(format.money(s.ev, currency)));
    QString quadrant = roi::quadrantName(s.quadrant);
    if (s.belowFloor)
        quadrant = tr("%1, below a floor").arg(quadrant);
    lines.append(tr("Rank %1 · %2").arg(format.number(rank + 1), quadrant));
    return lines;
}

QString RoiState::describe(int account)
{
    const int rank = rankOf(account);
    return rank < 0 ? QString() : describe(m_result.workList[std::size_t(rank)]);
}

QString RoiState::describe(const roi::ScoredAccount &s) const
{
    const BookView *view = m_session->view();
    if (!view)
        return {};
    const auto account = std::size_t(s.row);
    const Formatter format;
    const QString currency = view->settings.currency;
    const auto money = [&](Minor amount) { return format.money(amount, currency); };
    QString text =
            QStringLiteral("<b>%1</b><br>").arg(view->accounts.name.at(account).toHtmlEscaped());
    text += tr("Likelihood %1 (%2) · potential %3%4 · EV %5")
                    .arg(format.share(s.likelihood), factorCoverageText(s), money(s.potential),
                         s.potentialDerived ? tr(" (derived)") : QString(), money(s.ev));
    text += QStringLiteral("<br>%1").arg(roi::quadrantName(s.quadrant));
    if (s.belowFloor)
        text += tr(", below a floor");
    const std::vector<double> shares = roi::contributions(view->scoring, view->scores, s);
    std::vector<int> order(shares.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return shares[std::size_t(a)] > shares[std::size_t(b)]; });
    QStringList top;
    for (const int f : order) {
        if (top.size() == 3 || shares[std::size_t(f)] <= 0)
            break;
        top.append(tr("%1 +%2").arg(view->scoring.factors[std::size_t(f)].name.toHtmlEscaped(),
                                    format.share(shares[std::size_t(f)])));
    }
    if (!top.isEmpty())
        text += QStringLiteral("<br>") + tr("Top factors: %1").arg(top.join(QStringLiteral(", ")));
    return text;
}

} // namespace tp::ui
