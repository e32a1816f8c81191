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
    resetQuietly(fiscalStartMonth);
    emit changed();
}

void ScopeState::resetQuietly(int fiscalStartMonth)
{
    m_fiscalStartMonth = fiscalStartMonth >= 1 && fiscalStartMonth <= 12 ? fiscalStartMonth : 1;
    m_rep = -1;
    m_territory = -1;
    m_period = Period::containing(m_asOf, m_fiscalStartMonth);
}

void ScopeState::carryOver(const BookSession &session)
{
    const int rep = m_rep, territory = m_territory;
    carryQuietly(session);
    if (rep != m_rep || territory != m_territory)
        emit changed();
}

void ScopeState::carryQuietly(const BookSession &session)
{
    m_rep = session.carriedRepIndex(m_rep);
    m_territory = session.carriedTerritoryIndex(m_territory);
}

void ScopeState::follow(const BookSession *session)
{
    connect(session, &BookSession::loaded, this, [this, session] {
        if (!session->isOpen())
            resetQuietly(1); // closed
        else if (session->wasReloaded())
            carryQuietly(*session); // after an import, its undo or redo: the user's scope stays
        else
            resetQuietly(session->settings().fiscalStartMonth);
        emit changed();
    });
}

} // namespace tp::ui
