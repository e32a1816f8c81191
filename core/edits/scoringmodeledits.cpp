// BookEditor: the engagement factors and weight profiles themselves (METRICS "Accounts").
#include "bookeditor.h"

#include "storage/book.h"
#include "storage/scoring.h"
#include "storage/scoringmodel.h"

#include <algorithm>

namespace tp {

namespace {

template<typename T>
const T *byId(const std::vector<T> &items, Id id)
{
    for (const T &item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}

QString factorName(const ScoringModel &model, Id factor)
{
    const EngagementFactor *f = byId(model.factors, factor);
    return f ? f->name : QString();
}

QString profileName(const ScoringModel &model, Id profile)
{
    const WeightProfile *p = byId(model.profiles, profile);
    return p ? p->name : QString();
}

} // namespace

BookChange BookEditor::modelEdit(const std::function<void(ScoringModelDelta &)> &edit)
{
    sql::Transaction tx(m_book.db());
    ScoringModelDelta delta;
    delta.before = ScoringRepository(m_book).model();
    edit(delta);
    delta.after = ScoringRepository(m_book).model();
    tx.commit();
    BookChange change;
    if (delta.changed())
        change.scoringModel = std::move(delta);
    return change;
}

void BookEditor::writeScoringModel(const ScoringModelDelta &d)
{
    ScoringModelRepository repository(m_book);
    for (const EngagementFactor &f : d.before.factors)
        if (!byId(d.after.factors, f.id))
            repository.removeFactor(f.id);
    for (const WeightProfile &p : d.before.profiles)
        if (!byId(d.after.profiles, p.id))
            repository.removeProfile(p.id);
    for (const WeightProfile &p : d.after.profiles) {
        if (byId(d.before.profiles, p.id))
            continue;
        for (const ProfileRecord &record : d.profiles)
            if (record.id == p.id)
                repository.restoreProfile(record);
    }
    for (const EngagementFactor &f : d.after.factors) {
        const EngagementFactor *was = byId(d.before.factors, f.id);
        if (!was) {
            for (const FactorRecord &record : d.factors)
                if (record.factor.id == f.id)
                    repository.restoreFactor(record);
            continue;
        }
        if (was->name != f.name)
            repository.renameFactor(f.id, f.name);
        if (was->description != f.description)
            repository.describeFactor(f.id, f.description);
    }
    for (std::size_t i = 0; i < d.after.factors.size(); ++i)
        repository.moveFactor(d.after.factors[i].id, int(i));
}

BookChange BookEditor::addFactor(const QString &name, const QString &description)
{
    BookChange change = modelEdit([&](ScoringModelDelta &d) {
        d.factors.push_back(ScoringModelRepository(m_book).addFactor(name, description));
    });
    change.text = tr("Add the factor “%1”").arg(name.trimmed());
    return change;
}

BookChange BookEditor::removeFactor(Id factor)
{
    QString name;
    BookChange change = modelEdit([&](ScoringModelDelta &d) {
        name = factorName(d.before, factor);
        d.factors.push_back(ScoringModelRepository(m_book).removeFactor(factor));
    });
    change.text = tr("Remove the factor “%1”").arg(name);
    return change;
}

BookChange BookEditor::renameFactor(Id factor, const QString &name)
{
    QString before;
    BookChange change = modelEdit([&](ScoringModelDelta &) {
        before = ScoringModelRepository(m_book).renameFactor(factor, name);
    });
    change.text = tr("Rename the factor “%1” to “%2”").arg(before, name.trimmed());
    return change;
}

BookChange BookEditor::describeFactor(Id factor, const QString &description)
{
    BookChange change = modelEdit([&](ScoringModelDelta &) {
        ScoringModelRepository(m_book).describeFactor(factor, description);
    });
    if (change.scoringModel)
        change.text =
                tr("Describe the factor “%1”").arg(factorName(change.scoringModel->after, factor));
    change.mergeKey = QStringLiteral("describe/%1").arg(factor);
    return change;
}

BookChange BookEditor::moveFactor(Id factor, int index)
{
    BookChange change = modelEdit(
            [&](ScoringModelDelta &) { ScoringModelRepository(m_book).moveFactor(factor, index); });
    if (change.scoringModel)
        change.text =
                tr("Move the factor “%1”").arg(factorName(change.scoringModel->after, factor));
    return change;
}

BookChange BookEditor::addProfile(SegmentKind kind, const QString &segment)
{
    QString name;
    BookChange change = modelEdit([&](ScoringModelDelta &d) {
        d.profiles.push_back(ScoringModelRepository(m_book).addProfile(kind, segment));
        name = d.profiles.back().name;
    });
    change.text = tr("Add the weight profile “%1”").arg(name);
    return change;
}

BookChange BookEditor::removeProfile(Id profile)
{
    QString name;
    BookChange change = modelEdit([&](ScoringModelDelta &d) {
        name = profileName(d.before, profile);
        d.profiles.push_back(ScoringModelRepository(m_book).removeProfile(profile));
    });
    change.text = tr("Remove the weight profile “%1”").arg(name);
    return change;
}

} // namespace tp
