#pragma once

#include <QObject>

#include <vector>

namespace tp::ui {

class BookSession;

// The accounts selected on one page, followed by the others: a point clicked on the ROI chart is
// selected in the Accounts page's table, and accounts selected there are highlighted on the
// chart. Accounts are rows of the session's view; the selection is cleared when a view loads.
// Selections of more than `carriedLimit` accounts (a Select All) carry only their current
// account: highlighting a hundred thousand points or table rows on another page helps nobody.
class AccountSelection : public QObject
{
    Q_OBJECT

public:
    static constexpr std::size_t carriedLimit = 1000;

    explicit AccountSelection(BookSession *session, QObject *parent = nullptr);

    const std::vector<int> &accounts() const { return m_accounts; }
    int current() const { return m_current; }
    // Sets the selection (`current` among `accounts`, or -1); `from` is the page that made it,
    // which changed() names so that it does not apply its own selection again.
    void select(std::vector<int> accounts, int current, const QObject *from);

signals:
    void changed(const QObject *from);

private:
    std::vector<int> m_accounts;
    int m_current = -1;
};

} // namespace tp::ui
