"""Turning what a visitor typed into a query every backend accepts."""

import unicodedata

MAX_QUERY_LENGTH = 200


def clean_query(text: str | None) -> str:
    """Drop control characters (a NUL byte breaks SQLite FTS5) and double quotes (an unpaired one
    is a syntax error in FTS5 and PostgreSQL's tsquery), fold whitespace, cap the length."""
    if not text:
        return ""
    printable = "".join(
        " " if char == '"' or unicodedata.category(char).startswith("C") else char for char in text
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()
