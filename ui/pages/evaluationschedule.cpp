#include "evaluationschedule.h"

#include <algorithm>
#include <utility>

namespace tp::ui {

EvaluationSchedule::EvaluationSchedule(Evaluate evaluate, QObject *parent)
    : QObject(parent), m_evaluate(std::move(evaluate))
{ }

void EvaluationSchedule::mark(bool scopeChanged)
{
    m_pending = true;
    m_pendingScopeChange = m_pendingScopeChange || scopeChanged;
}

void EvaluationSchedule::now(bool scopeChanged)
{
    mark(scopeChanged);
    if (isShown())
        flush();
}

void EvaluationSchedule::later()
{
    mark(false);
    if (!isShown() || std::exchange(m_queued, true))
        return;
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_queued = false;
                if (isShown())
                    flush();
            },
            Qt::QueuedConnection);
}

void EvaluationSchedule::flush()
{
    if (!m_pending)
        return;
    const bool scopeChanged = std::exchange(m_pendingScopeChange, false);
    m_pending = false;
    m_evaluate(scopeChanged);
}

void EvaluationSchedule::clear()
{
    m_pending = false;
    m_pendingScopeChange = false;
}

bool EvaluationSchedule::isShown() const
{
    return m_pages.empty() || !m_shownBy.empty();
}

void EvaluationSchedule::setShownBy(const QObject *page, bool shown)
{
    if (std::find(m_pages.begin(), m_pages.end(), page) == m_pages.end()) {
        m_pages.push_back(page);
        // A page destroyed before the schedule is forgotten, so that its address, reused, is not
        // taken for it.
        connect(page, &QObject::destroyed, this, [this, page] {
            std::erase(m_pages, page);
            std::erase(m_shownBy, page);
        });
    }
    std::erase(m_shownBy, page);
    if (shown) {
        m_shownBy.push_back(page);
        flush();
    }
}

} // namespace tp::ui
