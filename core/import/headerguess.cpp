#include "headerguess.h"

#include "csv/reader.h"
#include "values/common.h"

#include <algorithm>

namespace tp::crm {

QString headerWords(QStringView header)
{
    QString out;
    out.reserve(header.size() + 4);
    QChar previous;
    for (const QChar c : header) {
        if (c.isLetterOrNumber() || c == QLatin1Char('%')) {
            // camelCase: a capital after a small letter or a digit starts a word.
            if (c.isUpper() && (previous.isLower() || previous.isDigit()))
                out.append(QLatin1Char(' '));
            out.append(c);
        } else {
            out.append(QLatin1Char(' '));
        }
        previous = c;
    }
    return out.simplified().toCaseFolded();
}

namespace {

struct Spellings
{
    Field field;
    std::vector<const char *> words; // as headerWords() reads them, most likely first
};

// Who owns a deal, an account, an activity or a quota.
#define TP_OWNER_WORDS \
    "owner", "owner name", "sales agent", "agent", "sales rep", "rep", "rep name", \
            "sales representative", "representative", "salesperson", "sales person", "seller", \
            "account executive", "ae", "user", "assigned to", "assignee", "verantwortlicher", \
            "verantwortlich", "vertriebsmitarbeiter", "vertriebler", "besitzer", "inhaber", \
            "zuständig", "zustaendig", "berater", "außendienst", "aussendienst"

#define TP_ACCOUNT_WORDS \
    "account", "account name", "accountname", "company", "company name", "organization", \
            "organisation", "organization name", "organisation name", "org", "customer", \
            "customer name", "client", "client name", "firma", "firmenname", "unternehmen", \
            "kunde", "kundenname", "organisation name"

#define TP_ACCOUNT_ID_WORDS \
    "account id", "accountid", "company id", "organization id", "organisation id", "org id", \
            "customer id", "client id", "kunden id", "kundennummer", "kunden nr", "firmen id"

// The owner's user id and email in the CRM (rep attributes), in deal and account files.
Spellings ownerIdSpellings()
{
    return { Field::OwnerCrmId,
             { "owner id", "account owner id", "opportunity owner id", "hubspot owner id",
               "company owner id", "deal owner id", "owner user id" } };
}

Spellings ownerEmailSpellings()
{
    return { Field::OwnerEmail,
             { "owner email", "account owner email", "deal owner email", "company owner email",
               "owner e mail", "opportunity owner email", "owner email address" } };
}

const std::vector<Spellings> &opportunitySpellings()
{
    static const std::vector<Spellings> table{
        { Field::AccountCrmId, { TP_ACCOUNT_ID_WORDS } },
        { Field::CrmId,
          { "opportunity id", "opportunityid", "opp id", "deal id", "dealid", "record id",
            "opportunity number", "deal number", "deal no", "id", "verkaufschance id",
            "verkaufschancen id", "chancen id", "deal nr" } },
        { Field::Name,
          { "opportunity name", "opportunity", "opp name", "deal name", "deal", "deal title",
            "title", "name", "verkaufschance", "verkaufschancenname", "name der verkaufschance",
            "titel", "bezeichnung", "projekt", "projektname" } },
        { Field::AccountName, { TP_ACCOUNT_WORDS } },
        { Field::Owner, { "opportunity owner", "deal owner", TP_OWNER_WORDS } },
        { Field::Stage,
          { "stage", "deal stage", "opportunity stage", "sales stage", "pipeline stage",
            "stage name", "phase", "verkaufsphase", "vertriebsphase", "stufe" } },
        { Field::Status, { "status", "deal status", "opportunity status", "outcome", "zustand" } },
        { Field::Currency,
          { "currency", "currency code", "amount currency", "deal currency", "währung",
            "waehrung" } },
        { Field::Amount,
          { "amount", "value", "deal value", "deal amount", "opportunity amount",
            "opportunity value", "close value", "closed value", "deal size", "contract value",
            "revenue", "betrag", "wert", "umsatz", "auftragswert", "volumen", "summe",
            "chancenwert" } },
        { Field::Probability,
          { "probability", "probability %", "win probability", "deal probability",
            "probability percent", "win chance", "wahrscheinlichkeit",
            "abschlusswahrscheinlichkeit" } },
        { Field::CloseDate,
          { "close date", "closing date", "expected close date", "expected close", "close",
            "closed date", "close on", "abschlussdatum", "voraussichtliches abschlussdatum",
            "abschluss" } },
        { Field::CreatedDate,
          { "created date",    "create date",  "created",      "created at",  "created on",
            "creation date",   "date created", "engage date",  "engaged",     "engaged on",
            "engagement date", "open date",    "opened",       "opened on",   "start date",
            "erstellt am",     "erstellt",     "erstelldatum", "anlagedatum", "angelegt am",
            "erstellungsdatum" } },
        { Field::LastActivity,
          { "last activity", "last activity date", "last activity at", "last contact",
            "last contacted", "last contact date", "last touch", "letzte aktivität",
            "letzte aktivitaet", "letzter kontakt" } },
        { Field::StageChanged,
          { "last stage change", "last stage change date", "stage changed", "stage change date",
            "stage changed at", "stage date" } },
        { Field::WonTime, { "won date", "won time", "date won", "won at", "won on" } },
        { Field::LostTime, { "lost date", "lost time", "date lost", "lost at", "lost on" } },
        { Field::NextStep,
          { "next step", "next steps", "next action", "nächster schritt", "naechster schritt" } },
        { Field::IsClosed, { "is closed", "closed" } },
        { Field::IsWon, { "is won", "won" } },
        { Field::ForecastCategory,
          { "forecast category", "forecast category name", "hs forecast category",
            "prognosekategorie" } },
        ownerIdSpellings(),
        ownerEmailSpellings(),
    };
    return table;
}

const std::vector<Spellings> &accountSpellings()
{
    static const std::vector<Spellings> table{
        { Field::CrmId, { TP_ACCOUNT_ID_WORDS, "id", "record id" } },
        { Field::Name, { TP_ACCOUNT_WORDS, "name" } },
        { Field::Owner, { "account owner", TP_OWNER_WORDS } },
        { Field::Industry, { "industry", "sector", "vertical", "branche", "industrie" } },
        { Field::Employees,
          { "employees", "employee count", "number of employees", "headcount", "staff",
            "mitarbeiteranzahl", "anzahl mitarbeiter", "beschäftigte", "beschaeftigte" } },
        { Field::SizeBand,
          { "size band", "size", "company size", "segment", "größe", "groesse",
            "unternehmensgröße" } },
        { Field::Territory, { "territory", "sales territory", "vertriebsgebiet", "gebiet" } },
        { Field::Region, { "region", "sales region", "area" } },
        { Field::BillingState,
          { "billing state province", "billing state", "state province", "state region", "state",
            "province", "bundesland", "shipping state province",
            "organization address state county", "organisation address state county" } },
        { Field::BillingCountry,
          { "billing country", "country", "country region", "shipping country", "land",
            "organization address country", "organisation address country" } },
        ownerIdSpellings(),
        ownerEmailSpellings(),
        { Field::Potential,
          { "revenue potential", "potential", "sales potential", "umsatzpotenzial",
            "umsatzpotential", "potenzial" } },
        { Field::PotentialDerived, { "potential derived" } },
    };
    return table;
}

const std::vector<Spellings> &activitySpellings()
{
    static const std::vector<Spellings> table{
        { Field::OpportunityCrmId, { "opportunity id", "deal id", "opp id", "related deal id" } },
        { Field::AccountCrmId, { TP_ACCOUNT_ID_WORDS } },
        { Field::CrmId, { "activity id", "task id", "event id", "id", "record id" } },
        { Field::AccountName, { TP_ACCOUNT_WORDS } },
        { Field::Owner, { "activity owner", "assigned", TP_OWNER_WORDS } },
        { Field::ActivityType,
          { "activity type", "type", "task type", "kind", "typ", "art", "aktivitätstyp" } },
        { Field::ActivityDate,
          { "activity date", "date", "completed date", "completed", "done date", "due date",
            "datum", "erledigt am" } },
        { Field::Subject, { "subject", "title", "description", "betreff", "beschreibung" } },
    };
    return table;
}

const std::vector<Spellings> &quotaSpellings()
{
    static const std::vector<Spellings> table{
        { Field::Owner, { TP_OWNER_WORDS } },
        { Field::Period, { "period", "quarter", "fiscal period", "zeitraum", "quartal" } },
        { Field::Amount,
          { "quota", "target", "amount", "quota amount", "ziel", "soll", "vertriebsziel",
            "planwert" } },
    };
    return table;
}

#undef TP_OWNER_WORDS
#undef TP_ACCOUNT_WORDS
#undef TP_ACCOUNT_ID_WORDS

const std::vector<Spellings> &spellingsOf(Kind kind)
{
    static const std::vector<Spellings> none;
    switch (kind) {
    case Kind::Opportunities:
        return opportunitySpellings();
    case Kind::Accounts:
        return accountSpellings();
    case Kind::Activities:
        return activitySpellings();
    case Kind::Quotas:
        return quotaSpellings();
    case Kind::Scores:
        return none; // named by the book's factors (analyzeFile())
    }
    return none;
}

int columnOf(const std::vector<std::pair<Field, int>> &columns, Field field)
{
    for (const auto &[f, c] : columns) {
        if (f == field)
            return c;
    }
    return -1;
}

} // namespace

std::vector<std::pair<Field, int>> guessColumns(const QStringList &header, Kind kind)
{
    QStringList words;
    for (const QString &h : header)
        words.append(headerWords(h));
    std::vector<bool> taken(std::size_t(header.size()), false);
    std::vector<std::pair<Field, int>> found;
    for (const Spellings &spellings : spellingsOf(kind)) {
        for (const char *spelling : spellings.words) {
            const QString word = QString::fromUtf8(spelling);
            int column = -1;
            for (int c = 0; c < words.size() && column < 0; ++c) {
                if (!taken[std::size_t(c)] && words[c] == word)
                    column = c;
            }
            if (column >= 0) {
                taken[std::size_t(column)] = true;
                found.emplace_back(spellings.field, column);
                break;
            }
        }
    }
    // In the order the mapping page lists the fields.
    const std::vector<Field> &order = fieldsOf(kind);
    std::sort(found.begin(), found.end(), [&order](const auto &a, const auto &b) {
        return std::find(order.begin(), order.end(), a.first)
                < std::find(order.begin(), order.end(), b.first);
    });
    return found;
}

DealNaming dealNamingFor(const QStringList &header,
                         const std::vector<std::pair<Field, int>> &columns)
{
    DealNaming naming;
    if (columnOf(columns, Field::Name) >= 0)
        return naming;
    naming.idColumn = columnOf(columns, Field::CrmId);
    int product = -1;
    static const QStringList productWords{
        QStringLiteral("product"), QStringLiteral("product name"), QStringLiteral("products"),
        QStringLiteral("item"),    QStringLiteral("service"),      QStringLiteral("offering"),
        QStringLiteral("produkt"), QStringLiteral("produktname"),  QStringLiteral("artikel"),
        QStringLiteral("leistung")
    };
    for (const QString &word : productWords) {
        for (int c = 0; c < header.size() && product < 0; ++c) {
            const bool mapped = std::any_of(columns.begin(), columns.end(),
                                            [c](const auto &p) { return p.second == c; });
            if (!mapped && headerWords(header[c]) == word)
                product = c;
        }
        if (product >= 0)
            break;
    }
    const int account = columnOf(columns, Field::AccountName);
    if (account >= 0)
        naming.columns.push_back(account);
    if (product >= 0)
        naming.columns.push_back(product);
    else if (naming.idColumn >= 0)
        naming.columns.push_back(naming.idColumn);
    return naming;
}

std::string dealNameOf(const csv::Record &record, const DealNaming &naming)
{
    auto cell = [&record](int column) -> std::string_view {
        if (column < 0 || column >= int(record.fields.size()))
            return {};
        return values::trimmed(values::withoutFormulaGuard(record.fields[std::size_t(column)]));
    };
    std::string name;
    for (const int column : naming.columns) {
        const std::string_view part = cell(column);
        if (part.empty())
            continue;
        if (!name.empty())
            name += " \u2013 ";
        name.append(part.data(), part.size());
    }
    if (name.empty()) {
        const std::string_view id = cell(naming.idColumn);
        name.assign(id.data(), id.size());
    }
    return name;
}

} // namespace tp::crm
