#include "schema.h"

#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace tp::schema {

namespace {

// Version 1: the data model of docs/ARCHITECTURE.md with the defaults of docs/METRICS.md.
constexpr const char *version1 = R"SQL(
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE stages (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    is_open INTEGER NOT NULL,
    default_probability_bp INTEGER NOT NULL CHECK (default_probability_bp BETWEEN 0 AND 10000),
    limit_days INTEGER);
INSERT INTO stages VALUES
    (1, 'Qualify', 1, 1, 1000, 30), (2, 'Prove', 2, 1, 2500, 45),
    (3, 'Propose', 3, 1, 5000, 30), (4, 'Negotiate', 4, 1, 7500, 30),
    (5, 'Won', 5, 0, 10000, NULL), (6, 'Lost', 6, 0, 0, NULL);

CREATE TABLE stage_aliases (
    alias TEXT PRIMARY KEY COLLATE NOCASE,
    stage INTEGER NOT NULL REFERENCES stages(id));

CREATE TABLE reps (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    email TEXT,
    capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
    active INTEGER NOT NULL DEFAULT 1);

CREATE TABLE quotas (
    id INTEGER PRIMARY KEY,
    rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    UNIQUE (rep_id, period));

CREATE TABLE territories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    owner_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
    locked INTEGER NOT NULL DEFAULT 0);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    crm_id TEXT UNIQUE,
    name TEXT NOT NULL,
    industry TEXT,
    size_band TEXT,
    region TEXT,
    territory_id INTEGER REFERENCES territories(id) ON DELETE SET NULL,
    owner_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
    potential INTEGER CHECK (potential IS NULL OR potential >= 0),
    score_note TEXT);
CREATE INDEX accounts_owner ON accounts(owner_id);
CREATE INDEX accounts_territory ON accounts(territory_id);

CREATE TABLE opportunities (
    id INTEGER PRIMARY KEY,
    crm_id TEXT UNIQUE,
    account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    owner_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    amount INTEGER NOT NULL DEFAULT 0,
    currency TEXT NOT NULL DEFAULT 'USD',
    stage INTEGER NOT NULL REFERENCES stages(id),
    status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),
    probability_bp INTEGER CHECK (probability_bp IS NULL OR probability_bp BETWEEN 0 AND 10000),
    probability_override_bp INTEGER
        CHECK (probability_override_bp IS NULL OR probability_override_bp BETWEEN 0 AND 10000),
    created_date TEXT NOT NULL,
    close_date TEXT,
    closed_date TEXT,
    last_activity_date TEXT,
    next_activity_date TEXT,
    next_step TEXT,
    stage_entered_date TEXT,
    lost_reason TEXT);
CREATE INDEX opportunities_owner ON opportunities(owner_id);
CREATE INDEX opportunities_account ON opportunities(account_id);

CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    file_name TEXT,
    preset TEXT,
    kind TEXT,
    as_of TEXT,
    rows_created INTEGER NOT NULL DEFAULT 0,
    rows_updated INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0);

CREATE TABLE stage_history (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL REFERENCES stages(id),
    entered_date TEXT NOT NULL,
    import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL);
CREATE INDEX stage_history_opportunity ON stage_history(opportunity_id);

CREATE TABLE close_date_changes (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    old_date TEXT,
    new_date TEXT,
    changed_on TEXT NOT NULL,
    import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL);
CREATE INDEX close_date_changes_opportunity ON close_date_changes(opportunity_id);

CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    crm_id TEXT UNIQUE,
    type TEXT NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'other')),
    activity_date TEXT NOT NULL,
    rep_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
    account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
    subject TEXT);
CREATE INDEX activities_opportunity ON activities(opportunity_id);
CREATE INDEX activities_rep_date ON activities(rep_id, activity_date);

CREATE TABLE engagement_factors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    description TEXT,
    position INTEGER NOT NULL);
INSERT INTO engagement_factors (id, name, description, position) VALUES
    (1, 'ICP fit', 'Matches the documented ideal customer on structural, behavioural, environmental and situational traits, not only size, sector and location', 1),
    (2, 'Access to decision makers', 'We talk with the budget makers and decision makers, not only the interested', 2),
    (3, 'Critical issue', 'The issue is critical to them (interesting = 1, important = 3, critical = 5)', 3),
    (4, 'Relationship', 'An existing, responsive relationship', 4),
    (5, 'Competitive position', 'We solve it better than any alternative open to them', 5),
    (6, 'Timing', 'They want to act now rather than later', 6);

CREATE TABLE weight_profiles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    segment_kind TEXT NOT NULL CHECK (segment_kind IN ('book', 'territory', 'industry', 'size_band')),
    segment_value TEXT,
    UNIQUE (segment_kind, segment_value));
INSERT INTO weight_profiles (id, name, segment_kind, segment_value) VALUES (1, 'Book default', 'book', NULL);

CREATE TABLE profile_weights (
    profile_id INTEGER NOT NULL REFERENCES weight_profiles(id) ON DELETE CASCADE,
    factor_id INTEGER NOT NULL REFERENCES engagement_factors(id) ON DELETE CASCADE,
    weight REAL NOT NULL CHECK (weight >= 0),
    PRIMARY KEY (profile_id, factor_id));
INSERT INTO profile_weights VALUES (1, 1, 3), (1, 2, 3), (1, 3, 2), (1, 4, 1), (1, 5, 1), (1, 6, 2);

CREATE TABLE account_scores (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    factor_id INTEGER NOT NULL REFERENCES engagement_factors(id) ON DELETE CASCADE,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
    PRIMARY KEY (account_id, factor_id)) WITHOUT ROWID;

CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
    taken_on TEXT NOT NULL,
    source TEXT,
    label TEXT);

CREATE TABLE snapshot_rows (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL,
    status INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    close_date TEXT,
    probability_bp INTEGER,
    owner_id INTEGER,
    PRIMARY KEY (snapshot_id, opportunity_id)) WITHOUT ROWID;

CREATE TABLE review_notes (
    id INTEGER PRIMARY KEY,
    rep_id INTEGER NOT NULL REFERENCES reps(id) ON DELETE CASCADE,
    created_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('note', 'commitment')),
    text TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    snapshot_id INTEGER REFERENCES snapshots(id) ON DELETE SET NULL);

INSERT INTO settings (key, value) VALUES
    ('currency', 'USD'),
    ('fiscal_year_start_month', '1'),
    ('rep.default_capacity', '20'),
    ('roi.likelihood_threshold', '0.5'),
    ('roi.potential_threshold', ''),
    ('roi.floor_likelihood', '0.2'),
    ('roi.floor_potential', '0'),
    ('stalled.idle_at_risk_days', '30'),
    ('stalled.idle_stalled_days', '90'),
    ('stalled.pushes_at_risk', '2'),
    ('stalled.aged_cycle_multiple', '2'),
    ('metrics.window_days', '365'),
    ('metrics.attainment_bar', '0.8'),
    ('metrics.spread_bar', '0.25'),
    ('funnel.weeks', '13'),
    ('funnel.default_win_rate', '0.25'),
    ('funnel.default_meeting_to_opportunity', '0.2'),
    ('funnel.default_activity_to_meeting', '0.1'),
    ('funnel.min_closed_deals', '10'),
    ('funnel.min_meetings', '10'),
    ('funnel.min_activities', '10');
)SQL";

// Version 2: stage gateway checklists, currency rates and the shipped stage aliases.
constexpr const char *version2 = R"SQL(
CREATE TABLE stage_criteria (
    id INTEGER PRIMARY KEY,
    stage INTEGER NOT NULL REFERENCES stages(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL);
INSERT INTO stage_criteria (stage, position, text) VALUES
    (1, 1, 'The prospect wants to address the issue now'),
    (1, 2, 'The contact is part of the decision'),
    (1, 3, 'Price is not a blocker'),
    (1, 4, 'No alternative is far more likely to be chosen'),
    (2, 1, 'The proof the buyer wants (demo, reference, ROI calculation) is agreed and delivered'),
    (3, 1, 'The proposal only writes down what is already agreed; only price and terms remain'),
    (4, 1, 'Counter with value, not discounts');

CREATE TABLE opportunity_criteria (
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES stage_criteria(id) ON DELETE CASCADE,
    checked_on TEXT NOT NULL,
    PRIMARY KEY (opportunity_id, criterion_id)) WITHOUT ROWID;

CREATE TABLE currency_rates (
    currency TEXT PRIMARY KEY,
    rate REAL NOT NULL CHECK (rate > 0));

INSERT OR IGNORE INTO stage_aliases (alias, stage) VALUES
    ('Prospecting', 1), ('Qualification', 1), ('Qualify', 1), ('Qualified', 1), ('Discovery', 1),
    ('Lead In', 1), ('Contact Made', 1), ('Appointment Scheduled', 1), ('Qualified To Buy', 1),
    ('appointmentscheduled', 1), ('qualifiedtobuy', 1),
    ('Needs Analysis', 2), ('Value Proposition', 2), ('Id. Decision Makers', 2),
    ('Perception Analysis', 2), ('Develop', 2), ('Demo', 2), ('Demo Scheduled', 2),
    ('Proof of Concept', 2), ('Evaluation', 2), ('Presentation Scheduled', 2),
    ('Decision Maker Bought-In', 2), ('presentationscheduled', 2), ('decisionmakerboughtin', 2),
    ('Proposal/Price Quote', 3), ('Proposal', 3), ('Proposal Made', 3), ('Quote', 3), ('Propose', 3),
    ('Negotiation/Review', 4), ('Negotiation', 4), ('Negotiations Started', 4), ('Contract Sent', 4),
    ('contractsent', 4), ('Close', 4),
    ('Closed Won', 5), ('Won', 5), ('closedwon', 5),
    ('Closed Lost', 6), ('Lost', 6), ('closedlost', 6);
)SQL";

// Version 3: what imports need to be undone exactly and recognised again. An import journals
// the rows it changes (their earlier values) and, per table, the highest row id before it ran
// (rows above it are its own); mappings are remembered per header fingerprint.
constexpr const char *version3 = R"SQL(
ALTER TABLE imports ADD COLUMN source TEXT;
ALTER TABLE imports ADD COLUMN complete INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN rows_removed INTEGER NOT NULL DEFAULT 0;

CREATE TABLE import_journal (
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    before TEXT,
    PRIMARY KEY (import_id, seq)) WITHOUT ROWID;

CREATE TABLE import_watermarks (
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    max_row_id INTEGER NOT NULL,
    PRIMARY KEY (import_id, table_name)) WITHOUT ROWID;

CREATE TABLE import_mappings (
    fingerprint TEXT PRIMARY KEY,
    mapping TEXT NOT NULL,
    saved_on TEXT NOT NULL);

CREATE INDEX snapshots_taken ON snapshots(taken_on);
)SQL";

// Version 4: no indexes on the owner columns. No query can use them (scope filters read
// "(? IS NULL OR owner_id = ?)"), and they cost an import of a million rows a second; deleting a
// rep, the one thing they served, scans instead.
const char *const version4 = R"SQL(
DROP INDEX IF EXISTS opportunities_owner;
DROP INDEX IF EXISTS accounts_owner;
)SQL";

// Version 5: the opportunities' CRM ids are unique through a named index instead of a column
// constraint, so that an import of many new deals can drop it and build it once at the end
// (one sort instead of a million B-tree descents); SQLite cannot drop a column constraint, so
// the table is rebuilt (https://sqlite.org/lang_altertable.html#otheralter). Runs with
// foreign-key enforcement off (see migrate()): dropping the old table must not cascade.
const char *const version5 = R"SQL(
CREATE TABLE opportunities_v5 (
    id INTEGER PRIMARY KEY,
    crm_id TEXT,
    account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    owner_id INTEGER REFERENCES reps(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    amount INTEGER NOT NULL DEFAULT 0,
    currency TEXT NOT NULL DEFAULT 'USD',
    stage INTEGER NOT NULL REFERENCES stages(id),
    status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),
    probability_bp INTEGER CHECK (probability_bp IS NULL OR probability_bp BETWEEN 0 AND 10000),
    probability_override_bp INTEGER
        CHECK (probability_override_bp IS NULL OR probability_override_bp BETWEEN 0 AND 10000),
    created_date TEXT NOT NULL,
    close_date TEXT,
    closed_date TEXT,
    last_activity_date TEXT,
    next_activity_date TEXT,
    next_step TEXT,
    stage_entered_date TEXT,
    lost_reason TEXT);
INSERT INTO opportunities_v5 SELECT id, crm_id, account_id, owner_id, name, amount, currency,
    stage, status, probability_bp, probability_override_bp, created_date, close_date, closed_date,
    last_activity_date, next_activity_date, next_step, stage_entered_date, lost_reason
    FROM opportunities;
DROP TABLE opportunities;
ALTER TABLE opportunities_v5 RENAME TO opportunities;
)SQL";

// Version 6: funnel assumptions a user entered, per scope ("team", "rep:ID", "territory:ID",
// or both joined by ";"): the rates for every period (period ''), a what-if target per period;
// and activities by date, which funnel math counts over a window for the whole team.
const char *const version6 = R"SQL(
CREATE TABLE funnel_assumptions (
    scope TEXT NOT NULL,
    name TEXT NOT NULL CHECK (name IN ('target', 'avg_deal_size', 'win_rate',
                                       'meeting_to_opportunity', 'activity_to_meeting')),
    period TEXT NOT NULL DEFAULT '',
    value REAL NOT NULL CHECK (value >= 0),
    PRIMARY KEY (scope, name, period)) WITHOUT ROWID;
CREATE INDEX activities_date ON activities(activity_date);
)SQL";

// Version 7 (issue 16, items 6 and 11):
// - each import keeps the highest row id of each table when it committed as well, so that its
//   undo deletes the rows it created and not those made by hand after it;
// - edits made after the newest import to rows it may have created or changed are noted
//   (hand_edits), by triggers that stay silent while an import or its undo runs (a row in
//   import_running, inside their transaction): the undo lists them and asks;
// - the open stage a deal was in when it closed, where the CRM says it (a status column beside
//   the stage) or the book saw it, so that stage conversion counts a lost deal where it was lost.
const char *const version7 = R"SQL(
ALTER TABLE import_watermarks ADD COLUMN max_row_id_after INTEGER;
CREATE TABLE import_running (id INTEGER PRIMARY KEY);
CREATE TABLE hand_edits (
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    PRIMARY KEY (import_id, table_name, row_id)) WITHOUT ROWID;
ALTER TABLE opportunities ADD COLUMN closed_stage INTEGER
    CHECK (closed_stage IS NULL OR closed_stage BETWEEN 1 AND 4);
)SQL";

// Version 8 (issue 18, docs/METRICS.md "Forecast categories"): an opportunity's forecast
// category as the CRM file gives it (NULL: the file had none), the rep's call made in the app
// (NULL: none) and the CRM's category when the call was made (an import bringing another one
// clears the call). Values are tp::ForecastCategory (0 Pipeline .. 4 Omitted). The deals with a
// call are few: a partial index finds them (and marks the version, see markers()).
const char *const version8 = R"SQL(
ALTER TABLE opportunities ADD COLUMN forecast_category INTEGER
    CHECK (forecast_category IS NULL OR forecast_category BETWEEN 0 AND 4);
ALTER TABLE opportunities ADD COLUMN forecast_call INTEGER
    CHECK (forecast_call IS NULL OR forecast_call BETWEEN 0 AND 4);
ALTER TABLE opportunities ADD COLUMN forecast_call_crm INTEGER
    CHECK (forecast_call_crm IS NULL OR forecast_call_crm BETWEEN 0 AND 4);
CREATE INDEX opportunities_forecast_call ON opportunities(id) WHERE forecast_call IS NOT NULL;
)SQL";

// The triggers of version 7 that note hand edits: after an update of a row of these tables, and
// after any change of an account's scores (keyed by the account).
std::string handEditTriggers()
{
    const auto trigger = [](const std::string &name, const char *event, const std::string &table,
                            const std::string &key) {
        return "CREATE TRIGGER " + name + " AFTER " + event + " ON " + table
                + " WHEN NOT EXISTS (SELECT 1 FROM import_running) BEGIN "
                  "INSERT OR IGNORE INTO hand_edits (import_id, table_name, row_id) "
                  "SELECT max(id), '"
                + table + "', " + key
                + " FROM imports "
                  "HAVING max(id) IS NOT NULL; END;\n";
    };
    std::string sql;
    for (const char *table :
         { "opportunities", "accounts", "reps", "quotas", "territories", "activities" })
        sql += trigger(std::string(table) + "_hand_edit", "UPDATE", table, "NEW.id");
    sql += trigger("account_scores_hand_insert", "INSERT", "account_scores", "NEW.account_id");
    sql += trigger("account_scores_hand_update", "UPDATE", "account_scores", "NEW.account_id");
    sql += trigger("account_scores_hand_delete", "DELETE", "account_scores", "OLD.account_id");
    return sql;
}

// Version 9 (issue 18): one-on-one reviews (docs/METRICS.md, "One-on-one reviews") replace the
// review notes of version 1, which nothing wrote: a review is a rep (NULL: the whole team), a
// date and its notes; a commitment is made in a review, optionally tied to a deal or an account,
// and gets its status (1 done, 2 not done, 3 dropped; 0 open) in a later review of the same rep.
const char *const version9 = R"SQL(
DROP TABLE review_notes;
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    rep_id INTEGER REFERENCES reps(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '');
CREATE INDEX reviews_rep ON reviews(rep_id, held_on);
CREATE TABLE commitments (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
    account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    due_on TEXT,
    status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),
    settled_in INTEGER REFERENCES reviews(id) ON DELETE SET NULL);
CREATE INDEX commitments_review ON commitments(review_id);
CREATE INDEX commitments_settled ON commitments(settled_in);
)SQL";

// Version 10 (issue 18): what comparing two snapshots needs (docs/METRICS.md, "Changes between
// two snapshots"). A snapshot row also holds the account's territory when it was taken, the
// facts the stalled rules read as of the snapshot's date (last activity, the day the stage was
// entered, the close-date pushes so far), the forecast category (NULL: from the stage), and
// whether the import listed the deal or carried its earlier row forward (`carried`; a snapshot
// counts the rows its import listed in `listed_rows`). A snapshot whose rows are the whole
// book's state at it is `full_state`: reading a state walks back only to the last such one
// (core/storage/snapshotreader.h). Rows taken before this version get the values the book
// holds, as of the snapshot's date where the history says (stage entry, pushes, activities);
// only the first snapshot is a full state.
const char *const version10 = R"SQL(
ALTER TABLE snapshots ADD COLUMN full_state INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshots ADD COLUMN listed_rows INTEGER NOT NULL DEFAULT 0;
UPDATE snapshots SET listed_rows =
    (SELECT count(*) FROM snapshot_rows r WHERE r.snapshot_id = snapshots.id);
ALTER TABLE snapshot_rows ADD COLUMN territory_id INTEGER;
ALTER TABLE snapshot_rows ADD COLUMN last_activity_date TEXT;
ALTER TABLE snapshot_rows ADD COLUMN stage_entered_date TEXT;
ALTER TABLE snapshot_rows ADD COLUMN pushes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshot_rows ADD COLUMN forecast_category INTEGER
    CHECK (forecast_category IS NULL OR forecast_category BETWEEN 0 AND 4);
ALTER TABLE snapshot_rows ADD COLUMN carried INTEGER NOT NULL DEFAULT 0;
UPDATE snapshot_rows SET
    territory_id = (SELECT a.territory_id FROM opportunities o JOIN accounts a
                    ON a.id = o.account_id WHERE o.id = snapshot_rows.opportunity_id),
    last_activity_date = (SELECT nullif(max(
        coalesce((SELECT max(t.activity_date) FROM activities t
                  WHERE t.opportunity_id = o.id AND t.activity_date <= s.taken_on), ''),
        coalesce(CASE WHEN o.last_activity_date <= s.taken_on THEN o.last_activity_date END,
                 '')), '')
        FROM opportunities o, snapshots s
        WHERE o.id = snapshot_rows.opportunity_id AND s.id = snapshot_rows.snapshot_id),
    stage_entered_date = (SELECT coalesce(
        (SELECT max(h.entered_date) FROM stage_history h WHERE h.opportunity_id = o.id
         AND h.stage = snapshot_rows.stage AND h.entered_date <= s.taken_on),
        CASE WHEN o.stage = snapshot_rows.stage AND o.stage_entered_date <= s.taken_on
             THEN o.stage_entered_date END)
        FROM opportunities o, snapshots s
        WHERE o.id = snapshot_rows.opportunity_id AND s.id = snapshot_rows.snapshot_id),
    pushes = (SELECT count(*) FROM close_date_changes c, snapshots s
              WHERE c.opportunity_id = snapshot_rows.opportunity_id
              AND s.id = snapshot_rows.snapshot_id AND c.new_date > c.old_date
              AND c.changed_on <= s.taken_on);
UPDATE snapshots SET full_state = 1
    WHERE id = (SELECT id FROM snapshots ORDER BY taken_on, id LIMIT 1);
CREATE INDEX snapshots_full ON snapshots(taken_on, id) WHERE full_state = 1;
)SQL";

// Version 11 (issue 19, docs/METRICS.md "Territories"):
// - an account's billing state and country, where the map places it (`region` stays the free
//   text a file calls its region);
// - the owner the CRM gave it (`crm_owner_id`): moving the account in the book changes
//   `owner_id` only, so that the difference can be published back; rows before this version
//   get their owner;
// - the user's lock (`lock_state`: NULL the default rule, 1 locked, 0 unlocked even with an open
//   deal);
// - a rep's user id in the CRM (Salesforce 18-character id, HubSpot owner id), for publishing;
// - rebalancing scenarios kept by name: the moves each would make (account → territory).
const char *const version11 = R"SQL(
ALTER TABLE accounts ADD COLUMN billing_state TEXT;
ALTER TABLE accounts ADD COLUMN billing_country TEXT;
ALTER TABLE accounts ADD COLUMN crm_owner_id INTEGER REFERENCES reps(id) ON DELETE SET NULL;
ALTER TABLE accounts ADD COLUMN lock_state INTEGER
    CHECK (lock_state IS NULL OR lock_state IN (0, 1));
UPDATE accounts SET crm_owner_id = owner_id;
ALTER TABLE reps ADD COLUMN crm_user_id TEXT;
CREATE TABLE scenarios (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_on TEXT NOT NULL,
    metric TEXT NOT NULL,
    tolerance REAL NOT NULL,
    notes TEXT NOT NULL DEFAULT '');
CREATE TABLE scenario_moves (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    to_territory_id INTEGER NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
    PRIMARY KEY (scenario_id, account_id)) WITHOUT ROWID;
)SQL";

// Version 12: scenarios keep the request they were made with, and their moves may give accounts
// to reps (a book without territories): scenario_moves.to_id is a territory's id, or a rep's
// when the scenario's to_reps. The moves hold plain ids, not foreign keys, so that deleting a
// territory or an account (which an edit's undo brings back with the same id) leaves the
// scenarios as they were; a move whose account or destination is gone no longer applies.
// scenario_moves_to (the marker of this version) finds the scenarios moving to a destination.
const char *const version12 = R"SQL(
CREATE TABLE scenario_moves_v12 (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL,
    to_id INTEGER NOT NULL,
    PRIMARY KEY (scenario_id, account_id)) WITHOUT ROWID;
INSERT INTO scenario_moves_v12 (scenario_id, account_id, to_id)
    SELECT scenario_id, account_id, to_territory_id FROM scenario_moves;
DROP TABLE scenario_moves;
ALTER TABLE scenario_moves_v12 RENAME TO scenario_moves;
CREATE INDEX scenario_moves_to ON scenario_moves(to_id);
ALTER TABLE scenarios ADD COLUMN max_moves INTEGER;
ALTER TABLE scenarios ADD COLUMN max_share REAL;
ALTER TABLE scenarios ADD COLUMN unlock_open INTEGER NOT NULL DEFAULT 0;
ALTER TABLE scenarios ADD COLUMN to_reps INTEGER NOT NULL DEFAULT 0;
)SQL";

// The opportunities' secondary indexes (version 5 on).
const char *const opportunityIndexes = R"SQL(
CREATE UNIQUE INDEX opportunities_crm_id ON opportunities(crm_id);
CREATE INDEX opportunities_account ON opportunities(account_id);
)SQL";

const std::vector<std::string> &migrations()
{
    static const std::vector<std::string> steps{ version1,
                                                 version2,
                                                 version3,
                                                 version4,
                                                 std::string(version5) + opportunityIndexes,
                                                 version6,
                                                 version7 + handEditTriggers(),
                                                 version8,
                                                 version9,
                                                 version10,
                                                 version11,
                                                 version12 };
    return steps;
}

} // namespace

void dropOpportunityIndexes(sql::Database &db)
{
    db.exec("DROP INDEX opportunities_crm_id; DROP INDEX opportunities_account;");
}

void createOpportunityIndexes(sql::Database &db)
{
    // SQLite sorts an index's keys in runs as large as the page cache, then merges them. Runs
    // of a few megabytes, sorted on auxiliary threads while the table is read, build a million
    // keys in 0.7 s; one 64 MB run in one thread took 1.8 s (docs/PERFORMANCE.md).
    const int cores = int(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
    const sql::PragmaOverride smallRuns(db, "cache_size", -2048);
    const sql::PragmaOverride sortThreads(db, "threads", cores);
    db.exec(opportunityIndexes);
}

int currentVersion()
{
    return int(migrations().size());
}

namespace {

// What each version's step leaves in sqlite_schema that the versions before it lack: tables it
// creates (for version 8 the index it creates beside its columns), or for version 4 the index it
// drops. Read by versionOfTables().
struct Marker
{
    const char *name;
    bool present = true;
};
const std::vector<Marker> &markers()
{
    static const std::vector<Marker> all{ { "settings" },
                                          { "stage_criteria" },
                                          { "import_journal" },
                                          { "opportunities_owner", false },
                                          { "opportunities_crm_id" },
                                          { "funnel_assumptions" },
                                          { "hand_edits" },
                                          { "opportunities_forecast_call" },
                                          { "commitments" },
                                          { "snapshots_full" },
                                          { "scenario_moves" },
                                          { "scenario_moves_to" } };
    return all;
}

} // namespace

int versionOfTables(sql::Database &db)
{
    Q_ASSERT(markers().size() == migrations().size());
    auto st = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?");
    int version = 0;
    for (const Marker &m : markers()) {
        st.bind(1, std::string_view(m.name));
        const bool found = st.step() && st.integer(0) > 0;
        st.reset();
        if (found != m.present)
            break;
        ++version;
    }
    return version;
}

void migrate(sql::Database &db, int target)
{
    const int goal = target < 0 ? currentVersion() : target;
    int version = db.pragmaInt("user_version");
    if (version < 0 || version > currentVersion())
        throw sql::Error(
                QStringLiteral("book format %1 is not one this version can migrate").arg(version),
                SQLITE_CORRUPT);
    if (version >= goal)
        return;
    // A step may rebuild a table that others refer to; with enforcement on, dropping the old
    // table would cascade into them. Each step checks the references itself.
    const sql::ForeignKeysOff unenforced(db);
    // Every step in one transaction: a step that fails leaves the file exactly as it was, not
    // half-way between two formats.
    sql::Transaction all(db);
    while (version < goal) {
        db.exec(migrations()[std::size_t(version)]);
        ++version;
        db.exec("PRAGMA user_version = " + std::to_string(version));
        db.exec("PRAGMA application_id = " + std::to_string(applicationId));
        auto check = db.prepare("PRAGMA foreign_key_check");
        if (check.step())
            throw sql::Error(QStringLiteral("schema version %1 leaves a broken reference in %2")
                                     .arg(version)
                                     .arg(check.text(0)),
                             SQLITE_CONSTRAINT_FOREIGNKEY);
    }
    all.commit();
}

} // namespace tp::schema
