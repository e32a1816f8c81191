// BookSession's edits of the scoring model: engagement factors and weight profiles.
#include "booksession.h"

#include "commands/valuecommand.h"
#include "storage/scoringmodel.h"

#include <QUndoStack>

namespace tp::ui {

namespace {

QString factorName(const BookView *view, Id factor)
{
    if (view) {
        for (const EngagementFactor &f : view->scoring.factors)
            if (f.id == factor)
                return f.name;
    }
    return {};
}

QString profileName(const BookView *view, Id profile)
{
    if (view) {
        for (const WeightProfile &p : view->scoring.profiles)
            if (p.id == profile)
                return p.name;
    }
    return {};
}

} // namespace

bool BookSession::addFactor(const QString &name, const QString &description)
{
    FactorRecord record;
    if (!runGuarded([&](Book &book) {
            record = ScoringModelRepository(book).addFactor(name, description);
        }))
        return false;
    auto write = [record](Book &book, const bool &present) {
        if (present)
            ScoringModelRepository(book).restoreFactor(record);
        else
            ScoringModelRepository(book).removeFactor(record.factor.id);
    };
    auto apply = [this](const bool &) { applyScoringModel(); };
    m_undoStack->push(new ValueCommand<bool>(this, false, true, write, apply,
                                             tr("Add the factor “%1”").arg(record.factor.name)));
    return true;
}

bool BookSession::removeFactor(Id factor)
{
    const QString name = factorName(m_view.get(), factor);
    FactorRecord record;
    if (!runGuarded(
                [&](Book &book) { record = ScoringModelRepository(book).removeFactor(factor); }))
        return false;
    auto write = [record](Book &book, const bool &present) {
        if (present)
            ScoringModelRepository(book).restoreFactor(record);
        else
            ScoringModelRepository(book).removeFactor(record.factor.id);
    };
    auto apply = [this, record](const bool &present) {
        if (present)
            applyScoringModel(record.scores, record.factor.id);
        else
            applyScoringModel();
    };
    m_undoStack->push(new ValueCommand<bool>(this, true, false, write, apply,
                                             tr("Remove the factor “%1”").arg(name)));
    return true;
}

bool BookSession::renameFactor(Id factor, const QString &name)
{
    QString before;
    if (!runGuarded([&](Book &book) {
            before = ScoringModelRepository(book).renameFactor(factor, name);
        }))
        return false;
    const QString after = name.trimmed();
    if (before == after)
        return true;
    auto write = [factor](Book &book, const QString &value) {
        ScoringModelRepository(book).renameFactor(factor, value);
    };
    auto apply = [this](const QString &) { applyScoringModel(); };
    m_undoStack->push(
            new ValueCommand<QString>(this, before, after, write, apply,
                                      tr("Rename the factor “%1” to “%2”").arg(before, after)));
    return true;
}

bool BookSession::describeFactor(Id factor, const QString &description)
{
    QString before;
    if (!runGuarded([&](Book &book) {
            before = ScoringModelRepository(book).describeFactor(factor, description);
        }))
        return false;
    const QString after = description.trimmed();
    if (before == after)
        return true;
    auto write = [factor](Book &book, const QString &value) {
        ScoringModelRepository(book).describeFactor(factor, value);
    };
    auto apply = [this](const QString &) { applyScoringModel(); };
    m_undoStack->push(new ValueCommand<QString>(
            this, before, after, write, apply,
            tr("Describe the factor “%1”").arg(factorName(m_view.get(), factor)),
            QStringLiteral("describe/%1").arg(factor)));
    return true;
}

bool BookSession::moveFactor(Id factor, int index)
{
    int before = 0;
    if (!runGuarded([&](Book &book) {
            before = ScoringModelRepository(book).moveFactor(factor, index);
        }))
        return false;
    const int factors = m_view ? int(m_view->scoring.factors.size()) : 0;
    const int after = std::clamp(index, 0, std::max(0, factors - 1));
    if (before == after)
        return true;
    auto write = [factor](Book &book, const int &value) {
        ScoringModelRepository(book).moveFactor(factor, value);
    };
    auto apply = [this](const int &) { applyScoringModel(); };
    m_undoStack->push(new ValueCommand<int>(
            this, before, after, write, apply,
            tr("Move the factor “%1”").arg(factorName(m_view.get(), factor))));
    return true;
}

bool BookSession::addProfile(SegmentKind kind, const QString &segment)
{
    ProfileRecord record;
    if (!runGuarded([&](Book &book) {
            record = ScoringModelRepository(book).addProfile(kind, segment);
        }))
        return false;
    auto write = [record](Book &book, const bool &present) {
        if (present)
            ScoringModelRepository(book).restoreProfile(record);
        else
            ScoringModelRepository(book).removeProfile(record.id);
    };
    auto apply = [this](const bool &) { applyScoringModel(); };
    m_undoStack->push(new ValueCommand<bool>(this, false, true, write, apply,
                                             tr("Add the weight profile “%1”").arg(record.name)));
    return true;
}

bool BookSession::removeProfile(Id profile)
{
    const QString name = profileName(m_view.get(), profile);
    ProfileRecord record;
    if (!runGuarded(
                [&](Book &book) { record = ScoringModelRepository(book).removeProfile(profile); }))
        return false;
    auto write = [record](Book &book, const bool &present) {
        if (present)
            ScoringModelRepository(book).restoreProfile(record);
        else
            ScoringModelRepository(book).removeProfile(record.id);
    };
    auto apply = [this](const bool &) { applyScoringModel(); };
    m_undoStack->push(new ValueCommand<bool>(this, true, false, write, apply,
                                             tr("Remove the weight profile “%1”").arg(name)));
    return true;
}

void BookSession::applyScoringModel(const std::vector<std::pair<Id, int>> &restoredScores,
                                    Id restoredFactor)
{
    if (!m_view || !m_book)
        return;
    ScoringModel next;
    if (!runGuarded([&](Book &book) { next = ScoringRepository(book).model(); }))
        return;
    m_view->scores = remapScores(m_view->scores, std::size_t(m_view->accounts.size()),
                                 m_view->scoring, next);
    m_view->scoring = std::move(next);
    const auto &factors = m_view->scoring.factors;
    for (std::size_t f = 0; f < factors.size(); ++f) {
        if (factors[f].id != restoredFactor)
            continue;
        for (const auto &[account, score] : restoredScores) {
            const int row = m_view->accounts.indexOf(account);
            if (row >= 0)
                m_view->scores.values[std::size_t(row) * factors.size() + f] = std::int8_t(score);
        }
    }
    emit scoringModelChanged();
    emit scoringChanged();
}

} // namespace tp::ui
