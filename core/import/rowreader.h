#pragma once

#include "analysis.h"
#include "opportunityupsert.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tp::crm {

// Turns the cells of one data row into typed values with the formats the analysis decided,
// collecting a Rejection for every cell that does not parse.
class RowReader
{
public:
    RowReader(const Analysis &analysis, const StageResolver &stages);

    // False when the row is rejected (reasons appended to `rejections`).
    bool readOpportunity(const csv::Record &record, OpportunityInput &out,
                         std::vector<Rejection> &rejections) const;
    struct QuotaInput
    {
        QString rep;
        QString period;
        Minor amount = 0;
    };
    bool readQuota(const csv::Record &record, QuotaInput &out,
                   std::vector<Rejection> &rejections) const;
    struct AccountInput
    {
        qint64 line = 0;
        QString crmId, name, industry, sizeBand, region, territory, owner;
        QString billingState, billingCountry, ownerCrmId, ownerEmail;
        std::optional<int> employees;
        std::optional<Minor> potential;
    };
    bool readAccount(const csv::Record &record, AccountInput &out,
                     std::vector<Rejection> &rejections) const;
    struct ScoresInput
    {
        qint64 line = 0;
        QString crmId, name;
        QString written; // the CRM id, else the name, as the file writes it
        std::optional<Minor> potential;
        std::vector<std::int8_t> scores; // per Analysis::factors: 0..5, or -1 for not scored
    };
    // The account by CRM id or name, its potential if given, and a 0-5 score or a blank (not
    // scored) in each factor column.
    bool readScores(const csv::Record &record, ScoresInput &out,
                    std::vector<Rejection> &rejections) const;
    struct ActivityInput
    {
        QString crmId, type, owner, accountName, accountCrmId, opportunityCrmId, subject;
        QDate date;
    };
    // `type` becomes call, email, meeting or other (CRM words in English, German and French).
    bool readActivity(const csv::Record &record, ActivityInput &out,
                      std::vector<Rejection> &rejections) const;

    // A row as wide as the header (trailing empty cells aside), else a rejection.
    bool checkWidth(const csv::Record &record, std::vector<Rejection> &rejections) const;

private:
    std::string_view cell(const csv::Record &record, Field field) const;
    void reject(std::vector<Rejection> &rejections, const csv::Record &record, Field field,
                const QString &reason) const;
    QString text(const csv::Record &record, Field field) const;
    QString identifier(const csv::Record &record, Field field) const;
    bool salesforceIds(Field field) const;
    void textInto(const csv::Record &record, Field field, std::string &out) const;
    void identifierInto(const csv::Record &record, Field field, std::string &out) const;
    std::optional<Stage> stageOf(std::string_view value) const;
    bool date(const csv::Record &record, Field field, QDate &out,
              std::vector<Rejection> &rejections) const;
    bool amount(const csv::Record &record, Field field, std::optional<Minor> &out,
                std::string &currency, std::vector<Rejection> &rejections) const;

    const Analysis &m_analysis;
    const StageResolver &m_stages;
    std::vector<int> m_columns; // by Field, -1 unmapped
    bool m_salesforceIds = false;
    // The file's distinct stage values, resolved once (a handful: a linear search is fastest).
    mutable std::vector<std::pair<std::string, std::optional<Stage>>> m_stageCache;
};

} // namespace tp::crm
