"""The first release's schema: migrations 1 and 2, for SQLite and PostgreSQL.

Kept apart from :mod:`saidwhat.store.migrations` only for size. Never edit a
released migration: append a new one there.
"""

# 1: the first release.
V1_SQLITE = """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        ref TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        author TEXT,
        format TEXT NOT NULL,
        platform TEXT,
        text TEXT NOT NULL,
        -- 'extracted', or why statements were not extracted (e.g. 'unsupported-language')
        status TEXT NOT NULL DEFAULT 'extracted',
        metadata TEXT NOT NULL DEFAULT '{}',
        minhash BLOB,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_url ON documents(url);

    -- Every place a document was seen: syndicated copies keep their own provenance.
    CREATE TABLE document_copies (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ref TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        published TEXT,
        title TEXT,
        -- 'exact' (same normalised text), 'near' (MinHash near-duplicate) or 'original'
        match TEXT NOT NULL DEFAULT 'original',
        seen_at TEXT NOT NULL,
        UNIQUE (document_id, ref)
    );

    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL DEFAULT 'person',
        organisation TEXT,
        country TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX people_name ON people(name);

    -- Surface forms that name a person. key = names.name_key(alias).
    -- origin: 'extracted' (read from a document), 'registry' (imported), 'manual' (merge/split).
    CREATE TABLE aliases (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        key TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT 'extracted',
        UNIQUE (person_id, alias)
    );
    CREATE INDEX aliases_key ON aliases(key);

    CREATE TABLE person_roles (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
        date TEXT,
        UNIQUE (person_id, role, document_id)
    );

    CREATE TABLE statements (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        speaker_name TEXT,
        speaker_mention TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_type TEXT,
        quote TEXT NOT NULL,
        quote_start INTEGER NOT NULL,
        quote_end INTEGER NOT NULL,
        fragments TEXT,
        kind TEXT NOT NULL,
        cue TEXT,
        role TEXT,
        organisation TEXT,
        country TEXT,
        date TEXT,
        source TEXT,
        source_missing INTEGER NOT NULL DEFAULT 0,
        confidence REAL NOT NULL,
        headline TEXT,
        UNIQUE (document_id, quote_start, quote_end)
    );
    CREATE INDEX statements_person_date ON statements(person_id, date);
    CREATE INDEX statements_date ON statements(date);
    CREATE INDEX statements_kind ON statements(kind);

    CREATE VIRTUAL TABLE statements_fts USING fts5(
        quote, speaker_name, content='statements', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
        INSERT INTO statements_fts(rowid, quote, speaker_name)
        VALUES (new.id, new.quote, new.speaker_name);
    END;
    CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, quote, speaker_name)
        VALUES ('delete', old.id, old.quote, old.speaker_name);
    END;
    CREATE TRIGGER statements_au AFTER UPDATE OF quote, speaker_name ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, quote, speaker_name)
        VALUES ('delete', old.id, old.quote, old.speaker_name);
        INSERT INTO statements_fts(rowid, quote, speaker_name)
        VALUES (new.id, new.quote, new.speaker_name);
    END;

    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        last_polled TEXT,
        last_status TEXT,
        last_error TEXT,
        added_at TEXT NOT NULL
    );
    CREATE TABLE feed_entries (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        entry_id TEXT NOT NULL,
        url TEXT,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        status TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, entry_id)
    );

    CREATE TABLE watchlists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        filters TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    """

# 2: one indexed "effective day" per statement (its own date, else its document's
# publication day), so date filters and date sorting use an index instead of
# COALESCE(date, published) over a join. store_document sets it; the trigger
# covers any other writer.
V2_SQLITE = """
    ALTER TABLE statements ADD COLUMN day TEXT;
    UPDATE statements SET day = COALESCE(substr(date, 1, 10),
        (SELECT substr(published, 1, 10) FROM documents d WHERE d.id = statements.document_id));
    CREATE INDEX statements_day ON statements(day);
    CREATE INDEX statements_person_day ON statements(person_id, day);
    CREATE TRIGGER statements_day_ai AFTER INSERT ON statements WHEN new.day IS NULL BEGIN
        UPDATE statements SET day = COALESCE(substr(new.date, 1, 10),
            (SELECT substr(published, 1, 10) FROM documents d WHERE d.id = new.document_id))
        WHERE id = new.id;
    END;
    CREATE TRIGGER statements_day_au AFTER UPDATE OF date ON statements BEGIN
        UPDATE statements SET day = COALESCE(substr(new.date, 1, 10),
            (SELECT substr(published, 1, 10) FROM documents d WHERE d.id = new.document_id))
        WHERE id = new.id;
    END;
    """

# PostgreSQL: the same tables. Full text is two generated tsvectors with GIN
# indexes, one per FTS5 column (quote, speaker_name), so a column filter is
# answered by its index alone;
# the ``saidwhat`` text search configuration lowercases and strips accents and
# splits hyphenated words into their parts, like SQLite's unicode61 tokenizer.
# Trigram indexes on aliases and people find name variants. Text columns use
# the "C" collation: strings compare and sort byte by byte, as in SQLite, so
# both backends list things in the same order.
V1_POSTGRES = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'saidwhat') THEN
        CREATE TEXT SEARCH CONFIGURATION saidwhat (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION saidwhat
            ALTER MAPPING FOR word, hword_part, asciiword, hword_asciipart, numword,
                hword_numpart WITH unaccent, simple;
        ALTER TEXT SEARCH CONFIGURATION saidwhat DROP MAPPING FOR hword, asciihword, numhword;
    END IF;
END $$;

CREATE TABLE saidwhat_schema (version INTEGER NOT NULL);
INSERT INTO saidwhat_schema VALUES (0);

CREATE TABLE documents (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    content_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    ref TEXT COLLATE "C" NOT NULL,
    title TEXT COLLATE "C",
    outlet TEXT COLLATE "C",
    url TEXT COLLATE "C",
    published TEXT COLLATE "C",
    language TEXT COLLATE "C",
    author TEXT COLLATE "C",
    format TEXT COLLATE "C" NOT NULL,
    platform TEXT COLLATE "C",
    text TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL DEFAULT 'extracted',
    metadata TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    minhash BYTEA,
    ingested_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_url ON documents(url);

CREATE TABLE document_copies (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ref TEXT COLLATE "C" NOT NULL,
    outlet TEXT COLLATE "C",
    url TEXT COLLATE "C",
    published TEXT COLLATE "C",
    title TEXT COLLATE "C",
    match TEXT COLLATE "C" NOT NULL DEFAULT 'original',
    seen_at TEXT COLLATE "C" NOT NULL,
    UNIQUE (document_id, ref)
);
CREATE INDEX document_copies_ref ON document_copies(ref);

CREATE TABLE people (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL DEFAULT 'person',
    organisation TEXT COLLATE "C",
    country TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX people_name ON people(name);
CREATE INDEX people_name_trgm ON people USING gin (lower(name) gin_trgm_ops);

CREATE TABLE aliases (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'extracted',
    UNIQUE (person_id, alias)
);
CREATE INDEX aliases_key ON aliases(key);
CREATE INDEX aliases_key_trgm ON aliases USING gin (key gin_trgm_ops);

CREATE TABLE person_roles (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT COLLATE "C" NOT NULL,
    document_id BIGINT REFERENCES documents(id) ON DELETE CASCADE,
    date TEXT COLLATE "C",
    UNIQUE (person_id, role, document_id)
);

CREATE TABLE statements (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    person_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    speaker_name TEXT COLLATE "C",
    speaker_mention TEXT COLLATE "C",
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_type TEXT COLLATE "C",
    quote TEXT COLLATE "C" NOT NULL,
    quote_start INTEGER NOT NULL,
    quote_end INTEGER NOT NULL,
    fragments TEXT COLLATE "C",
    kind TEXT COLLATE "C" NOT NULL,
    cue TEXT COLLATE "C",
    role TEXT COLLATE "C",
    organisation TEXT COLLATE "C",
    country TEXT COLLATE "C",
    date TEXT COLLATE "C",
    source TEXT COLLATE "C",
    source_missing INTEGER NOT NULL DEFAULT 0,
    confidence DOUBLE PRECISION NOT NULL,
    headline TEXT COLLATE "C",
    fts tsvector GENERATED ALWAYS AS (to_tsvector('saidwhat', quote)) STORED,
    speaker_fts tsvector GENERATED ALWAYS AS (
        to_tsvector('saidwhat', coalesce(speaker_name, ''))
    ) STORED,
    UNIQUE (document_id, quote_start, quote_end)
);
CREATE INDEX statements_person_date ON statements(person_id, date);
CREATE INDEX statements_date ON statements(date);
CREATE INDEX statements_kind ON statements(kind);
CREATE INDEX statements_fts ON statements USING gin (fts);
CREATE INDEX statements_speaker_fts ON statements USING gin (speaker_fts);

CREATE TABLE feeds (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    url TEXT COLLATE "C" NOT NULL UNIQUE,
    title TEXT COLLATE "C",
    etag TEXT COLLATE "C",
    last_modified TEXT COLLATE "C",
    last_polled TEXT COLLATE "C",
    last_status TEXT COLLATE "C",
    last_error TEXT COLLATE "C",
    added_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE feed_entries (
    feed_id BIGINT NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    entry_id TEXT COLLATE "C" NOT NULL,
    url TEXT COLLATE "C",
    document_id BIGINT REFERENCES documents(id) ON DELETE SET NULL,
    status TEXT COLLATE "C" NOT NULL,
    seen_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (feed_id, entry_id)
);

CREATE TABLE watchlists (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL UNIQUE,
    filters TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);
"""

V2_POSTGRES = """
ALTER TABLE statements ADD COLUMN day TEXT COLLATE "C";
UPDATE statements s SET day = COALESCE(substr(s.date, 1, 10),
    (SELECT substr(published, 1, 10) FROM documents d WHERE d.id = s.document_id));
-- Both date orders, ties broken by id, NULL days last (as SQLite sorts them):
-- a newest-first page walks statements_day_desc and stops after LIMIT rows.
CREATE INDEX statements_day ON statements(day, id);
CREATE INDEX statements_day_desc ON statements(day DESC NULLS LAST, id DESC);
CREATE INDEX statements_person_day ON statements(person_id, day DESC NULLS LAST, id DESC);
CREATE FUNCTION saidwhat_statement_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.day := COALESCE(substr(NEW.date, 1, 10),
        (SELECT substr(published, 1, 10) FROM documents d WHERE d.id = NEW.document_id));
    RETURN NEW;
END $$;
-- WHEN: writers that give the day (store_document, COPY) skip the function call.
CREATE TRIGGER statements_day_ai BEFORE INSERT ON statements
    FOR EACH ROW WHEN (NEW.day IS NULL) EXECUTE FUNCTION saidwhat_statement_day();
CREATE TRIGGER statements_day_au BEFORE UPDATE OF date ON statements
    FOR EACH ROW EXECUTE FUNCTION saidwhat_statement_day();
"""
