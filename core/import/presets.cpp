#include "presets.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace tp::crm {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("tp::crm", text);
}

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out.append(normalizeHeader(QString::fromUtf8(n)));
    return out;
}

std::vector<Preset> makePresets()
{
    using F = Field;
    std::vector<Preset> all;
    all.push_back({ QStringLiteral("salesforce-report"),
                    translate("Salesforce report"),
                    Kind::Opportunities,
                    { { F::CrmId, names({ "Opportunity ID", "Opportunity ID (18)" }) },
                      { F::Name, names({ "Opportunity Name" }) },
                      { F::AccountName, names({ "Account Name" }) },
                      { F::AccountCrmId, names({ "Account ID", "Account ID (18)" }) },
                      { F::Owner, names({ "Opportunity Owner" }) },
                      { F::Stage, names({ "Stage" }) },
                      { F::IsClosed, names({ "Closed" }) },
                      { F::IsWon, names({ "Won" }) },
                      { F::Amount, names({ "Amount" }) },
                      { F::Currency, names({ "Amount Currency", "Opportunity Currency" }) },
                      { F::Probability, names({ "Probability (%)" }) },
                      { F::CloseDate, names({ "Close Date" }) },
                      { F::CreatedDate, names({ "Created Date" }) },
                      { F::LastActivity, names({ "Last Activity" }) },
                      { F::StageChanged, names({ "Last Stage Change Date" }) },
                      { F::NextStep, names({ "Next Step" }) },
                      { F::ForecastCategory, names({ "Forecast Category" }) },
                      { F::OwnerCrmId, names({ "Opportunity Owner ID", "Owner ID" }) },
                      { F::OwnerEmail, names({ "Opportunity Owner Email", "Owner Email" }) } },
                    {},
                    true });
    all.push_back(
            { QStringLiteral("salesforce-dataloader"),
              translate("Salesforce Data Loader"),
              Kind::Opportunities,
              { { F::CrmId, names({ "Id" }) },
                { F::Name, names({ "Name" }) },
                { F::AccountName, names({ "Account.Name" }) },
                { F::AccountCrmId, names({ "AccountId" }) },
                { F::Owner, names({ "Owner.Name" }) },
                { F::Stage, names({ "StageName" }) },
                { F::IsClosed, names({ "IsClosed" }) },
                { F::IsWon, names({ "IsWon" }) },
                { F::Amount, names({ "Amount" }) },
                { F::Currency, names({ "CurrencyIsoCode" }) },
                { F::Probability, names({ "Probability" }) },
                { F::CloseDate, names({ "CloseDate" }) },
                { F::CreatedDate, names({ "CreatedDate" }) },
                { F::LastActivity, names({ "LastActivityDate" }) },
                { F::StageChanged, names({ "LastStageChangeDate" }) },
                { F::NextStep, names({ "NextStep" }) },
                { F::ForecastCategory, names({ "ForecastCategoryName", "ForecastCategory" }) },
                { F::OwnerCrmId, names({ "OwnerId" }) },
                { F::OwnerEmail, names({ "Owner.Email" }) } },
              {} });
    all.push_back(
            { QStringLiteral("hubspot"),
              translate("HubSpot"),
              Kind::Opportunities,
              { { F::CrmId, names({ "Record ID", "Deal ID" }) },
                { F::Name, names({ "Deal Name" }) },
                { F::AccountName, names({ "Associated Company", "Associated Company (Primary)" }) },
                { F::AccountCrmId,
                  names({ "Associated Company IDs (Primary)", "Associated Company IDs" }) },
                { F::Owner, names({ "Deal owner", "Deal Owner" }) },
                { F::Stage, names({ "Deal Stage" }) },
                { F::Amount, names({ "Amount" }) },
                { F::Currency, names({ "Currency" }) },
                { F::Probability, names({ "Deal probability" }) },
                { F::CloseDate, names({ "Close Date" }) },
                { F::CreatedDate, names({ "Create Date" }) },
                { F::LastActivity, names({ "Last Activity Date" }) },
                { F::NextStep, names({ "Next step" }) },
                { F::ForecastCategory, names({ "Forecast category", "hs_forecast_category" }) },
                { F::OwnerEmail, names({ "Deal owner email", "Deal Owner Email" }) },
                { F::OwnerCrmId, names({ "HubSpot Owner ID", "Deal owner ID" }) } },
              names({ "Pipeline" }) });
    all.push_back({ QStringLiteral("pipedrive"),
                    translate("Pipedrive"),
                    Kind::Opportunities,
                    { { F::CrmId, names({ "Deal - ID" }) },
                      { F::Name, names({ "Deal - Title" }) },
                      { F::AccountName, names({ "Deal - Organization" }) },
                      { F::AccountCrmId, names({ "Deal - Organization ID" }) },
                      { F::Owner, names({ "Deal - Owner" }) },
                      { F::Stage, names({ "Deal - Stage" }) },
                      { F::Status, names({ "Deal - Status" }) },
                      { F::Amount, names({ "Deal - Value" }) },
                      { F::Currency, names({ "Deal - Currency" }) },
                      { F::Probability, names({ "Deal - Probability" }) },
                      { F::CloseDate, names({ "Deal - Expected close date" }) },
                      { F::CreatedDate, names({ "Deal - Deal created" }) },
                      { F::LastActivity, names({ "Deal - Last activity date" }) },
                      { F::StageChanged, names({ "Deal - Last stage change" }) },
                      { F::WonTime, names({ "Deal - Won time" }) },
                      { F::LostTime, names({ "Deal - Lost time" }) },
                      { F::NextStep, names({ "Deal - Next activity subject" }) } },
                    names({ "Deal - Pipeline" }) });
    all.push_back({ QStringLiteral("zoho"),
                    translate("Zoho CRM"),
                    Kind::Opportunities,
                    { { F::CrmId, names({ "Record Id" }) },
                      { F::Name, names({ "Deal Name" }) },
                      { F::AccountName, names({ "Account Name" }) },
                      { F::AccountCrmId, names({ "Account Name.id" }) },
                      { F::Owner, names({ "Deal Owner" }) },
                      { F::Stage, names({ "Stage" }) },
                      { F::Amount, names({ "Amount" }) },
                      { F::Currency, names({ "Currency" }) },
                      { F::Probability, names({ "Probability (%)" }) },
                      { F::CloseDate, names({ "Closing Date" }) },
                      { F::CreatedDate, names({ "Created Time" }) },
                      { F::LastActivity, names({ "Last Activity Time" }) },
                      { F::NextStep, names({ "Next Step" }) } },
                    names({ "Deal Owner.id", "Layout", "Pipeline" }) });
    all.push_back(
            { QStringLiteral("dynamics"),
              translate("Dynamics 365"),
              Kind::Opportunities,
              { { F::CrmId, names({ "(Do Not Modify) Opportunity" }) },
                { F::Name, names({ "Topic", "Thema", "Sujet" }) },
                { F::AccountName,
                  names({ "Potential Customer", "Potenzieller Kunde", "Client potentiel" }) },
                { F::Owner, names({ "Owner", "Besitzer", "Propriétaire" }) },
                { F::Stage, names({ "Pipeline Phase", "Pipelinephase", "Phase du pipeline" }) },
                { F::Status, names({ "Status", "Statut" }) },
                { F::Amount,
                  names({ "Est. revenue", "Est. Revenue", "Geschätzter Umsatz",
                          "Revenu estimé" }) },
                { F::Currency, names({ "Currency", "Währung", "Devise" }) },
                { F::Probability, names({ "Probability", "Wahrscheinlichkeit", "Probabilité" }) },
                { F::CloseDate,
                  names({ "Est. close date", "Est. Close Date", "Geschätztes Abschlussdatum",
                          "Date de clôture estimée" }) },
                { F::CreatedDate, names({ "Created On", "Erstellt am", "Créé le" }) },
                { F::ForecastCategory,
                  names({ "Forecast Category", "Prognosekategorie", "Catégorie de prévision" }) } },
              names({ "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On" }) });
    all.push_back({ QStringLiteral("salesforce-accounts"),
                    translate("Salesforce accounts report"),
                    Kind::Accounts,
                    { { F::CrmId, names({ "Account ID", "Account ID (18)", "Id" }) },
                      { F::Name, names({ "Account Name", "Name" }) },
                      { F::Industry, names({ "Industry" }) },
                      { F::Employees, names({ "Employees", "NumberOfEmployees" }) },
                      { F::BillingState, names({ "Billing State/Province", "BillingState" }) },
                      { F::BillingCountry, names({ "Billing Country", "BillingCountry" }) },
                      { F::Territory, names({ "Territory", "Territory Name", "Sales Territory" }) },
                      { F::Owner, names({ "Account Owner", "Owner.Name" }) },
                      { F::OwnerCrmId, names({ "Account Owner ID", "OwnerId", "Owner ID" }) },
                      { F::OwnerEmail, names({ "Account Owner Email", "Owner.Email" }) } },
                    names({ "Annual Revenue", "Type" }) });
    all.push_back({ QStringLiteral("hubspot-companies"),
                    translate("HubSpot companies"),
                    Kind::Accounts,
                    { { F::CrmId, names({ "Record ID", "Company ID" }) },
                      { F::Name, names({ "Company name", "Name" }) },
                      { F::Industry, names({ "Industry" }) },
                      { F::Employees, names({ "Number of Employees" }) },
                      { F::BillingState, names({ "State/Region" }) },
                      { F::BillingCountry, names({ "Country/Region" }) },
                      { F::Owner, names({ "Company owner" }) },
                      { F::OwnerCrmId, names({ "HubSpot Owner ID", "Company owner ID" }) },
                      { F::OwnerEmail, names({ "Company owner email", "Owner email" }) } },
                    names({ "Annual Revenue", "City", "Lifecycle Stage", "Create Date",
                            "Last Activity Date", "Phone Number", "Company Domain Name" }) });
    all.push_back(
            { QStringLiteral("activities"),
              translate("Activities export"),
              Kind::Activities,
              { { F::CrmId, names({ "Activity ID", "Task ID", "Id" }) },
                { F::ActivityType,
                  names({ "Type", "Task Type", "Activity Type", "Task Subtype" }) },
                { F::ActivityDate, names({ "Date", "Due Date", "Activity Date", "ActivityDate" }) },
                { F::Owner, names({ "Assigned", "Assigned To", "Owner", "Rep" }) },
                { F::AccountName, names({ "Account", "Account Name", "Company" }) },
                { F::AccountCrmId, names({ "Account ID", "AccountId" }) },
                { F::OpportunityCrmId, names({ "Opportunity ID", "Related To ID", "WhatId" }) },
                { F::Subject, names({ "Subject" }) } },
              {} });
    all.push_back({ QStringLiteral("quotas"),
                    translate("Quotas"),
                    Kind::Quotas,
                    { { F::Owner, names({ "Rep", "Owner", "Sales Rep", "User" }) },
                      { F::Period, names({ "Period", "Quarter", "Fiscal Period" }) },
                      { F::Amount, names({ "Quota", "Amount", "Target" }) } },
                    {} });
    // Engagement scores: the account and its potential; the factor columns are named as the
    // book's factors (analyzeFile() finds them). A work list written by the export reads back.
    all.push_back({ QStringLiteral("scores"),
                    translate("Engagement scores"),
                    Kind::Scores,
                    { { F::CrmId, names({ "Account ID", "Account CRM id", "CRM id", "Id" }) },
                      { F::Name, names({ "Account", "Account Name", "Name" }) },
                      { F::Potential, names({ "Revenue potential", "Potential" }) },
                      { F::PotentialDerived, names({ "Potential derived" }) } },
                    {} });
    // The app's own exports (export --what opportunities|stalled|accounts), so that they import
    // back unchanged. Probabilities, weighted amounts and forecast categories there are what the
    // app worked out (the stage default when the CRM gave none, the rep's call), and the health
    // columns what it found: shown, not imported back.
    all.push_back({ QStringLiteral("territory-planner"),
                    translate("Territory Planner export"),
                    Kind::Opportunities,
                    { { F::CrmId, names({ "Opportunity ID" }) },
                      { F::Name, names({ "Opportunity Name" }) },
                      { F::AccountName, names({ "Account Name" }) },
                      { F::Owner, names({ "Owner" }) },
                      { F::Stage, names({ "Stage" }) },
                      { F::Status, names({ "Status" }) },
                      { F::Amount, names({ "Amount" }) },
                      { F::Currency, names({ "Currency" }) },
                      { F::CreatedDate, names({ "Created Date" }) },
                      { F::CloseDate, names({ "Expected Close Date" }) },
                      { F::LastActivity, names({ "Last Activity" }) } },
                    names({ "Probability (%)", "Weighted Amount", "Health", "Days Idle",
                            "Days In Stage", "Age (Days)", "Close Date Pushes", "Rules", "Reasons",
                            "Forecast Category" }) });
    all.push_back({ QStringLiteral("territory-planner-accounts"),
                    translate("Territory Planner accounts export"),
                    Kind::Accounts,
                    { { F::CrmId, names({ "Account ID" }) },
                      { F::Name, names({ "Account Name" }) },
                      { F::Industry, names({ "Industry" }) },
                      { F::SizeBand, names({ "Size Band" }) },
                      { F::Region, names({ "Region" }) },
                      { F::BillingState, names({ "Billing State" }) },
                      { F::BillingCountry, names({ "Billing Country" }) },
                      { F::Territory, names({ "Territory" }) },
                      { F::Owner, names({ "Owner" }) },
                      { F::Potential, names({ "Revenue Potential" }) },
                      { F::PotentialDerived, names({ "Potential Derived" }) } },
                    names({ "Open Pipeline", "Open Opportunities" }) });
    all.push_back({ QStringLiteral("generic"),
                    translate("Any CSV (map the columns)"),
                    Kind::Opportunities,
                    {},
                    {} });
    return all;
}

} // namespace

QString normalizeHeader(QStringView header)
{
    QString out = header.toString();
    for (QChar &c : out) {
        if (c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0xFEFF) || c.isSpace())
            c = QLatin1Char(' ');
    }
    out = out.simplified();
    while (out.endsWith(QLatin1Char('*')))
        out.chop(1);
    return out.trimmed().toCaseFolded();
}

const std::vector<Preset> &presets()
{
    static const std::vector<Preset> all = makePresets();
    return all;
}

const Preset *presetById(const QString &id)
{
    for (const Preset &p : presets()) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

PresetMatch matchPreset(const Preset &preset, const QStringList &header)
{
    PresetMatch match;
    match.preset = &preset;
    QStringList normalized;
    for (const QString &h : header)
        normalized.append(normalizeHeader(h));
    for (const Preset::Column &column : preset.columns) {
        int index = -1;
        for (const QString &name : column.headers) {
            index = int(normalized.indexOf(name));
            if (index >= 0)
                break;
        }
        match.columns.emplace_back(column.field, index);
        if (index >= 0)
            ++match.matched;
    }
    for (const QString &ignored : preset.ignoredHeaders) {
        if (normalized.contains(ignored))
            ++match.matched;
    }
    return match;
}

std::optional<PresetMatch> detectPreset(const QStringList &header, std::optional<Kind> kind)
{
    std::optional<PresetMatch> best;
    for (const Preset &preset : presets()) {
        if (preset.columns.empty() || (kind && preset.kind != *kind))
            continue;
        PresetMatch match = matchPreset(preset, header);
        // Ties go to the preset that knows more of its own columns (fewer left unmatched).
        if (match.matched >= 3
            && (!best || match.matched > best->matched
                || (match.matched == best->matched && match.columns.size() < best->columns.size())))
            best = std::move(match);
    }
    return best;
}

int findHeaderRow(const std::vector<QStringList> &firstRecords, std::optional<Kind> kind)
{
    for (std::size_t i = 0; i < firstRecords.size(); ++i) {
        if (detectPreset(firstRecords[i], kind))
            return int(i);
    }
    for (std::size_t i = 0; i < firstRecords.size(); ++i) {
        const QStringList &row = firstRecords[i];
        const bool allText = row.size() >= 2
                && std::all_of(row.begin(), row.end(),
                               [](const QString &c) { return !c.trimmed().isEmpty(); });
        if (!allText)
            continue;
        // A header is as wide as the rows under it.
        const bool widthMatches =
                i + 1 >= firstRecords.size() || firstRecords[i + 1].size() == row.size();
        if (widthMatches)
            return int(i);
    }
    return -1;
}

namespace {

const QRegularExpression &grandTotals()
{
    static const QRegularExpression pattern(
            QStringLiteral(
                    "^\\s*Grand Totals\\s*\\((\\d[\\d,.\\s\\x{00A0}\\x{202F}]*)records?\\)\\s*$"),
            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

} // namespace

std::optional<qint64> footerRecordCount(const QString &line)
{
    const QRegularExpressionMatch m = grandTotals().match(line);
    if (!m.hasMatch())
        return std::nullopt;
    QString digits;
    for (const QChar c : m.captured(1)) {
        if (c.isDigit())
            digits.append(c);
    }
    bool ok = false;
    const qint64 n = digits.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

bool isSalesforceFooter(const QStringList &record)
{
    QStringList cells;
    for (const QString &c : record) {
        if (!c.trimmed().isEmpty())
            cells.append(c.trimmed());
    }
    if (cells.size() != 1)
        return false;
    const QString &text = cells.front();
    return grandTotals().match(text).hasMatch()
            || text.startsWith(QLatin1String("Confidential Information - Do Not Distribute"),
                               Qt::CaseInsensitive)
            || (text.startsWith(QLatin1String("Copyright"), Qt::CaseInsensitive)
                && text.contains(QLatin1String("salesforce.com"), Qt::CaseInsensitive));
}

} // namespace tp::crm
