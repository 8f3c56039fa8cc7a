-- newsevents SQLite store, schema version 1 (the article records' own shape is ArticleRecord.schema_version).
-- One writer; WAL journal (set by db.py). `articles.record` holds the full ArticleRecord JSON: it is the truth, the
-- other tables are query indexes derived from it on insert (rebuilt from `record` if their shape changes).

CREATE TABLE IF NOT EXISTS store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,       -- sha256 of the canonical text (error rows: of the source)
    input_key    TEXT,                       -- where it came from: path, path#line, URL, '-'#n
    source_id    TEXT,                       -- the caller's own id (JSONL 'id')
    url          TEXT,
    path         TEXT,
    title        TEXT,
    published    TEXT,                       -- ISO 8601 as given
    published_day TEXT,                      -- YYYY-MM-DD when known (for date filters)
    outlet       TEXT,
    author       TEXT,
    language     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    text         TEXT NOT NULL DEFAULT '',
    record       TEXT NOT NULL,              -- ArticleRecord JSON
    schema_version TEXT NOT NULL,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_day);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet);
CREATE INDEX IF NOT EXISTS articles_input ON articles (input_key);

-- full-text search over title + text (external content: the articles table)
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE TABLE IF NOT EXISTS problems (           -- errors and warnings of each article
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    severity   TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
    code       TEXT NOT NULL,
    stage      TEXT NOT NULL,
    message    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS problems_article ON problems (article_id);
CREATE INDEX IF NOT EXISTS problems_code ON problems (code);

CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,                   -- entity id within the article (E1…)
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    country    TEXT,                            -- actor country ISO3
    sector     TEXT,                            -- actor sector (PLOVER)
    role       TEXT,
    n_mentions INTEGER NOT NULL,
    start      INTEGER,                         -- first mention
    "end"      INTEGER,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);
CREATE INDEX IF NOT EXISTS entities_actor ON entities (country, sector);

CREATE TABLE IF NOT EXISTS times (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id TEXT NOT NULL, type TEXT NOT NULL, value TEXT, mod TEXT, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence INTEGER,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS places (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id TEXT NOT NULL, text TEXT NOT NULL, name TEXT, geonameid INTEGER, lat REAL, lon REAL,
    country TEXT, country_iso3 TEXT, precision TEXT, score REAL, metonymic INTEGER NOT NULL DEFAULT 0,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence INTEGER,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS places_country ON places (country);

CREATE TABLE IF NOT EXISTS quantities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id TEXT NOT NULL, text TEXT NOT NULL, value REAL, low REAL, high REAL, qualifier TEXT, unit TEXT,
    category TEXT NOT NULL, counts_text TEXT, approximate INTEGER NOT NULL DEFAULT 0,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence INTEGER,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS quantities_category ON quantities (category);

CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id TEXT NOT NULL, kind TEXT NOT NULL,
    speaker_text TEXT, speaker_entity_id TEXT, speaker_name TEXT,   -- speaker_name: canonical entity name
    cue_text TEXT, content_text TEXT NOT NULL, carried_over INTEGER NOT NULL DEFAULT 0,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence INTEGER,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_name);

CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, cameo TEXT, quad INTEGER, status TEXT,
    day TEXT,                                   -- YYYY-MM-DD of the event (time value or publication date)
    actor_country TEXT, actor_sector TEXT, recipient_country TEXT, recipient_sector TEXT,
    place_name TEXT, place_country TEXT, lat REAL, lon REAL,
    confidence REAL, trigger_start INTEGER, trigger_end INTEGER, sentence INTEGER,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS events_type ON events (type, mode);
CREATE INDEX IF NOT EXISTS events_day ON events (day);
CREATE INDEX IF NOT EXISTS events_actor ON events (actor_country, actor_sector);
