#pragma once

#include "session/booksession.h"

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace tp::ui {

// An edit that is one value before and one after: undo writes `before` back through the
// session's guard, redo writes `after`, and each then brings the session's view in line
// (`apply`). The session writes the first time itself (so a refused value never reaches the
// stack); the first redo() only applies. Commands with the same non-empty merge key that
// follow each other (a spin box stepping, a slider moving) become one undo step.
template<typename Value>
class ValueCommand : public QUndoCommand
{
public:
    using Write = std::function<void(Book &, const Value &)>;
    using Apply = std::function<void(const Value &)>;

    ValueCommand(BookSession *session, Value before, Value after, Write write, Apply apply,
                 const QString &text, QString mergeKey = {})
        : QUndoCommand(text),
          m_session(session),
          m_before(std::move(before)),
          m_after(std::move(after)),
          m_write(std::move(write)),
          m_apply(std::move(apply)),
          m_mergeKey(std::move(mergeKey))
    { }

    int id() const override { return m_mergeKey.isEmpty() ? -1 : mergeableId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const ValueCommand *>(other);
        if (!next || next->m_mergeKey != m_mergeKey)
            return false;
        m_after = next->m_after;
        setText(next->text());
        return true;
    }

    void redo() override
    {
        if (!m_written && !write(m_after)) {
            setObsolete(true);
            return;
        }
        m_written = false;
        m_apply(m_after);
    }
    void undo() override
    {
        if (!write(m_before)) {
            setObsolete(true);
            return;
        }
        m_apply(m_before);
    }

private:
    static constexpr int mergeableId = 0x5643; // "VC": every mergeable value command
    bool write(const Value &value)
    {
        return m_session->runGuarded([&](Book &book) { m_write(book, value); });
    }

    BookSession *m_session;
    Value m_before;
    Value m_after;
    Write m_write;
    Apply m_apply;
    QString m_mergeKey;
    bool m_written = true;
};

} // namespace tp::ui
