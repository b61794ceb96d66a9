-- dragoman's SQLite store. Offsets index articles.text, which is stored verbatim.
-- schema_version is bumped by migrations in store/migrations.py.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT,
    date TEXT,
    url TEXT,
    text TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    coded_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS removed (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    name TEXT, code TEXT, country TEXT, kind TEXT NOT NULL, sector TEXT, affiliation TEXT, rule TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_text TEXT NOT NULL, source_name TEXT, source_code TEXT, source_country TEXT,
    target_text TEXT, target_name TEXT, target_code TEXT, target_country TEXT,
    cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT, goldstein REAL NOT NULL, quad_class INTEGER NOT NULL,
    date TEXT, place_name TEXT, place_country TEXT, lat REAL, lon REAL,
    evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
    rule TEXT NOT NULL, confidence REAL NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    speaker_text TEXT, speaker_name TEXT, speaker_code TEXT, speaker_country TEXT,
    cue_start INTEGER, cue_end INTEGER, cue_text TEXT
);

CREATE TABLE IF NOT EXISTS rejections (
    doc_id TEXT NOT NULL, source TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL,
    PRIMARY KEY (doc_id, source)
);

CREATE INDEX IF NOT EXISTS events_dyad ON events (source_country, target_country, date);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_name);
