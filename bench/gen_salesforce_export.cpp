// Writes a Salesforce "Details Only" report export of N opportunities, the input of the import
// benchmark (scripts/bench-import):
//
//   tp_gen_salesforce_export ROWS OUT.csv [SEED]
//
// Shaped like a real US-locale report: quoted UTF-8 cells, 16 columns, report-order rows (so
// opportunity ids come in no particular order), one account per ten opportunities, M/D/YYYY
// dates, now and then a multi-line "Next Step" with doubled quotes, and the report footer.
// Deterministic for a seed.
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

const char base62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// A 15-character Salesforce id: key prefix, pod, then the record number in base 62.
std::string salesforceId(const char *prefix, unsigned long number)
{
    std::string id = std::string(prefix) + "5g0";
    std::string digits(9, '0');
    for (int i = 8; i >= 0 && number > 0; --i, number /= 62)
        digits[std::size_t(i)] = base62[number % 62];
    id += digits;
    return id.substr(0, 15);
}

void quoted(std::string &out, const std::string &field)
{
    out += '"';
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s ROWS OUT.csv [SEED]\n", argv[0]);
        return 2;
    }
    const unsigned long rows = std::strtoul(argv[1], nullptr, 10);
    FILE *out = std::fopen(argv[2], "wb");
    if (!out || rows == 0) {
        std::fprintf(stderr, "cannot write %s\n", argv[2]);
        return 1;
    }
    std::mt19937_64 rng(argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 7);
    const auto pick = [&](const auto &list) { return std::string(list[rng() % std::size(list)]); };

    static const char *const owners[] = { "Mia Rossi",       "José Álvarez", "Tom O'Neill",
                                          "Priya Natarajan", "Zoë Müller",   "Avery Chen",
                                          "Noah Williams",   "Léa Dubois",   "Kenji Sato",
                                          "Fatima Haddad",   "Oliver Brown", "Sofia Lindqvist" };
    static const char *const companies[] = { "O'Brien",        "Vertex",  "Orbit",
                                             "Müller & Söhne", "Helios",  "Globex",
                                             "Blue Harbor",    "Initech", "Northwind",
                                             "Umbrella",       "Stark",   "Wayne" };
    static const char *const kinds[] = { "Systems", "Labs", "Energy", "Partners", "Logistics" };
    static const char *const suffixes[] = { "GmbH", "Ltd.",           "LLC",  "AG",
                                            "Inc.", "Holdings, Inc.", "S.A.", "Group" };
    static const char *const stages[] = { "Prospecting",          "Qualification",
                                          "Needs Analysis",       "Value Proposition",
                                          "Proposal/Price Quote", "Negotiation/Review",
                                          "Closed Won",           "Closed Lost" };
    static const char *const probabilities[] = { "10", "10", "20", "50", "75", "90", "100", "0" };
    static const char *const steps[] = { "Send the proposal", "Book the demo", "Call the CFO",
                                         "Security review", "" };
    static const char *const sources[] = { "Web", "Trade Show", "Partner Referral", "Cold Call" };

    const unsigned long accounts = rows / 10 + 1;
    // Report order is not id order: ids are a permutation of the row numbers.
    const auto coprime = [](unsigned long a, unsigned long b) {
        while (b) {
            const unsigned long t = a % b;
            a = b;
            b = t;
        }
        return a == 1;
    };
    unsigned long step = 2654435761UL % rows;
    if (step == 0)
        step = 1;
    while (!coprime(step, rows))
        ++step;
    const auto date = [&](int year) {
        return std::to_string(1 + rng() % 12) + '/' + std::to_string(1 + rng() % 28) + '/'
                + std::to_string(year);
    };

    std::string text = "\"Opportunity Owner\",\"Account Name\",\"Opportunity Name\",\"Stage\","
                       "\"Fiscal Period\",\"Amount Currency\",\"Amount\",\"Probability (%)\","
                       "\"Close Date\",\"Created Date\",\"Last Activity\",\"Next Step\","
                       "\"Lead Source\",\"Type\",\"Opportunity ID\",\"Account ID\"\n";
    std::vector<std::string> f(16);
    for (unsigned long row = 0; row < rows; ++row) {
        const unsigned long account = rng() % accounts;
        const std::size_t stage = rng() % std::size(stages);
        const int year = 2025 + int(rng() % 2);
        char amount[32];
        std::snprintf(amount, sizeof amount, "%lu.%02lu", 1000 + rng() % 899000, (rng() % 4) * 25);
        f[0] = pick(owners);
        f[1] = std::string(companies[account % std::size(companies)]) + ' '
                + kinds[account % std::size(kinds)] + ' ' + std::to_string(account) + ' '
                + suffixes[account % std::size(suffixes)];
        f[2] = std::string(companies[account % std::size(companies)]) + " expansion "
                + std::to_string(row);
        f[3] = stages[stage];
        f[4] = "Q" + std::to_string(1 + rng() % 4) + '-' + std::to_string(year);
        f[5] = "USD";
        f[6] = amount;
        f[7] = probabilities[stage];
        f[8] = date(year);
        f[9] = date(year - 1);
        f[10] = rng() % 5 ? date(year) : std::string();
        f[11] = row % 50 == 49 ? "Call the \"champion\" about budget,\nthen send the ROI model"
                               : pick(steps);
        f[12] = pick(sources);
        f[13] = rng() % 2 ? "New Business" : "Existing Business";
        f[14] = salesforceId("006", (row * step) % rows);
        f[15] = salesforceId("001", account);
        for (std::size_t i = 0; i < f.size(); ++i) {
            if (i > 0)
                text += ',';
            quoted(text, f[i]);
        }
        text += '\n';
        if (text.size() > (1u << 20)) {
            std::fwrite(text.data(), 1, text.size(), out);
            text.clear();
        }
    }
    text += "\n\"Grand Totals (" + std::to_string(rows)
            + " records)\"\n\n"
              "\"Confidential Information - Do Not Distribute\"\n"
              "\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n";
    std::fwrite(text.data(), 1, text.size(), out);
    return std::fclose(out) == 0 ? 0 : 1;
}
