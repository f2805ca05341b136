"""Schema migrations, applied in order; ``PRAGMA user_version`` records the last one.

Never edit a released migration: add a new one. Each runs in its own transaction.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the first release.
    """
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
    """,
    # 2: one indexed "effective day" per statement (its own date, else its document's
    # publication day), so date filters and date sorting use an index instead of
    # COALESCE(date, published) over a join. store_document sets it; the trigger
    # covers any other writer.
    """
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
    """,
    # events: PLOVER events coded from statements and reported actions (saidwhat.events),
    # each tied to its document and, when it is in one, its statement. Actor and
    # recipient are JSON lists of entities; the first of each is copied into columns
    # for the pair filters and tone aggregates.
    """
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
        actor_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        recipient_name TEXT,
        recipient_country TEXT,
        recipient_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
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
    """,
]
