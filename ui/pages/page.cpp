#include "page.h"

#include "session/booksession.h"
#include "widgets/emptystate.h"

#include <QAction>
#include <QStackedLayout>

namespace tp::ui {

void Page::setFileActions(const FileActions &actions)
{
    m_fileActions = actions;
    if (m_stack)
        updateContent();
    fileActionsChanged();
}

QString Page::emptyStateText() const
{
    return m_stack && m_stack->currentWidget() == m_empty ? m_empty->text() : QString();
}

Page::Emptiness Page::emptiness(const BookSession *session, bool hasData,
                                const QString &emptyBookText) const
{
    if (session->isLoading() && !session->isOpen())
        return { tr("Loading the book…"), {} };
    if (!session->isOpen())
        return { tr("No book is open.\nOpen one with File ▸ Open…, or start one with File ▸ "
                    "New Book…"),
                 { m_fileActions.open, m_fileActions.newBook } };
    if (hasData)
        return {};
    return { emptyBookText + QLatin1Char('\n')
                     + tr("Import an export from your CRM (Salesforce, HubSpot, Pipedrive, Zoho, "
                          "Dynamics 365 or any CSV) with File ▸ Import CSV… (Ctrl+I), or drop the "
                          "CSV file on this window."),
             { m_fileActions.importCsv } };
}

void Page::setContent(QWidget *content, BookSession *session,
                      std::function<bool(const BookView &)> hasData, const QString &emptyBookText)
{
    m_content = content;
    m_session = session;
    m_hasData = std::move(hasData);
    m_emptyBookText = emptyBookText;
    m_empty = new EmptyState(this);
    m_stack = new QStackedLayout(this);
    m_stack->addWidget(content);
    m_stack->addWidget(m_empty);
    connect(session, &BookSession::loaded, this, &Page::updateContent);
    connect(session, &BookSession::loadingStarted, this, &Page::updateContent);
    connect(session, &BookSession::loadFailed, this, &Page::updateContent);
    connect(session, &BookSession::loadCancelled, this, &Page::updateContent);
    updateContent();
}

void Page::updateContent()
{
    const BookView *view = m_session->view();
    const Emptiness empty =
            emptiness(m_session, view && m_session->isOpen() && m_hasData(*view), m_emptyBookText);
    m_empty->setMessage(empty.text, empty.actions);
    m_stack->setCurrentWidget(empty.text.isEmpty() ? m_content : m_empty);
}

} // namespace tp::ui
