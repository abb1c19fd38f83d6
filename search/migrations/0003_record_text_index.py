"""The full-text index over RecordEntry.terms and RecordEntry.title_words.

SQLite: an external-content FTS5 table kept in step with search_recordentry by triggers.
PostgreSQL: tsvector columns generated from the same columns, with GIN indexes. The words are
already folded and stemmed in Python (search.analysis), so the 'simple' configuration is the
right one: both databases match the same words.
"""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE search_recordentry_fts USING fts5(
        terms, title_words, content='search_recordentry', content_rowid='action_id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER search_recordentry_fts_insert AFTER INSERT ON search_recordentry BEGIN
        INSERT INTO search_recordentry_fts(rowid, terms, title_words)
        VALUES (new.action_id, new.terms, new.title_words);
    END""",
    """CREATE TRIGGER search_recordentry_fts_delete AFTER DELETE ON search_recordentry BEGIN
        INSERT INTO search_recordentry_fts(search_recordentry_fts, rowid, terms, title_words)
        VALUES ('delete', old.action_id, old.terms, old.title_words);
    END""",
    """CREATE TRIGGER search_recordentry_fts_update AFTER UPDATE ON search_recordentry BEGIN
        INSERT INTO search_recordentry_fts(search_recordentry_fts, rowid, terms, title_words)
        VALUES ('delete', old.action_id, old.terms, old.title_words);
        INSERT INTO search_recordentry_fts(rowid, terms, title_words)
        VALUES (new.action_id, new.terms, new.title_words);
    END""",
    "INSERT INTO search_recordentry_fts(search_recordentry_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_recordentry_fts_insert",
    "DROP TRIGGER IF EXISTS search_recordentry_fts_delete",
    "DROP TRIGGER IF EXISTS search_recordentry_fts_update",
    "DROP TABLE IF EXISTS search_recordentry_fts",
]
POSTGRES_CREATE = [
    """ALTER TABLE search_recordentry
        ADD COLUMN terms_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED,
        ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', title_words)) STORED""",
    "CREATE INDEX search_recordentry_terms_gin ON search_recordentry USING GIN (terms_vector)",
    "CREATE INDEX search_recordentry_title_gin ON search_recordentry USING GIN (title_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_recordentry_terms_gin",
    "DROP INDEX IF EXISTS search_recordentry_title_gin",
    "ALTER TABLE search_recordentry DROP COLUMN IF EXISTS terms_vector, DROP COLUMN IF EXISTS title_vector",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0002_record_index")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
