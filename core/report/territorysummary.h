#pragma once

#include "analytics/territoryproposal.h"

#include <QString>

#include <optional>

namespace tp {

class JsonWriter;

// `territories` on the command line (docs/CLI.md "territories --json"): the territories of a
// book with their figures on a metric, as JSON with the contract's keys, or as text.
struct TerritorySummary
{
    QString currency;
    territories::Layout layout;
    territories::Report report;
    QStringList repNames; // per Layout entry: its rep's name (empty: none)
    // With --propose: the rebalancing proposal, and each moved account's name and CRM id.
    std::optional<territories::TerritoryProposal> proposal;
    QStringList movedNames, movedCrmIds;
    std::vector<Minor> movedMoney; // on a money metric: each move's m in minor units

    static TerritorySummary build(const BookView &view, territories::Metric metric,
                                  const QString &period);
    // The same with the proposal for `request`.
    static TerritorySummary build(const BookView &view, territories::Metric metric,
                                  const QString &period,
                                  const territories::ProposalRequest &request);
    QString toJson() const;
    QString toText() const;

private:
    void writeProposal(JsonWriter &json) const;
    QString proposalText() const;
    double moveValue(std::size_t move) const; // the m of a move, as the metric counts it
};

} // namespace tp
