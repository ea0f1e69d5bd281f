/**
 * The store's schema, as numbered migrations. Migration N brings a database from PRAGMA user_version N-1 to N;
 * `migrate` applies the missing ones in order, each in its own transaction. Never edit a migration that has
 * shipped: add a new one, because databases in the field have already run the old text.
 *
 * Times are ISO 8601 UTC strings from `Date.toISOString()` (fixed width), so `<=` on them compares instants.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: subscribers, the reports each one receives, runs, and the delivery ledger.
  `
  CREATE TABLE subscribers (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    email            TEXT NOT NULL UNIQUE,
    name             TEXT,
    locale           TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh')),
    status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'unsubscribed')),
    -- Random per subscriber, never shown: feeds Message-IDs and anything else that must not reveal the address.
    unsubscribe_salt TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
  );

  CREATE TABLE subscriber_reports (
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    report        TEXT NOT NULL,
    PRIMARY KEY (subscriber_id, report)
  );
  CREATE INDEX subscriber_reports_by_report ON subscriber_reports (report);

  CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL CHECK (kind IN ('send', 'generate', 'run', 'regenerate')),
    report      TEXT NOT NULL,
    month       TEXT NOT NULL,
    edition     INTEGER,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    outcome     TEXT CHECK (outcome IN ('ok', 'partial', 'failed')),
    sent        INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0,
    uncertain   INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    message     TEXT
  );
  CREATE INDEX runs_by_report ON runs (report, started_at);

  -- The ledger: one row per (report, month, edition, subscriber), whatever happens to the subscriber later,
  -- so it is history and deliberately not a foreign key to subscribers.
  CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    report           TEXT NOT NULL,
    month            TEXT NOT NULL,
    edition          INTEGER NOT NULL,
    subscriber_email TEXT NOT NULL,
    subscriber_name  TEXT,
    state            TEXT NOT NULL DEFAULT 'planned'
                     CHECK (state IN ('planned', 'sending', 'sent', 'failed_permanent', 'failed_transient', 'uncertain')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_response    TEXT,
    message_id       TEXT,
    retry_after      TEXT,
    claimed_by       TEXT,
    planned_at       TEXT NOT NULL,
    sending_at       TEXT,
    finished_at      TEXT,
    UNIQUE (report, month, edition, subscriber_email)
  );
  CREATE INDEX deliveries_by_state ON deliveries (report, month, edition, state);
  `,
];

/** The schema version this build of tradebrief writes and understands. */
export const SCHEMA_VERSION = MIGRATIONS.length;
