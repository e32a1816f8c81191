// BookEditor: scores, scoring notes and weights (METRICS "Accounts").
#include "bookeditor.h"

#include "storage/accounts.h"
#include "storage/book.h"
#include "storage/scoring.h"

#include <QLocale>

namespace tp {

BookChange BookEditor::setScores(std::vector<ScoreEdit> edits, const QString &text)
{
    BookChange change;
    change.text = text;
    if (edits.empty())
        return change;
    sql::Transaction tx(m_book.db());
    // The edits that restore the scores before, last edit first.
    const std::vector<ScoreEdit> restoring = ScoringRepository(m_book).setScores(edits);
    change.scores.reserve(edits.size());
    for (std::size_t i = 0; i < edits.size(); ++i)
        change.scores.push_back({ restoring[edits.size() - 1 - i], edits[i] });
    tx.commit();
    return change;
}

BookChange BookEditor::setScoringNote(Id account, const QString &note)
{
    sql::Transaction tx(m_book.db());
    const QString after = note.trimmed();
    const QString before = ScoringRepository(m_book).setNote(account, after);
    const auto row = AccountRepository(m_book).byId(account);
    BookChange change;
    change.notes.push_back({ { account, before }, { account, after } });
    change.text = tr("Edit the scoring note of “%1”").arg(row ? row->name : QString());
    change.mergeKey = QStringLiteral("note/%1").arg(account);
    tx.commit();
    return change;
}

BookChange BookEditor::setWeight(Id profile, Id factor, double weight)
{
    sql::Transaction tx(m_book.db());
    const double before = ScoringRepository(m_book).setWeight(profile, factor, weight);
    const ScoringModel model = ScoringRepository(m_book).model();
    QString factorName, profileName;
    for (const EngagementFactor &f : model.factors)
        if (f.id == factor)
            factorName = f.name;
    for (const WeightProfile &p : model.profiles)
        if (p.id == profile)
            profileName = p.name;
    BookChange change;
    change.weights.push_back({ { profile, factor, before }, { profile, factor, weight } });
    change.text = tr("Set the weight of %1 in %2 to %3")
                          .arg(factorName, profileName, QLocale().toString(weight));
    change.mergeKey = QStringLiteral("weight/%1/%2").arg(profile).arg(factor);
    tx.commit();
    return change;
}

} // namespace tp
