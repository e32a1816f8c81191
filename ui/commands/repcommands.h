#pragma once

#include "domain/entities.h"

#include <QString>
#include <QUndoCommand>

#include <optional>

namespace tp::ui {

class BookSession;

// Core keeps no change record for these two small edits: the value before and after is all.
struct RepCapacityChange
{
    Id rep = 0;
    std::optional<int> before;
    std::optional<int> after;
};

struct QuotaChange
{
    Id rep = 0;
    QString period;
    std::optional<Minor> before;
    std::optional<Minor> after;
};

class RepCapacityCommand : public QUndoCommand
{
public:
    // `change` has already been written by the session: the first redo() only shows it.
    RepCapacityCommand(BookSession *session, const RepCapacityChange &change, const QString &text);
    void undo() override;
    void redo() override;

private:
    bool write(std::optional<int> capacity);

    BookSession *m_session;
    RepCapacityChange m_change;
    bool m_written = true;
};

class QuotaCommand : public QUndoCommand
{
public:
    // `change` has already been written by the session: the first redo() only shows it.
    QuotaCommand(BookSession *session, const QuotaChange &change, const QString &text);
    void undo() override;
    void redo() override;

private:
    bool write(std::optional<Minor> amount);

    BookSession *m_session;
    QuotaChange m_change;
    bool m_written = true;
};

} // namespace tp::ui
