#pragma once

#include "views/bookview.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QStringList>

#include <optional>
#include <vector>

namespace tp {

// Publishing the moves (docs/METRICS.md "Territories", "Publishing"). A move is an account whose
// owner in the book differs from the owner the CRM gave it (AccountColumns::owner against
// crmOwner): moving it to a territory, or giving it to another rep, changes the book's owner only.
// The moves are written in a form the CRM's own import takes:
// - salesforce: `Id`, `OwnerId`, both 18-character Salesforce ids (a 15-character id gets its
//   case-checksum suffix, values::salesforceId18), for Data Loader's update of Account;
// - hubspot: `Record ID`, `Company owner` (the new owner's email, which HubSpot's import takes
//   for an owner; the hubspot-companies preset reads the same header back);
// - generic: the account's CRM id and name, its territory, and the reps it moves from and to
//   with their emails and CRM user ids, for people and other CRMs.
// An account the format cannot write (no CRM id, an id the CRM cannot take, no new owner, a new
// owner without a CRM user id or email) is never dropped silently: it is listed with the reason,
// and the file holds the rest. The generic file holds every move.
// The CRM formats (ids and emails) are UTF-8 without a byte-order mark (Data Loader reads a BOM
// into the first header); the generic file and the open deals have one, as every export.
enum class MovesFormat { Salesforce, HubSpot, Generic };

struct AccountMove
{
    int account = -1; // row of BookView::accounts
    int from = -1; // the owner the CRM gave it, index into BookView::reps (-1 none)
    int to = -1; // its owner in the book (-1 none)
};

struct UnpublishedMove
{
    AccountMove move;
    QString reason; // translated, e.g. "its new owner, Mia Rossi, has no CRM user id"
};

struct MovesPlan
{
    MovesFormat format = MovesFormat::Generic;
    std::vector<AccountMove> moves; // every move, by account name
    std::vector<AccountMove> published; // those the file holds, in the same order
    std::vector<UnpublishedMove> unpublished; // those it cannot hold, with the reason
    // The open deals of the moved accounts whose owner is not the account's new owner: they stay
    // with their reps (METRICS "Territories": the rep who works a deal keeps it), listed for the
    // CRM's user to check. Rows of BookView::opportunities, by account name, then deal name.
    std::vector<int> stayingDeals;
};

class MovesExport
{
    Q_DECLARE_TR_FUNCTIONS(tp::MovesExport)

public:
    static QString formatKey(MovesFormat format); // "salesforce", "hubspot", "generic"
    static std::optional<MovesFormat> formatFromKey(const QString &key);
    static QStringList formatKeys();
    static QString formatName(MovesFormat format); // translated, for the dialog

    // Every account whose book owner differs from its CRM owner, by account name (then id).
    static std::vector<AccountMove> moves(const BookView &view);
    static MovesPlan plan(const BookView &view, MovesFormat format);

    // The moves file of the plan's format (the published moves).
    static bool write(const BookView &view, const MovesPlan &plan, QIODevice &out);
    // The open deals that stay with their reps: Opportunity ID, Opportunity Name, Account ID,
    // Account Name, Owner, Owner Email, New Account Owner, Stage, Amount, Currency, Expected
    // Close Date.
    static bool writeStayingDeals(const BookView &view, const MovesPlan &plan, QIODevice &out);
    // Where the open deals go beside a moves file: "moves.csv" → "moves-open-deals.csv" (a name
    // without .csv gets "-open-deals.csv" appended).
    static QString stayingDealsPath(const QString &movesPath);
};

} // namespace tp
