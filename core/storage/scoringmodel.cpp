#include "scoringmodel.h"

#include "domain/errors.h"

#include <algorithm>

namespace tp {

namespace {

QString folded(const QString &text)
{
    return text.trimmed().toCaseFolded();
}

} // namespace

void ScoringModelRepository::requireFactor(Id factor)
{
    auto st = m_db.prepare("SELECT 1 FROM engagement_factors WHERE id = ?");
    st.bind(1, factor);
    if (!st.step())
        throw InputError(tr("The engagement factor no longer exists."));
}

std::vector<Id> ScoringModelRepository::factorOrder()
{
    std::vector<Id> order;
    auto st = m_db.prepare("SELECT id FROM engagement_factors ORDER BY position, id");
    while (st.step())
        order.push_back(st.int64(0));
    return order;
}

void ScoringModelRepository::writeOrder(const std::vector<Id> &order)
{
    auto st = m_db.prepare("UPDATE engagement_factors SET position = ? WHERE id = ?");
    for (std::size_t i = 0; i < order.size(); ++i)
        st.bind(1, qint64(i + 1)).bind(2, order[i]).run();
}

void ScoringModelRepository::checkFactorName(const QString &name, Id except)
{
    if (name.isEmpty())
        throw InputError(tr("An engagement factor needs a name."));
    auto st = m_db.prepare("SELECT id, name FROM engagement_factors");
    while (st.step()) {
        if (st.int64(0) != except && folded(st.text(1)) == folded(name))
            throw InputError(tr("There is a factor named “%1” already.").arg(st.text(1)));
    }
}

FactorRecord ScoringModelRepository::addFactor(const QString &name, const QString &description)
{
    FactorRecord record;
    record.factor.name = name.trimmed();
    record.factor.description = description.trimmed();
    checkFactorName(record.factor.name, 0);
    sql::Transaction tx(m_db);
    const std::vector<Id> order = factorOrder();
    auto insert = m_db.prepare("INSERT INTO engagement_factors (name, description, position) "
                               "VALUES (?, ?, ?)");
    insert.bind(1, record.factor.name)
            .bind(2,
                  record.factor.description.isEmpty() ? std::optional<QString>()
                                                      : record.factor.description)
            .bind(3, qint64(order.size() + 1))
            .run();
    record.factor.id = m_db.lastInsertId();
    record.index = int(order.size());
    auto profiles = m_db.prepare("SELECT id FROM weight_profiles ORDER BY id");
    auto weight = m_db.prepare("INSERT INTO profile_weights (profile_id, factor_id, weight) "
                               "VALUES (?, ?, 1)");
    while (profiles.step()) {
        const Id profile = profiles.int64(0);
        weight.bind(1, profile).bind(2, record.factor.id).run();
        record.weights.emplace_back(profile, 1.0);
    }
    tx.commit();
    return record;
}

FactorRecord ScoringModelRepository::removeFactor(Id factor)
{
    requireFactor(factor);
    std::vector<Id> order = factorOrder();
    if (order.size() <= 1)
        throw InputError(tr("The book needs at least one engagement factor."));
    FactorRecord record;
    {
        auto st = m_db.prepare("SELECT name, coalesce(description, '') FROM engagement_factors "
                               "WHERE id = ?");
        st.bind(1, factor);
        st.step();
        record.factor = { factor, st.text(0), st.text(1) };
    }
    record.index = int(std::find(order.begin(), order.end(), factor) - order.begin());
    {
        auto st = m_db.prepare("SELECT profile_id, weight FROM profile_weights WHERE factor_id = ? "
                               "ORDER BY profile_id");
        st.bind(1, factor);
        while (st.step())
            record.weights.emplace_back(st.int64(0), st.real(1));
    }
    {
        auto st = m_db.prepare("SELECT account_id, score FROM account_scores WHERE factor_id = ? "
                               "ORDER BY account_id");
        st.bind(1, factor);
        while (st.step())
            record.scores.emplace_back(st.int64(0), st.integer(1));
    }
    sql::Transaction tx(m_db);
    for (const char *sql : { "DELETE FROM account_scores WHERE factor_id = ?",
                             "DELETE FROM profile_weights WHERE factor_id = ?",
                             "DELETE FROM engagement_factors WHERE id = ?" })
        m_db.prepare(sql).bind(1, factor).run();
    order.erase(order.begin() + record.index);
    writeOrder(order);
    tx.commit();
    return record;
}

void ScoringModelRepository::restoreFactor(const FactorRecord &record)
{
    const EngagementFactor &f = record.factor;
    {
        auto st = m_db.prepare("SELECT 1 FROM engagement_factors WHERE id = ?");
        st.bind(1, f.id);
        if (st.step())
            throw InputError(tr("The engagement factor “%1” is there already.").arg(f.name));
    }
    checkFactorName(f.name, f.id);
    sql::Transaction tx(m_db);
    std::vector<Id> order = factorOrder();
    m_db.prepare("INSERT INTO engagement_factors (id, name, description, position) VALUES (?, ?, "
                 "?, 0)")
            .bind(1, f.id)
            .bind(2, f.name)
            .bind(3, f.description.isEmpty() ? std::optional<QString>() : f.description)
            .run();
    auto weight = m_db.prepare(
            "INSERT INTO profile_weights (profile_id, factor_id, weight) "
            "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM weight_profiles WHERE id = ?1)");
    for (const auto &[profile, w] : record.weights)
        weight.bind(1, profile).bind(2, f.id).bind(3, w).run();
    auto score =
            m_db.prepare("INSERT INTO account_scores (account_id, factor_id, score) "
                         "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM accounts WHERE id = ?1)");
    for (const auto &[account, s] : record.scores)
        score.bind(1, account).bind(2, f.id).bind(3, s).run();
    order.insert(order.begin() + std::clamp(record.index, 0, int(order.size())), f.id);
    writeOrder(order);
    tx.commit();
}

QString ScoringModelRepository::renameFactor(Id factor, const QString &name)
{
    requireFactor(factor);
    const QString trimmed = name.trimmed();
    checkFactorName(trimmed, factor);
    auto current = m_db.prepare("SELECT name FROM engagement_factors WHERE id = ?");
    current.bind(1, factor);
    current.step();
    const QString before = current.text(0);
    m_db.prepare("UPDATE engagement_factors SET name = ? WHERE id = ?")
            .bind(1, trimmed)
            .bind(2, factor)
            .run();
    return before;
}

QString ScoringModelRepository::describeFactor(Id factor, const QString &description)
{
    requireFactor(factor);
    auto current =
            m_db.prepare("SELECT coalesce(description, '') FROM engagement_factors WHERE id = ?");
    current.bind(1, factor);
    current.step();
    const QString before = current.text(0);
    const QString trimmed = description.trimmed();
    m_db.prepare("UPDATE engagement_factors SET description = ? WHERE id = ?")
            .bind(1, trimmed.isEmpty() ? std::optional<QString>() : trimmed)
            .bind(2, factor)
            .run();
    return before;
}

int ScoringModelRepository::moveFactor(Id factor, int index)
{
    requireFactor(factor);
    std::vector<Id> order = factorOrder();
    const auto at = std::find(order.begin(), order.end(), factor);
    const int before = int(at - order.begin());
    order.erase(at);
    order.insert(order.begin() + std::clamp(index, 0, int(order.size())), factor);
    sql::Transaction tx(m_db);
    writeOrder(order);
    tx.commit();
    return before;
}

QString ScoringModelRepository::profileName(SegmentKind kind, const QString &segment)
{
    switch (kind) {
    case SegmentKind::Book:
        return tr("Book default");
    case SegmentKind::Territory:
        return tr("Territory: %1").arg(segment.trimmed());
    case SegmentKind::Industry:
        return tr("Industry: %1").arg(segment.trimmed());
    case SegmentKind::SizeBand:
        return tr("Size band: %1").arg(segment.trimmed());
    }
    return {};
}

ProfileRecord ScoringModelRepository::addProfile(SegmentKind kind, const QString &segment)
{
    if (kind == SegmentKind::Book)
        throw InputError(tr("The book has one default profile; add profiles for a territory, an "
                            "industry or a size band."));
    ProfileRecord record;
    record.kind = kind;
    record.segment = segment.trimmed();
    if (record.segment.isEmpty())
        throw InputError(tr("Name the territory, industry or size band the profile is for."));
    {
        auto st = m_db.prepare("SELECT name, coalesce(segment_value, '') FROM weight_profiles "
                               "WHERE segment_kind = ?");
        st.bind(1, segmentKindKey(kind));
        while (st.step()) {
            if (folded(st.text(1)) == folded(record.segment))
                throw InputError(tr("“%1” applies to %2 already.").arg(st.text(0), record.segment));
        }
    }
    // The name is unique: a profile someone named so already gets a number after it.
    auto taken = m_db.prepare("SELECT 1 FROM weight_profiles WHERE name = ?");
    const QString base = profileName(kind, record.segment);
    record.name = base;
    for (int n = 2;; ++n) {
        taken.reset();
        taken.bind(1, record.name);
        if (!taken.step())
            break;
        record.name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    }
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO weight_profiles (name, segment_kind, segment_value) VALUES (?, ?, ?)")
            .bind(1, record.name)
            .bind(2, segmentKindKey(kind))
            .bind(3, record.segment)
            .run();
    record.id = m_db.lastInsertId();
    // The book default's weights, 1 where it has none.
    auto weights = m_db.prepare(
            "SELECT f.id, coalesce((SELECT w.weight FROM profile_weights w JOIN weight_profiles p "
            "ON p.id = w.profile_id WHERE p.segment_kind = 'book' AND w.factor_id = f.id "
            "ORDER BY p.id LIMIT 1), 1) FROM engagement_factors f ORDER BY f.position, f.id");
    auto insert = m_db.prepare(
            "INSERT INTO profile_weights (profile_id, factor_id, weight) VALUES (?, ?, ?)");
    while (weights.step()) {
        record.weights.emplace_back(weights.int64(0), weights.real(1));
        insert.bind(1, record.id).bind(2, weights.int64(0)).bind(3, weights.real(1)).run();
    }
    tx.commit();
    return record;
}

ProfileRecord ScoringModelRepository::removeProfile(Id profile)
{
    ProfileRecord record;
    {
        auto st = m_db.prepare("SELECT name, segment_kind, coalesce(segment_value, '') "
                               "FROM weight_profiles WHERE id = ?");
        st.bind(1, profile);
        if (!st.step())
            throw InputError(tr("The weight profile no longer exists."));
        record.id = profile;
        record.name = st.text(0);
        record.kind = segmentKindFromKey(st.text(1)).value_or(SegmentKind::Book);
        record.segment = st.text(2);
    }
    if (record.kind == SegmentKind::Book)
        throw InputError(tr("The book default profile cannot be removed: it weighs every account "
                            "that no other profile matches."));
    {
        auto st = m_db.prepare("SELECT w.factor_id, w.weight FROM profile_weights w "
                               "JOIN engagement_factors f ON f.id = w.factor_id "
                               "WHERE w.profile_id = ? ORDER BY f.position, f.id");
        st.bind(1, profile);
        while (st.step())
            record.weights.emplace_back(st.int64(0), st.real(1));
    }
    sql::Transaction tx(m_db);
    m_db.prepare("DELETE FROM profile_weights WHERE profile_id = ?").bind(1, profile).run();
    m_db.prepare("DELETE FROM weight_profiles WHERE id = ?").bind(1, profile).run();
    tx.commit();
    return record;
}

void ScoringModelRepository::restoreProfile(const ProfileRecord &record)
{
    auto st = m_db.prepare("SELECT 1 FROM weight_profiles WHERE id = ? OR name = ? "
                           "OR (segment_kind = ? AND segment_value = ?)");
    st.bind(1, record.id)
            .bind(2, record.name)
            .bind(3, segmentKindKey(record.kind))
            .bind(4, record.segment);
    if (st.step())
        throw InputError(tr("The weight profile “%1” is there already.").arg(record.name));
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO weight_profiles (id, name, segment_kind, segment_value) VALUES (?, "
                 "?, ?, ?)")
            .bind(1, record.id)
            .bind(2, record.name)
            .bind(3, segmentKindKey(record.kind))
            .bind(4, record.kind == SegmentKind::Book ? std::optional<QString>() : record.segment)
            .run();
    auto weight = m_db.prepare(
            "INSERT INTO profile_weights (profile_id, factor_id, weight) "
            "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM engagement_factors WHERE id = ?2)");
    for (const auto &[factor, w] : record.weights)
        weight.bind(1, record.id).bind(2, factor).bind(3, w).run();
    tx.commit();
}

} // namespace tp
