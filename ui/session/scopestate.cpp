#include "scopestate.h"

#include "booksession.h"

namespace tp::ui {

ScopeState::ScopeState(QObject *parent)
    : QObject(parent),
      m_asOf(QDate::currentDate()),
      m_period(Period::containing(m_asOf, m_fiscalStartMonth))
{ }

void ScopeState::setRepIndex(int rep)
{
    if (rep == m_rep)
        return;
    m_rep = rep;
    emit changed();
}

void ScopeState::setTerritoryIndex(int territory)
{
    if (territory == m_territory)
        return;
    m_territory = territory;
    emit changed();
}

void ScopeState::setPeriod(const Period &period)
{
    if (period.start == m_period.start && period.end == m_period.end)
        return;
    m_period = period;
    emit changed();
}

void ScopeState::setAsOf(const QDate &date)
{
    if (!date.isValid() || date == m_asOf)
        return;
    m_asOf = date;
    m_period = Period::containing(date, m_fiscalStartMonth);
    emit changed();
}

void ScopeState::reset(int fiscalStartMonth)
{
    m_fiscalStartMonth = fiscalStartMonth >= 1 && fiscalStartMonth <= 12 ? fiscalStartMonth : 1;
    m_rep = -1;
    m_territory = -1;
    m_period = Period::containing(m_asOf, m_fiscalStartMonth);
    emit changed();
}

void ScopeState::carryOver(const BookSession &session)
{
    const int rep = session.carriedRepIndex(m_rep);
    const int territory = session.carriedTerritoryIndex(m_territory);
    if (rep == m_rep && territory == m_territory)
        return;
    m_rep = rep;
    m_territory = territory;
    emit changed();
}

} // namespace tp::ui
