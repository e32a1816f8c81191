#include "rowreader.h"

#include "values/common.h"
#include "values/scores.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tp::crm {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("tp::crm", text);
}

QString toQString(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Status words of Pipedrive, Dynamics (English, German, French) and friends.
std::optional<Status> statusFromWord(QStringView word)
{
    static const QHash<QString, Status> words{ { QStringLiteral("open"), Status::Open },
                                               { QStringLiteral("offen"), Status::Open },
                                               { QStringLiteral("ouvert"), Status::Open },
                                               { QStringLiteral("ouverte"), Status::Open },
                                               { QStringLiteral("in progress"), Status::Open },
                                               { QStringLiteral("won"), Status::Won },
                                               { QStringLiteral("closed won"), Status::Won },
                                               { QStringLiteral("gewonnen"), Status::Won },
                                               { QStringLiteral("gagné"), Status::Won },
                                               { QStringLiteral("gagnée"), Status::Won },
                                               { QStringLiteral("lost"), Status::Lost },
                                               { QStringLiteral("closed lost"), Status::Lost },
                                               { QStringLiteral("verloren"), Status::Lost },
                                               { QStringLiteral("perdu"), Status::Lost },
                                               { QStringLiteral("perdue"), Status::Lost },
                                               { QStringLiteral("deleted"), Status::Removed },
                                               { QStringLiteral("gelöscht"), Status::Removed },
                                               { QStringLiteral("supprimé"), Status::Removed } };
    return words.contains(word.trimmed().toString().toCaseFolded())
            ? std::optional<Status>(words.value(word.trimmed().toString().toCaseFolded()))
            : std::nullopt;
}

// An activity type from what CRMs write: Salesforce task subtypes and event types, HubSpot
// engagement types, German and French labels. Anything else is "other".
QString activityType(const QString &word)
{
    static const QHash<QString, QString> types{
        { QStringLiteral("call"), QStringLiteral("call") },
        { QStringLiteral("phone call"), QStringLiteral("call") },
        { QStringLiteral("phone"), QStringLiteral("call") },
        { QStringLiteral("anruf"), QStringLiteral("call") },
        { QStringLiteral("telefonat"), QStringLiteral("call") },
        { QStringLiteral("appel"), QStringLiteral("call") },
        { QStringLiteral("appel téléphonique"), QStringLiteral("call") },
        { QStringLiteral("email"), QStringLiteral("email") },
        { QStringLiteral("e-mail"), QStringLiteral("email") },
        { QStringLiteral("listemail"), QStringLiteral("email") },
        { QStringLiteral("mail"), QStringLiteral("email") },
        { QStringLiteral("courriel"), QStringLiteral("email") },
        { QStringLiteral("meeting"), QStringLiteral("meeting") },
        { QStringLiteral("event"), QStringLiteral("meeting") },
        { QStringLiteral("demo"), QStringLiteral("meeting") },
        { QStringLiteral("besprechung"), QStringLiteral("meeting") },
        { QStringLiteral("termin"), QStringLiteral("meeting") },
        { QStringLiteral("réunion"), QStringLiteral("meeting") },
        { QStringLiteral("rendez-vous"), QStringLiteral("meeting") }
    };
    return types.value(word.trimmed().toCaseFolded(), QStringLiteral("other"));
}

} // namespace

RowReader::RowReader(const Analysis &analysis, const StageResolver &stages)
    : m_analysis(analysis), m_stages(stages), m_columns(fieldCount, -1)
{
    for (const auto &[field, column] : analysis.columns)
        m_columns[std::size_t(field)] = column;
    m_salesforceIds = analysis.presetId.startsWith(QLatin1String("salesforce"));
}

std::string_view RowReader::cell(const csv::Record &record, Field field) const
{
    const int column = m_columns[std::size_t(field)];
    if (column < 0 || column >= int(record.fields.size()))
        return {};
    return values::withoutFormulaGuard(record.fields[std::size_t(column)]);
}

void RowReader::reject(std::vector<Rejection> &rejections, const csv::Record &record, Field field,
                       const QString &reason) const
{
    const int column = m_columns[std::size_t(field)];
    rejections.push_back({ record.line, column + 1, fieldLabel(field),
                           toQString(values::trimmed(cell(record, field))), reason });
}

QString RowReader::text(const csv::Record &record, Field field) const
{
    return toQString(values::trimmed(cell(record, field)));
}

bool RowReader::salesforceIds(Field field) const
{
    if (m_salesforceIds)
        return true;
    // Another file of Salesforce ids (an activities export): the same canonical form, so that
    // its ids meet those of the deals.
    const auto report = m_analysis.identifiers.find(field);
    return report != m_analysis.identifiers.end() && report->second.allSalesforce();
}

QString RowReader::identifier(const csv::Record &record, Field field) const
{
    const std::string_view v = values::trimmed(cell(record, field));
    if (v.empty())
        return {};
    // A 15-character Salesforce id and its 18-character form are one record.
    return salesforceIds(field) ? QString::fromStdString(values::idLookupKey(v)) : toQString(v);
}

bool RowReader::date(const csv::Record &record, Field field, QDate &out,
                     std::vector<Rejection> &rejections) const
{
    const auto format = m_analysis.dates.find(field);
    if (format == m_analysis.dates.end())
        return true;
    const auto result = values::parseDate(cell(record, field), format->second);
    if (result.isInvalid()) {
        reject(rejections, record, field, result.error);
        return false;
    }
    out = result.hasValue() ? result.value : QDate();
    return true;
}

bool RowReader::amount(const csv::Record &record, Field field, std::optional<Minor> &out,
                       std::string &currency, std::vector<Rejection> &rejections) const
{
    const auto format = m_analysis.amounts.find(field);
    if (format == m_analysis.amounts.end())
        return true;
    const auto result = values::parseAmount(cell(record, field), format->second);
    if (result.isInvalid()) {
        reject(rejections, record, field, result.error);
        return false;
    }
    if (!result.hasValue())
        return true;
    out = result.value.minor;
    if (!result.value.currency.isEmpty()) {
        const std::string_view found = result.value.currency.code();
        if (!currency.empty() && !values::detail::equalsIgnoringCase(currency, found)) {
            reject(rejections, record, field,
                   translate("the amount is in %1 but the currency column says %2")
                           .arg(result.value.currency.toString(), toQString(currency)));
            return false;
        }
        currency.assign(found.data(), found.size());
    }
    return true;
}

bool RowReader::checkWidth(const csv::Record &record, std::vector<Rejection> &rejections) const
{
    const auto width = std::size_t(m_analysis.header.size());
    if (record.fields.size() == width)
        return true;
    if (record.fields.size() > width) {
        bool extraEmpty = true;
        for (std::size_t i = width; i < record.fields.size(); ++i)
            extraEmpty = extraEmpty && values::trimmed(record.fields[i]).empty();
        if (extraEmpty)
            return true;
    }
    // Short rows are fine when every mapped column is there (exports drop trailing empties).
    if (record.fields.size() < width) {
        bool allMapped = true;
        for (const auto &[field, column] : m_analysis.columns)
            allMapped = allMapped && column < int(record.fields.size());
        if (allMapped)
            return true;
    }
    rejections.push_back({ record.line, 0, QString(), QString(),
                           translate("expected %1 columns as in the header, found %2")
                                   .arg(width)
                                   .arg(record.fields.size()) });
    return false;
}

void RowReader::textInto(const csv::Record &record, Field field, std::string &out) const
{
    const std::string_view v = values::trimmed(cell(record, field));
    out.assign(v.data(), v.size());
}

void RowReader::identifierInto(const csv::Record &record, Field field, std::string &out) const
{
    const std::string_view v = values::trimmed(cell(record, field));
    // A 15-character Salesforce id and its 18-character form are one record.
    if (!v.empty() && salesforceIds(field))
        values::assignIdLookupKey(v, out);
    else
        out.assign(v.data(), v.size());
}

std::optional<Stage> RowReader::stageOf(std::string_view value) const
{
    // A file has a handful of distinct stage values: resolve each once.
    for (const auto &[text, stage] : m_stageCache) {
        if (text == value)
            return stage;
    }
    const std::optional<Stage> stage = m_stages.resolve(toQString(value));
    if (m_stageCache.size() < 32) // more is free text, not stages: no use remembering
        m_stageCache.emplace_back(std::string(value), stage);
    return stage;
}

bool RowReader::readOpportunity(const csv::Record &record, OpportunityInput &out,
                                std::vector<Rejection> &rejections) const
{
    const std::size_t before = rejections.size();
    out.line = record.line;
    identifierInto(record, Field::CrmId, out.crmId);
    if (const DealNaming &naming = m_analysis.dealNaming; naming.used()) {
        out.name = dealNameOf(record, naming); // no name column: named after other columns
        if (out.name.empty()) {
            const int column = naming.columns.front();
            rejections.push_back({ record.line,
                                   column + 1,
                                   fieldLabel(Field::Name),
                                   {},
                                   translate("expected a value to name the deal by (the file has "
                                             "no name column), found nothing") });
        }
    } else {
        textInto(record, Field::Name, out.name);
        if (out.name.empty())
            reject(rejections, record, Field::Name,
                   translate("expected the opportunity's name, found nothing"));
    }
    textInto(record, Field::AccountName, out.accountName);
    identifierInto(record, Field::AccountCrmId, out.accountCrmId);
    textInto(record, Field::Owner, out.owner);
    identifierInto(record, Field::OwnerCrmId, out.ownerCrmId);
    textInto(record, Field::OwnerEmail, out.ownerEmail);
    textInto(record, Field::NextStep, out.nextStep);
    textInto(record, Field::Currency, out.currency);
    for (char &c : out.currency)
        c = (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    out.stage = Stage::Qualify;
    out.closedFrom.reset();
    out.amount.reset();
    out.probability.reset();
    out.closeDate = out.created = out.lastActivity = out.stageChanged = out.closedDate = QDate();

    const std::string_view stageText = values::trimmed(cell(record, Field::Stage));
    const std::optional<Stage> stage = stageOf(stageText);
    const QString statusWord =
            m_columns[std::size_t(Field::Status)] >= 0 ? text(record, Field::Status) : QString();
    const std::optional<Status> closedByStatus = [&]() -> std::optional<Status> {
        const auto s = statusFromWord(statusWord);
        return s == Status::Won || s == Status::Lost ? s : std::nullopt;
    }();
    // A closed deal's status says Won or Lost without a stage beside it.
    if (!stage && !(stageText.empty() && closedByStatus))
        reject(rejections, record, Field::Stage,
               stageText.empty()
                       ? translate("expected a stage, found nothing")
                       : translate("no stage is mapped to \"%1\"").arg(toQString(stageText)));
    else if (stage)
        out.stage = *stage;
    // A status column (or Salesforce's Closed and Won flags) decides Won and Lost.
    if (m_columns[std::size_t(Field::Status)] >= 0) {
        const QString &word = statusWord;
        const auto status = statusFromWord(word);
        if (!word.isEmpty() && !status)
            reject(rejections, record, Field::Status,
                   translate("expected Open, Won or Lost, found \"%1\"").arg(word));
        else if (status == Status::Won || status == Status::Lost) {
            // The stage beside the status is where the deal closed from, when it is an open one.
            if (stage && isOpenStage(*stage))
                out.closedFrom = *stage;
            out.stage = status == Status::Won ? Stage::Won : Stage::Lost;
        } else if (status == Status::Open && !isOpenStage(out.stage))
            reject(rejections, record, Field::Status,
                   translate("the status says open but the stage \"%1\" is closed")
                           .arg(toQString(stageText)));
    }
    if (m_columns[std::size_t(Field::IsClosed)] >= 0) {
        const auto closed = values::parseBoolean(cell(record, Field::IsClosed));
        const auto won = values::parseBoolean(cell(record, Field::IsWon));
        if (closed.isInvalid())
            reject(rejections, record, Field::IsClosed, closed.error);
        else if (won.isInvalid())
            reject(rejections, record, Field::IsWon, won.error);
        else if (closed.hasValue() && closed.value)
            out.stage = won.hasValue() && won.value ? Stage::Won : Stage::Lost;
    }

    if (amount(record, Field::Amount, out.amount, out.currency, rejections) && out.amount
        && *out.amount < 0)
        reject(rejections, record, Field::Amount,
               translate("expected an amount of 0 or more; a deal's amount cannot be negative (a "
                         "credit note is no deal: leave it out of the export)"));
    if (const auto format = m_analysis.probabilities.find(Field::Probability);
        format != m_analysis.probabilities.end()) {
        const auto p = values::parseProbability(cell(record, Field::Probability), format->second);
        if (p.isInvalid())
            reject(rejections, record, Field::Probability, p.error);
        else if (p.hasValue())
            out.probability = p.value;
    }
    date(record, Field::CloseDate, out.closeDate, rejections);
    date(record, Field::CreatedDate, out.created, rejections);
    date(record, Field::LastActivity, out.lastActivity, rejections);
    date(record, Field::StageChanged, out.stageChanged, rejections);
    QDate won, lost;
    date(record, Field::WonTime, won, rejections);
    date(record, Field::LostTime, lost, rejections);
    if (out.stage == Stage::Won && won.isValid())
        out.closedDate = won;
    else if (out.stage == Stage::Lost && lost.isValid())
        out.closedDate = lost;
    out.hasForecastCategory = m_columns[std::size_t(Field::ForecastCategory)] >= 0;
    out.forecastCategory.reset();
    if (out.hasForecastCategory) {
        const QString category = text(record, Field::ForecastCategory);
        out.forecastCategory = forecastCategoryFromCrm(category);
        if (!category.isEmpty() && !out.forecastCategory)
            reject(rejections, record, Field::ForecastCategory,
                   translate("expected a forecast category (Pipeline, Best Case, Commit, Closed "
                             "or Omitted), found \"%1\"")
                           .arg(category));
    }
    return rejections.size() == before;
}

bool RowReader::readQuota(const csv::Record &record, QuotaInput &out,
                          std::vector<Rejection> &rejections) const
{
    const std::size_t before = rejections.size();
    out.rep = text(record, Field::Owner);
    out.period = text(record, Field::Period).toUpper();
    if (out.rep.isEmpty())
        reject(rejections, record, Field::Owner,
               translate("expected the rep's name, found nothing"));
    static const QRegularExpression quarter(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    static const QRegularExpression reversed(QStringLiteral("^Q([1-4])[- ](\\d{4})$"));
    if (const auto m = reversed.match(out.period); m.hasMatch())
        out.period = m.captured(2) + QStringLiteral("-Q") + m.captured(1);
    if (!quarter.match(out.period).hasMatch())
        reject(rejections, record, Field::Period,
               translate("expected a quarter such as 2026-Q4, found \"%1\"")
                       .arg(text(record, Field::Period)));
    std::optional<Minor> amount;
    std::string currency;
    this->amount(record, Field::Amount, amount, currency, rejections);
    if (rejections.size() == before && !amount)
        reject(rejections, record, Field::Amount,
               translate("expected the quota amount, found nothing"));
    else if (amount && *amount < 0)
        reject(rejections, record, Field::Amount, translate("a quota cannot be negative"));
    out.amount = amount.value_or(0);
    return rejections.size() == before;
}

bool RowReader::readActivity(const csv::Record &record, ActivityInput &out,
                             std::vector<Rejection> &rejections) const
{
    const std::size_t before = rejections.size();
    out.crmId = identifier(record, Field::CrmId);
    out.type = activityType(text(record, Field::ActivityType));
    out.owner = text(record, Field::Owner);
    out.accountName = text(record, Field::AccountName);
    out.accountCrmId = identifier(record, Field::AccountCrmId);
    out.opportunityCrmId = identifier(record, Field::OpportunityCrmId);
    out.subject = text(record, Field::Subject);
    out.date = QDate();
    date(record, Field::ActivityDate, out.date, rejections);
    if (rejections.size() == before && !out.date.isValid())
        reject(rejections, record, Field::ActivityDate,
               translate("expected the activity's date, found nothing"));
    return rejections.size() == before;
}

bool RowReader::readAccount(const csv::Record &record, AccountInput &out,
                            std::vector<Rejection> &rejections) const
{
    const std::size_t before = rejections.size();
    out = AccountInput();
    out.line = record.line;
    out.crmId = identifier(record, Field::CrmId);
    out.name = text(record, Field::Name);
    // A file without a name column (a published moves file: Id, OwnerId) updates the accounts
    // its CRM ids find (AccountUpserter); one with names needs a name in every row.
    if (out.name.isEmpty() && m_columns[std::size_t(Field::Name)] >= 0)
        reject(rejections, record, Field::Name,
               translate("expected the account's name, found nothing"));
    else if (out.name.isEmpty() && out.crmId.isEmpty())
        reject(rejections, record, Field::CrmId,
               translate("expected the account's CRM id, found nothing"));
    out.industry = text(record, Field::Industry);
    out.sizeBand = text(record, Field::SizeBand);
    out.region = text(record, Field::Region);
    out.billingState = text(record, Field::BillingState);
    out.billingCountry = text(record, Field::BillingCountry);
    out.territory = text(record, Field::Territory);
    out.owner = text(record, Field::Owner);
    out.ownerCrmId = identifier(record, Field::OwnerCrmId);
    out.ownerEmail = text(record, Field::OwnerEmail);
    const QString employees = text(record, Field::Employees);
    if (!employees.isEmpty()) {
        QString digits = employees;
        digits.remove(QLatin1Char(','))
                .remove(QLatin1Char('.'))
                .remove(QLatin1Char(' '))
                .remove(QChar(0xA0));
        bool ok = false;
        const int n = digits.toInt(&ok);
        if (!ok || n < 0)
            reject(rejections, record, Field::Employees,
                   translate("expected a number of employees, found \"%1\"").arg(employees));
        else
            out.employees = n;
    }
    std::string currency;
    amount(record, Field::Potential, out.potential, currency, rejections);
    if (out.potential && *out.potential < 0)
        reject(rejections, record, Field::Potential,
               translate("a revenue potential cannot be negative"));
    // A derived potential (an accounts export's own column) is not set: it stays derived.
    const auto derived = values::parseBoolean(cell(record, Field::PotentialDerived));
    if (derived.isInvalid())
        reject(rejections, record, Field::PotentialDerived, derived.error);
    else if (derived.hasValue() && derived.value)
        out.potential.reset();
    return rejections.size() == before;
}

bool RowReader::readScores(const csv::Record &record, ScoresInput &out,
                           std::vector<Rejection> &rejections) const
{
    const std::size_t before = rejections.size();
    out.line = record.line;
    out.crmId = identifier(record, Field::CrmId);
    out.name = text(record, Field::Name);
    out.written = out.crmId.isEmpty() ? out.name : text(record, Field::CrmId);
    if (out.crmId.isEmpty() && out.name.isEmpty())
        reject(rejections, record,
               m_columns[std::size_t(Field::CrmId)] >= 0 ? Field::CrmId : Field::Name,
               translate("expected the account's CRM id or name, found nothing"));
    std::string currency;
    out.potential.reset();
    amount(record, Field::Potential, out.potential, currency, rejections);
    if (out.potential && *out.potential < 0)
        reject(rejections, record, Field::Potential,
               translate("a revenue potential cannot be negative"));
    // A derived potential (the work list's own column) is not set: it stays derived.
    const auto derived = values::parseBoolean(cell(record, Field::PotentialDerived));
    if (derived.isInvalid())
        reject(rejections, record, Field::PotentialDerived, derived.error);
    else if (derived.hasValue() && derived.value)
        out.potential.reset();
    out.scores.resize(m_analysis.factors.size());
    for (std::size_t f = 0; f < m_analysis.factors.size(); ++f) {
        const FactorColumn &factor = m_analysis.factors[f];
        const std::string_view value = factor.column < int(record.fields.size())
                ? record.fields[std::size_t(factor.column)]
                : std::string_view();
        const values::Result<int> score = values::parseScore(value);
        out.scores[f] = score.hasValue() ? std::int8_t(score.value) : std::int8_t(-1);
        if (score.isInvalid())
            rejections.push_back({ record.line, factor.column + 1, factor.name,
                                   toQString(values::trimmed(value)), score.error });
    }
    return rejections.size() == before;
}

} // namespace tp::crm
