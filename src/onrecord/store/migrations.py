"""Named, append-only schema migrations for SQLite and PostgreSQL.

Each migration is a name and, per dialect, a list of SQL statements. Applied
names are recorded in ``schema_migrations``; never edit an applied migration,
append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Migration", "MIGRATIONS"]


@dataclass(frozen=True)
class Migration:
    name: str
    sqlite: tuple[str, ...]
    postgresql: tuple[str, ...]

    def statements(self, dialect: str) -> tuple[str, ...]:
        return self.sqlite if dialect == "sqlite" else self.postgresql


def _both(*sql: str) -> tuple[str, ...]:
    return tuple(sql)


_ARTICLES = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        external_id TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        authors TEXT NOT NULL DEFAULT '[]',
        outlet TEXT NOT NULL DEFAULT '',
        published TEXT,
        language TEXT NOT NULL DEFAULT 'en',
        text TEXT NOT NULL,
        source_ref TEXT NOT NULL DEFAULT '',
        cluster_id TEXT,
        fingerprint TEXT NOT NULL DEFAULT '',
        ingested_at TEXT NOT NULL
    )""",
    "CREATE INDEX ix_articles_outlet ON articles(outlet)",
    "CREATE INDEX ix_articles_published ON articles(published)",
    "CREATE INDEX ix_articles_cluster ON articles(cluster_id)",
    "CREATE INDEX ix_articles_external ON articles(external_id)",
    """CREATE TABLE article_candidates (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        origin TEXT NOT NULL,
        chosen INTEGER NOT NULL DEFAULT 0,
        rule TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX ix_candidates_article ON article_candidates(article_id)",
    """CREATE TABLE provenance (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        relation TEXT NOT NULL,
        target TEXT NOT NULL,
        ev_start INTEGER,
        ev_end INTEGER,
        ev_text TEXT,
        origin TEXT NOT NULL DEFAULT 'text'
    )""",
    "CREATE INDEX ix_provenance_article ON provenance(article_id)",
    "CREATE INDEX ix_provenance_target ON provenance(target)",
)

_SKIPS_SQLITE = """CREATE TABLE skips (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_ref TEXT NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )"""
_SKIPS_PG = _SKIPS_SQLITE.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY")

_STATEMENTS = (
    """CREATE TABLE statements (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        content_start INTEGER NOT NULL,
        content_end INTEGER NOT NULL,
        content_text TEXT NOT NULL,
        fragments TEXT NOT NULL DEFAULT '[]',
        cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
        mention_start INTEGER, mention_end INTEGER, mention_text TEXT,
        speaker_id TEXT,
        resolution TEXT NOT NULL DEFAULT '{}',
        said_on TEXT,
        confidence REAL NOT NULL DEFAULT 0.5,
        extractor TEXT NOT NULL DEFAULT '',
        modality TEXT NOT NULL DEFAULT '',
        polarity TEXT NOT NULL DEFAULT '',
        checkworthy REAL
    )""",
    "CREATE INDEX ix_statements_article ON statements(article_id)",
    "CREATE INDEX ix_statements_speaker ON statements(speaker_id, said_on)",
    """CREATE TABLE quantities (
        statement_id TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        value REAL, low REAL, high REAL,
        unit TEXT NOT NULL DEFAULT '',
        counted TEXT NOT NULL DEFAULT '',
        qualifier TEXT NOT NULL DEFAULT '',
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (statement_id, idx)
    )""",
    "CREATE INDEX ix_quantities_counted ON quantities(counted)",
    """CREATE TABLE hedges (
        statement_id TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (statement_id, idx)
    )""",
    """CREATE TABLE speakers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'person',
        meta TEXT NOT NULL DEFAULT '{}'
    )""",
    """CREATE TABLE speaker_aliases (
        alias_key TEXT NOT NULL,
        speaker_id TEXT NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT 'corpus',
        PRIMARY KEY (alias_key, speaker_id)
    )""",
    """CREATE TABLE speaker_roles (
        speaker_id TEXT NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        article_id TEXT,
        date TEXT,
        source TEXT NOT NULL DEFAULT 'corpus',
        evidence TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX ix_roles_role ON speaker_roles(role, date)",
    """CREATE TABLE speaker_corrections (
        seq INTEGER NOT NULL,
        action TEXT NOT NULL,
        a TEXT NOT NULL,
        b TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        PRIMARY KEY (seq)
    )""",
    """CREATE TABLE flags (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        score REAL NOT NULL,
        explanation TEXT NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        detector TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX ix_flags_type ON flags(type)",
    """CREATE TABLE flag_evidence (
        flag_id TEXT NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        statement_id TEXT NOT NULL,
        PRIMARY KEY (flag_id, idx)
    )""",
    "CREATE INDEX ix_flag_evidence_statement ON flag_evidence(statement_id)",
    """CREATE TABLE verdicts (
        flag_id TEXT PRIMARY KEY,
        verdict TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        reviewer TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )""",
)

_TIMES = (
    """CREATE TABLE statement_times (
        statement_id TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        bound TEXT NOT NULL DEFAULT '',
        value TEXT,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (statement_id, idx)
    )""",
    "CREATE INDEX ix_statement_times_value ON statement_times(value)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_articles",
        sqlite=_ARTICLES
        + (
            _SKIPS_SQLITE,
            "CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')",
        ),
        postgresql=_ARTICLES
        + (
            _SKIPS_PG,
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED",
            "CREATE INDEX ix_articles_tsv ON articles USING GIN(tsv)",
        ),
    ),
    Migration(
        "0002_statements_speakers_flags",
        sqlite=_STATEMENTS
        + ("CREATE VIRTUAL TABLE statements_fts USING fts5(id UNINDEXED, content_text, tokenize='unicode61 remove_diacritics 2')",),
        postgresql=_STATEMENTS
        + (
            "ALTER TABLE statements ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', content_text)) STORED",
            "CREATE INDEX ix_statements_tsv ON statements USING GIN(tsv)",
        ),
    ),
    Migration("0003_statement_times", sqlite=_TIMES, postgresql=_TIMES),
)
