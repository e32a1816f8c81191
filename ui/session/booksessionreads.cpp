// BookSession: what pages read besides the view.
#include "booksession.h"

#include "storage/bookreader.h"

namespace tp::ui {

std::optional<BookReader> BookSession::reader() const
{
    if (!m_book)
        return std::nullopt;
    return BookReader(*m_book);
}

int BookSession::opportunityCount() const
{
    return m_view ? m_view->opportunities.size() : 0;
}

int BookSession::accountCount() const
{
    return m_view ? m_view->accounts.size() : 0;
}

} // namespace tp::ui
