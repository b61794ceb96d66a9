-- dragoman's SQLite store, the whole current schema in one file (meta.schema_version says which).
-- Offsets index articles.text, which is stored verbatim. Older stores are brought up to this
-- schema, step by step, by store/migrations.py; a test checks both roads end in the same schema.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT,
    date TEXT,
    url TEXT,
    text TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    coded_at TEXT NOT NULL,
    text_sha TEXT,            -- sha256 of text: a re-run skips an article stored with the same id and text
    seq INTEGER,              -- stable integer key of the article in articles_fts
    outlet TEXT               -- version 6: who published it (ingest/outlets.py); NULL when unknown
);

CREATE TABLE IF NOT EXISTS removed (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL,
    stage TEXT,               -- the stage (and version) that found the span; NULL in rows stored before version 3
    place TEXT                -- the place a dateline names (reason 'dateline'), else NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    name TEXT, code TEXT, country TEXT, kind TEXT NOT NULL, sector TEXT, affiliation TEXT, rule TEXT NOT NULL,
    stage TEXT,
    entity INTEGER            -- version 4: the article's entity chain (actors/chains.py); NULL for places
);

CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_text TEXT NOT NULL, source_name TEXT, source_code TEXT, source_country TEXT,
    target_text TEXT, target_name TEXT, target_code TEXT, target_country TEXT,
    cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT, goldstein REAL NOT NULL, quad_class INTEGER NOT NULL,
    date TEXT, place_name TEXT, place_country TEXT, lat REAL, lon REAL,
    evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
    rule TEXT NOT NULL, confidence REAL NOT NULL,
    -- version 3: the whole source and target mentions, every evidence span, the stage (store/rows.py)
    source_affiliation TEXT, source_start INTEGER, source_end INTEGER, source_kind TEXT, source_rule TEXT, source_sector TEXT, source_stage TEXT,
    target_affiliation TEXT, target_start INTEGER, target_end INTEGER, target_kind TEXT, target_rule TEXT, target_sector TEXT, target_stage TEXT,
    evidence_all TEXT,        -- JSON list of {start, end, text}; evidence_start/end/text repeat the first
    stage TEXT,
    assertion TEXT,           -- events/assertion.py: asserted, announced, attributed, or (with events.unasserted) reported, planned ...
    source_entity INTEGER, target_entity INTEGER, -- version 4: entity chains
    merge_key TEXT,           -- version 6: each row is a mention of an event, grouped under its source, target and root (store/merging.py)
    group_id TEXT             -- version 6: the event (event_groups.id) it is one report of
);

-- Version 6: events, each the mentions of one act reported once or many times (store/merging.py says which mentions
-- are one event; store/grouping.py keeps this table in step with every write). The columns mirror those of events.
CREATE TABLE IF NOT EXISTS event_groups (
    id TEXT PRIMARY KEY,      -- stable: a hash of the merge key and the first mention's identity
    merge_key TEXT NOT NULL,
    source_text TEXT NOT NULL, source_name TEXT, source_code TEXT, source_country TEXT,
    target_text TEXT, target_name TEXT, target_code TEXT, target_country TEXT,
    cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT, goldstein REAL NOT NULL, quad_class INTEGER NOT NULL,
    date TEXT, first_date TEXT, last_date TEXT,   -- the date most mentions give; the first and last they give
    place_name TEXT, place_country TEXT, lat REAL, lon REAL,
    mentions INTEGER NOT NULL, articles INTEGER NOT NULL, sources INTEGER NOT NULL,  -- sources: distinct outlets
    first_report TEXT, last_report TEXT,          -- the dates of the first and last article reporting it
    best_mention INTEGER NOT NULL,                -- events.id of the most confident mention: the evidence below is its
    article_id TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
    rule TEXT NOT NULL, confidence REAL NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    speaker_text TEXT, speaker_name TEXT, speaker_code TEXT, speaker_country TEXT,
    cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
    speaker_affiliation TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_kind TEXT, speaker_rule TEXT, speaker_sector TEXT, speaker_stage TEXT,
    stage TEXT,
    speaker_entity INTEGER,   -- version 4: the speaker's entity chain
    mode TEXT                 -- version 5: speech, writing or thought (NULL in rows stored before: speech)
);

-- Version 5: the actors each quote is about (Quote.about; quotes/about.py), one flat mention per row.
CREATE TABLE IF NOT EXISTS quote_mentions (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    name TEXT, code TEXT, country TEXT, kind TEXT NOT NULL, sector TEXT, affiliation TEXT, rule TEXT NOT NULL,
    stage TEXT,
    entity INTEGER            -- the mention's entity chain in its article; NULL for a place
);

CREATE TABLE IF NOT EXISTS rejections (
    doc_id TEXT NOT NULL, source TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL,
    PRIMARY KEY (doc_id, source)
);

-- Inputs with the same text and date as an earlier article: reported, not coded again (version 3).
CREATE TABLE IF NOT EXISTS duplicates (
    doc_id TEXT NOT NULL, source TEXT NOT NULL, duplicate_of TEXT NOT NULL,
    PRIMARY KEY (doc_id, source)
);

-- Full-text search. articles_fts keeps its own copy of title and text under rowid = articles.seq;
-- quotes_fts reads quotes (external content). Triggers keep both in step with every write,
-- including the cascade that deletes an article's quotes when it is re-coded.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, speaker_name, content = 'quotes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.seq;
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.id, new.text, coalesce(new.speaker_name, ''));
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.id, old.text, coalesce(old.speaker_name, ''));
END;

CREATE INDEX IF NOT EXISTS events_dyad ON events (source_country, target_country, date, quad_class, goldstein);  -- covers the dyad timeline
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_name);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article_id);
CREATE INDEX IF NOT EXISTS removed_article ON removed (article_id);
CREATE INDEX IF NOT EXISTS events_source_code ON events (source_code, date);
CREATE INDEX IF NOT EXISTS events_target_code ON events (target_code, date);
CREATE INDEX IF NOT EXISTS events_target_country ON events (target_country, date);
CREATE INDEX IF NOT EXISTS events_date ON events (date, quad_class, goldstein);  -- covers the series by day and week
CREATE INDEX IF NOT EXISTS events_cameo ON events (cameo, date);
CREATE UNIQUE INDEX IF NOT EXISTS articles_seq ON articles (seq);
CREATE INDEX IF NOT EXISTS quote_mentions_quote ON quote_mentions (quote_id);
CREATE INDEX IF NOT EXISTS quote_mentions_code ON quote_mentions (code, country, quote_id);  -- covering for quote_lists._count_about
CREATE INDEX IF NOT EXISTS quote_mentions_country ON quote_mentions (country, quote_id);
CREATE INDEX IF NOT EXISTS quote_mentions_name ON quote_mentions (name COLLATE NOCASE, country, code, quote_id);
CREATE INDEX IF NOT EXISTS events_merge ON events (merge_key, date);
CREATE INDEX IF NOT EXISTS events_group ON events (group_id);
CREATE INDEX IF NOT EXISTS event_groups_dyad ON event_groups (source_country, target_country, date, quad_class, goldstein);
CREATE INDEX IF NOT EXISTS event_groups_source_code ON event_groups (source_code, date);
CREATE INDEX IF NOT EXISTS event_groups_target_code ON event_groups (target_code, date);
CREATE INDEX IF NOT EXISTS event_groups_target_country ON event_groups (target_country, date);
CREATE INDEX IF NOT EXISTS event_groups_date ON event_groups (date, quad_class, goldstein);
CREATE INDEX IF NOT EXISTS event_groups_cameo ON event_groups (cameo, date, id);
CREATE INDEX IF NOT EXISTS event_groups_merge ON event_groups (merge_key, date);
-- Version 7: summary tables (store/aggregates.py), kept in step by triggers that aggregates.trigger_statements()
-- makes (applied with this file), so the workbench answers over millions of events (docs/store.md, "Summary tables").
CREATE TABLE IF NOT EXISTS event_tallies (
    grain TEXT NOT NULL,      -- 'month' or 'year'
    unit TEXT NOT NULL,       -- 'events' (rows of event_groups) or 'mentions' (rows of events)
    k TEXT NOT NULL,          -- the period and every column below, quoted and joined: which rows this one sums
    period TEXT,              -- the first day of the month or year; NULL: undated
    source_code TEXT, source_country TEXT, source_name TEXT, target_code TEXT, target_country TEXT, target_name TEXT,
    cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT, quad_class INTEGER NOT NULL,
    place_name TEXT, place_country TEXT, lat REAL, lon REAL,   -- lat and lon rounded to 3 decimals
    n INTEGER NOT NULL,       -- how many rows
    g INTEGER NOT NULL,       -- their Goldstein scores summed, in hundredths
    PRIMARY KEY (grain, unit, k)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_tallies_period ON event_tallies (grain, unit, period);

CREATE TABLE IF NOT EXISTS mention_names (
    k TEXT PRIMARY KEY,       -- code, name, country and kind, quoted and joined
    code TEXT, name TEXT, country TEXT, kind TEXT NOT NULL,
    n INTEGER NOT NULL        -- actor mentions with these (those with a code or a name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mention_names_code ON mention_names (code);

CREATE TABLE IF NOT EXISTS quote_speakers (
    k TEXT PRIMARY KEY,       -- speaker code, country and name, quoted and joined
    speaker_code TEXT, speaker_country TEXT, speaker_name TEXT,
    n INTEGER NOT NULL        -- quotes with these
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS about_names (
    name TEXT PRIMARY KEY,    -- a name of an actor some quote is about (quote_mentions.name)
    n INTEGER NOT NULL        -- rows of quote_mentions with it
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO row_counts(name, n) VALUES ('articles', 0), ('mentions', 0), ('events', 0), ('event_groups', 0), ('quotes', 0);

CREATE INDEX IF NOT EXISTS articles_date ON articles (date DESC, id);
CREATE INDEX IF NOT EXISTS quotes_speaker_code ON quotes (speaker_code);
CREATE INDEX IF NOT EXISTS quotes_speaker_country ON quotes (speaker_country);
-- The events list's orders (queries._SORT_INDEXES): the column, then the date and id, so one index serves both directions.
CREATE INDEX IF NOT EXISTS events_sort_goldstein ON events (goldstein, date);
CREATE INDEX IF NOT EXISTS events_sort_quad ON events (quad_class, date);
CREATE INDEX IF NOT EXISTS events_sort_confidence ON events (confidence, date);
CREATE INDEX IF NOT EXISTS events_sort_source ON events (coalesce(source_code, source_country), date);
CREATE INDEX IF NOT EXISTS events_sort_target ON events (coalesce(target_code, target_country), date);
CREATE INDEX IF NOT EXISTS event_groups_sort_goldstein ON event_groups (goldstein, date, id);
CREATE INDEX IF NOT EXISTS event_groups_sort_quad ON event_groups (quad_class, date, id);
CREATE INDEX IF NOT EXISTS event_groups_sort_confidence ON event_groups (confidence, date, id);
CREATE INDEX IF NOT EXISTS event_groups_sort_source ON event_groups (coalesce(source_code, source_country), date, id);
CREATE INDEX IF NOT EXISTS event_groups_sort_target ON event_groups (coalesce(target_code, target_country), date, id);
