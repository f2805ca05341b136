"""Schema migrations, applied in order, for SQLite and PostgreSQL.

SQLite records the last one applied in ``PRAGMA user_version``, PostgreSQL in
the one-row table ``saidwhat_schema``. Never edit a released migration: append
a new one. Each runs in its own transaction.

An entry is a :class:`Migration` with the SQL for each dialect, or a plain
string when the same SQL runs on both (``ALTER TABLE t ADD COLUMN c TEXT;``,
``CREATE INDEX ...``). The PostgreSQL script runs in one call, so it may hold
functions with ``$$`` bodies.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    sqlite: str
    postgres: str

    def statements(self, dialect: str) -> list[str]:
        if dialect == "postgres":
            return [self.postgres]
        from saidwhat.store.db import split_sql

        return split_sql(self.sqlite)


# 1: the first release.
_V1_SQLITE = """
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
_V2_SQLITE = """
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
_V1_POSTGRES = """
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

_V2_POSTGRES = """
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

_V3_SQLITE = """
CREATE TABLE near_dupe_bands (
    key INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, document_id)
) WITHOUT ROWID;
CREATE INDEX near_dupe_bands_document ON near_dupe_bands(document_id);
CREATE TABLE near_dupe_pending (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
);
INSERT INTO near_dupe_pending (document_id) SELECT id FROM documents WHERE minhash IS NOT NULL;
CREATE TRIGGER near_dupe_ai AFTER INSERT ON documents WHEN new.minhash IS NOT NULL BEGIN
    INSERT OR IGNORE INTO near_dupe_pending (document_id) VALUES (new.id);
END;
CREATE TRIGGER near_dupe_au AFTER UPDATE OF minhash ON documents BEGIN
    INSERT OR IGNORE INTO near_dupe_pending (document_id) VALUES (new.id);
END;
"""

_V3_POSTGRES = """
CREATE TABLE near_dupe_bands (
    key BIGINT NOT NULL,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, document_id)
);
CREATE INDEX near_dupe_bands_document ON near_dupe_bands(document_id);
CREATE TABLE near_dupe_pending (
    document_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE
);
INSERT INTO near_dupe_pending (document_id) SELECT id FROM documents WHERE minhash IS NOT NULL;
CREATE FUNCTION saidwhat_near_dupe_pending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.minhash IS NOT NULL THEN
        INSERT INTO near_dupe_pending (document_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER near_dupe_ai AFTER INSERT ON documents
    FOR EACH ROW EXECUTE FUNCTION saidwhat_near_dupe_pending();
CREATE TRIGGER near_dupe_au AFTER UPDATE OF minhash ON documents
    FOR EACH ROW EXECUTE FUNCTION saidwhat_near_dupe_pending();
"""

_V4_SQLITE = """
CREATE TABLE dossier_drafts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    intro TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE dossier_draft_items (
    draft_id INTEGER NOT NULL REFERENCES dossier_drafts(id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (draft_id, statement_id)
);
CREATE TABLE watchlist_visits (
    watchlist_id INTEGER PRIMARY KEY REFERENCES watchlists(id) ON DELETE CASCADE,
    last_visit TEXT NOT NULL
);
CREATE TABLE speaker_fixes (
    content_hash TEXT NOT NULL,
    quote_start INTEGER NOT NULL,
    quote_end INTEGER NOT NULL,
    person_name TEXT NOT NULL,
    fixed_at TEXT NOT NULL,
    PRIMARY KEY (content_hash, quote_start, quote_end)
);
"""

_V4_POSTGRES = """
CREATE TABLE dossier_drafts (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL UNIQUE,
    title TEXT COLLATE "C" NOT NULL,
    intro TEXT COLLATE "C" NOT NULL DEFAULT '',
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE dossier_draft_items (
    draft_id BIGINT NOT NULL REFERENCES dossier_drafts(id) ON DELETE CASCADE,
    statement_id BIGINT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (draft_id, statement_id)
);
CREATE TABLE watchlist_visits (
    watchlist_id BIGINT PRIMARY KEY REFERENCES watchlists(id) ON DELETE CASCADE,
    last_visit TEXT COLLATE "C" NOT NULL
);
CREATE TABLE speaker_fixes (
    content_hash TEXT COLLATE "C" NOT NULL,
    quote_start INTEGER NOT NULL,
    quote_end INTEGER NOT NULL,
    person_name TEXT COLLATE "C" NOT NULL,
    fixed_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (content_hash, quote_start, quote_end)
);
"""

_V7_SQLITE = """
UPDATE aliases SET key = saidwhat_name_key(alias);
"""

_V8_SQLITE = """
ALTER TABLE statements ADD COLUMN quote_lemmas TEXT;
DROP TRIGGER statements_ai;
DROP TRIGGER statements_ad;
DROP TRIGGER statements_au;
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5(
    quote, speaker_name, quote_lemmas, content='statements', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, quote, speaker_name, quote_lemmas)
    VALUES (new.id, new.quote, new.speaker_name, new.quote_lemmas);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, quote, speaker_name, quote_lemmas)
    VALUES ('delete', old.id, old.quote, old.speaker_name, old.quote_lemmas);
END;
CREATE TRIGGER statements_au AFTER UPDATE OF quote, speaker_name, quote_lemmas
ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, quote, speaker_name, quote_lemmas)
    VALUES ('delete', old.id, old.quote, old.speaker_name, old.quote_lemmas);
    INSERT INTO statements_fts(rowid, quote, speaker_name, quote_lemmas)
    VALUES (new.id, new.quote, new.speaker_name, new.quote_lemmas);
END;
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
"""

_V8_POSTGRES = """
ALTER TABLE statements ADD COLUMN quote_lemmas TEXT COLLATE "C";
ALTER TABLE statements ADD COLUMN lemmas_fts tsvector GENERATED ALWAYS AS (
    to_tsvector('saidwhat', coalesce(quote_lemmas, ''))
) STORED;
CREATE INDEX statements_lemmas_fts ON statements USING gin (lemmas_fts);
"""

_V9_SQLITE = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    statement_id INTEGER REFERENCES statements(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    mode TEXT,
    aux TEXT,
    score REAL,
    stance REAL,
    span TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence_start INTEGER,
    sentence_end INTEGER,
    actor TEXT NOT NULL DEFAULT '[]',
    recipient TEXT NOT NULL DEFAULT '[]',
    actor_name TEXT,
    actor_country TEXT,
    recipient_name TEXT,
    recipient_country TEXT,
    day TEXT,
    confidence REAL NOT NULL DEFAULT 0.5,
    coder TEXT NOT NULL,
    UNIQUE (document_id, span_start, span_end, event)
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_statement ON events(statement_id);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_actor ON events(actor_name COLLATE NOCASE);
CREATE INDEX events_recipient ON events(recipient_name COLLATE NOCASE);
CREATE INDEX events_event ON events(event);
"""

_V9_POSTGRES = """
CREATE TABLE events (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    statement_id BIGINT REFERENCES statements(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    mode TEXT,
    aux TEXT,
    score DOUBLE PRECISION,
    stance DOUBLE PRECISION,
    span TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence_start INTEGER,
    sentence_end INTEGER,
    actor TEXT NOT NULL DEFAULT '[]',
    recipient TEXT NOT NULL DEFAULT '[]',
    actor_name TEXT,
    actor_country TEXT,
    recipient_name TEXT,
    recipient_country TEXT,
    day TEXT,
    confidence DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    coder TEXT NOT NULL,
    UNIQUE (document_id, span_start, span_end, event)
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_statement ON events(statement_id);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_actor ON events(lower(actor_name));
CREATE INDEX events_recipient ON events(lower(recipient_name));
CREATE INDEX events_event ON events(event);
"""

_V10_SQLITE = """
CREATE TABLE translations (
    statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    added_at TEXT NOT NULL
);
"""

_V10_POSTGRES = """
CREATE TABLE translations (
    statement_id BIGINT PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
    language TEXT COLLATE "C" NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    added_at TEXT COLLATE "C" NOT NULL
);
"""

MIGRATIONS: list[Migration | str] = [
    Migration(sqlite=_V1_SQLITE, postgres=_V1_POSTGRES),
    Migration(sqlite=_V2_SQLITE, postgres=_V2_POSTGRES),
    # 3 (saidwhat.store.near_dupes): the near-duplicate index in the store instead of in
    # memory. One row per MinHash LSH band key of each document with a signature; a
    # trigger queues documents whose bands must be (re)computed in Python, including
    # every document stored before this migration.
    Migration(sqlite=_V3_SQLITE, postgres=_V3_POSTGRES),
    # 4 (web desk): dossier drafts built in the browser, when each watchlist was last
    # opened there, and statement speaker fixes made by hand (kept by document hash
    # and offsets, so they are re-applied when the same text is stored again).
    Migration(sqlite=_V4_SQLITE, postgres=_V4_POSTGRES),
    # 5 (feeds): feed entries that failed are retried with back-off, not on every poll.
    """
    ALTER TABLE feed_entries ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feed_entries ADD COLUMN next_try TEXT;
    ALTER TABLE feed_entries ADD COLUMN last_error TEXT;
    UPDATE feed_entries SET attempts = 1 WHERE status = 'error';
    """,
    # 6 (engine): where a statement's date comes from: 'citation', 'sentence' (a date
    # its sentence states) or 'document' (the document's date); NULL when unknown.
    """
    ALTER TABLE statements ADD COLUMN date_source TEXT;
    """,
    # 7 (languages): alias keys compare Cyrillic names in Latin script and fold
    # Russian/Ukrainian romanisations (Сергей Лавров ~ Сергій Лавров ~ Sergey Lavrov):
    # recompute every key. SQLite calls names.name_key; a PostgreSQL store is new in this
    # release, so its keys were computed by the same function when they were written.
    Migration(sqlite=_V7_SQLITE, postgres="SELECT 1;"),
    # 8 (languages): Russian and Ukrainian statements carry their lemmas
    # (store/lemmas.py) in an indexed column beside the quote, so "санкции" finds
    # "санкций"; the full-text index gains that column.
    Migration(sqlite=_V8_SQLITE, postgres=_V8_POSTGRES),
    # 9 (events): PLOVER events coded from statements and reported actions (saidwhat.events),
    # each tied to its document and, when it is in one, its statement. Actor and
    # recipient are JSON lists of entities; the first of each is copied into columns
    # for the pair filters and tone aggregates.
    Migration(sqlite=_V9_SQLITE, postgres=_V9_POSTGRES),
    # 10 (languages): a reader's own translation of a statement (saidwhat translate),
    # one per statement.
    Migration(sqlite=_V10_SQLITE, postgres=_V10_POSTGRES),
]


def statements_of(migration: Migration | str, dialect: str) -> list[str]:
    """The SQL statements of one entry of :data:`MIGRATIONS` for ``dialect``."""
    if isinstance(migration, str):
        migration = Migration(sqlite=migration, postgres=migration)
    return migration.statements(dialect)
