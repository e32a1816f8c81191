// BookSession's scoring edits: scores, notes, weights and the ROI thresholds.
#include "booksession.h"

#include "commands/valuecommand.h"
#include "storage/settings.h"

#include <QLocale>
#include <QUndoStack>

#include <algorithm>

namespace tp::ui {

namespace {

// The roi.potential_threshold setting: the amount, or empty (not NULL) for the median.
QString thresholdText(std::optional<Minor> potential)
{
    return potential ? minorToDecimal(*potential) : QStringLiteral("");
}

QString accountName(const BookView *view, Id account)
{
    const int row = view ? view->accounts.indexOf(account) : -1;
    return row >= 0 ? view->accounts.name.at(std::size_t(row)) : QString();
}

} // namespace

bool BookSession::setScores(std::vector<ScoreEdit> edits, const QString &text)
{
    if (edits.empty())
        return true;
    std::vector<ScoreEdit> before;
    if (!runGuarded([&](Book &book) { before = ScoringRepository(book).setScores(edits); }))
        return false;
    std::vector<ScoreEdit> restoring = before;
    std::reverse(restoring.begin(), restoring.end());
    if (restoring == edits)
        return true; // every score was already so: nothing to undo
    auto write = [](Book &book, const std::vector<ScoreEdit> &value) {
        ScoringRepository(book).setScores(value);
    };
    auto apply = [this](const std::vector<ScoreEdit> &value) { applyScores(value); };
    m_undoStack->push(new ValueCommand<std::vector<ScoreEdit>>(
            this, std::move(before), std::move(edits), write, apply, text));
    return true;
}

QString BookSession::scoringNote(Id account) const
{
    if (!m_book)
        return {};
    try {
        return ScoringRepository(*m_book).note(account);
    } catch (const std::exception &) {
        return {}; // a missing account has no note; an edit reports the reason
    }
}

bool BookSession::setScoringNote(Id account, const QString &note)
{
    QString before;
    if (!runGuarded([&](Book &book) { before = ScoringRepository(book).setNote(account, note); }))
        return false;
    const QString after = note.trimmed();
    if (before == after)
        return true;
    auto write = [account](Book &book, const QString &value) {
        ScoringRepository(book).setNote(account, value);
    };
    auto apply = [this, account](const QString &) { applyNote(account); };
    const QString text =
            tr("Edit the scoring note of “%1”").arg(accountName(m_view.get(), account));
    m_undoStack->push(new ValueCommand<QString>(this, before, after, write, apply, text,
                                                QStringLiteral("note/%1").arg(account)));
    return true;
}

bool BookSession::setWeight(Id profile, Id factor, double weight)
{
    double before = 0;
    if (!runGuarded([&](Book &book) {
            before = ScoringRepository(book).setWeight(profile, factor, weight);
        }))
        return false;
    if (before == weight)
        return true;
    auto write = [profile, factor](Book &book, const double &value) {
        ScoringRepository(book).setWeight(profile, factor, value);
    };
    auto apply = [this, profile, factor](const double &value) {
        applyWeight(profile, factor, value);
    };
    QString factorName, profileName;
    for (const EngagementFactor &f : m_view->scoring.factors)
        if (f.id == factor)
            factorName = f.name;
    for (const WeightProfile &p : m_view->scoring.profiles)
        if (p.id == profile)
            profileName = p.name;
    const QString text = tr("Set the weight of %1 in %2 to %3")
                                 .arg(factorName, profileName, QLocale().toString(weight));
    m_undoStack->push(
            new ValueCommand<double>(this, before, weight, write, apply, text,
                                     QStringLiteral("weight/%1/%2").arg(profile).arg(factor)));
    return true;
}

bool BookSession::setRoiThresholds(double likelihood, std::optional<Minor> potential)
{
    if (!m_view) {
        reportError(tr("No book is open."));
        return false;
    }
    if (!(likelihood >= 0.0 && likelihood <= 1.0)) {
        reportError(tr("The likelihood threshold is between 0% and 100%."));
        return false;
    }
    if (potential && *potential < 0) {
        reportError(tr("The potential threshold cannot be negative."));
        return false;
    }
    const RoiSettings before = m_view->settings.roi;
    RoiSettings after = before;
    after.likelihoodThreshold = likelihood;
    after.potentialThreshold = potential;
    if (after.likelihoodThreshold == before.likelihoodThreshold
        && after.potentialThreshold == before.potentialThreshold)
        return true;
    auto write = [](Book &book, const RoiSettings &value) {
        sql::Transaction tx(book.db());
        SettingsRepository settings(book);
        settings.setValue(QStringLiteral("roi.likelihood_threshold"),
                          QString::number(value.likelihoodThreshold, 'g', 10));
        settings.setValue(QStringLiteral("roi.potential_threshold"),
                          thresholdText(value.potentialThreshold));
        tx.commit();
    };
    if (!runGuarded([&](Book &book) { write(book, after); }))
        return false;
    auto apply = [this](const RoiSettings &value) { applyRoiThresholds(value); };
    m_undoStack->push(new ValueCommand<RoiSettings>(this, before, after, write, apply,
                                                    tr("Move the ROI thresholds"),
                                                    QStringLiteral("roi-thresholds")));
    return true;
}

void BookSession::applyScores(const std::vector<ScoreEdit> &edits)
{
    if (!m_view)
        return;
    ScoreMatrix &scores = m_view->scores;
    const auto &factors = m_view->scoring.factors;
    for (const ScoreEdit &edit : edits) {
        const int row = m_view->accounts.indexOf(edit.account);
        if (row < 0)
            continue;
        for (std::size_t f = 0; f < factors.size(); ++f) {
            if (factors[f].id == edit.factor)
                scores.values[std::size_t(row) * std::size_t(scores.factorCount) + f] =
                        std::int8_t(edit.score.value_or(-1));
        }
    }
    emit scoringChanged();
}

void BookSession::applyNote(Id account)
{
    emit scoringNoteChanged(account);
}

void BookSession::applyWeight(Id profile, Id factor, double weight)
{
    if (!m_view)
        return;
    auto &scoring = m_view->scoring;
    for (WeightProfile &p : scoring.profiles) {
        if (p.id != profile)
            continue;
        for (std::size_t f = 0; f < scoring.factors.size(); ++f)
            if (scoring.factors[f].id == factor)
                p.weights[f] = weight;
    }
    emit scoringChanged();
}

void BookSession::applyRoiThresholds(const RoiSettings &roi)
{
    if (!m_view)
        return;
    m_view->settings.roi.likelihoodThreshold = roi.likelihoodThreshold;
    m_view->settings.roi.potentialThreshold = roi.potentialThreshold;
    emit scoringChanged();
}

} // namespace tp::ui
