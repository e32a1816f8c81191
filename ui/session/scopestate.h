#pragma once

#include "domain/dates.h"

#include <QDate>
#include <QObject>

namespace tp::ui {

class BookSession;

// What the scope bar selects (METRICS "Scope", "Period", "As-of date"), shared by every page.
// Rep and territory are indexes into the loaded BookView (-1: all): reset when another book
// loads, carried to the same rows when the open book's view is reloaded. Once it follows the
// session (follow()), it emits changed() after every load, with indexes into the new view:
// states evaluate then, whichever order they connected in (docs/ARCHITECTURE.md, "Loading").
class ScopeState : public QObject
{
    Q_OBJECT

public:
    explicit ScopeState(QObject *parent = nullptr);

    int repIndex() const { return m_rep; }
    int territoryIndex() const { return m_territory; }
    const Period &period() const { return m_period; }
    QDate asOf() const { return m_asOf; }
    int fiscalStartMonth() const { return m_fiscalStartMonth; }

    void setRepIndex(int rep);
    void setTerritoryIndex(int territory);
    void setPeriod(const Period &period);
    // Moving the as-of date moves the period to the one containing it.
    void setAsOf(const QDate &date);
    // A new book: fiscal year start from its settings, scope back to everything.
    void reset(int fiscalStartMonth);
    // The open book's view reloaded (after an import, its undo or redo): the rep and territory
    // stay those the user chose, at their new indexes, or everything when they are gone.
    // Period and as-of date stay.
    void carryOver(const BookSession &session);
    // Resets or carries the scope on every load of `session`, then emits changed() (once).
    void follow(const BookSession *session);

signals:
    void changed();

private:
    // Without changed(): follow() says it once for both.
    void resetQuietly(int fiscalStartMonth);
    void carryQuietly(const BookSession &session);

    int m_rep = -1;
    int m_territory = -1;
    int m_fiscalStartMonth = 1;
    QDate m_asOf;
    Period m_period;
};

} // namespace tp::ui
