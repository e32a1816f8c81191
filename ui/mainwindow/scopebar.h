#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;

namespace tp::ui {

class BookSession;
class ScopeState;

// Rep, territory, period and as-of date for every page: a view of ScopeState, refilled when
// a book loads. Lives in the main window's toolbar.
class ScopeBar : public QWidget
{
    Q_OBJECT

public:
    ScopeBar(BookSession *session, ScopeState *scope, QWidget *parent = nullptr);

    QComboBox *repCombo() const { return m_rep; }
    QComboBox *territoryCombo() const { return m_territory; }
    QComboBox *periodCombo() const { return m_period; }
    QDateEdit *asOfEdit() const { return m_asOf; }

private:
    void fillBookCombos();
    void fillPeriods();
    void syncFromScope();

    BookSession *m_session;
    ScopeState *m_scope;
    QComboBox *m_rep;
    QComboBox *m_territory;
    QComboBox *m_period;
    QDateEdit *m_asOf;
};

} // namespace tp::ui
