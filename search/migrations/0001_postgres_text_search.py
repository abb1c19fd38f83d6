"""On PostgreSQL, a text-search configuration that folds accents and stems Spanish.

Visitors type without accents ("cooperacion" must find "Cooperación"); PostgreSQL's own
configurations keep them. SQLite's FTS5 tokenizer already folds them, so nothing runs there.
"""

from django.db import migrations

CONFIGURATION = "portal_search"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIGURATION}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = spanish);
        ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
END
$$;
"""

DROP = f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION};"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create, drop)]
