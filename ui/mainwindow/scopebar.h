#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;

namespace tp::ui {

class BookSession;
class DateEdit;
class ScopeState;

// Rep, territory, period and as-of date for every page: a view of ScopeState, refilled when
// a book loads. Lives in the main window's toolbar. The as-of date takes a date typed whole in
// the locale's order (DateEdit) and counts once typed (Enter, Tab or leaving the field), not at
// every digit; a date after today is marked "in the future" beside the field.
class ScopeBar : public QWidget
{
    Q_OBJECT

public:
    ScopeBar(BookSession *session, ScopeState *scope, QWidget *parent = nullptr);

    QComboBox *repCombo() const { return m_rep; }
    QComboBox *territoryCombo() const { return m_territory; }
    QComboBox *periodCombo() const { return m_period; }
    QDateEdit *asOfEdit() const;
    // "in the future" beside the as-of date, shown while the date is after today.
    QLabel *futureHint() const { return m_future; }

signals:
    // A typed date that could not be read, or the as-of date moved past today.
    void statusMessage(const QString &message);

private:
    void fillBookCombos();
    void fillPeriods();
    void syncFromScope();
    void updateFutureHint();
    void changeEvent(QEvent *event) override;

    BookSession *m_session;
    ScopeState *m_scope;
    QComboBox *m_rep;
    QComboBox *m_territory;
    QComboBox *m_period;
    DateEdit *m_asOf;
    QLabel *m_future;
};

} // namespace tp::ui
