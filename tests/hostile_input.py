"""Hypothesis strategies for what a visitor can put in a query string or a path: known and unknown
parameter names with any text, huge and negative numbers, control characters, any unicode,
repeated values, and raw bytes that are not valid percent-encoded UTF-8."""

from urllib.parse import quote_from_bytes

from django.http import QueryDict

from hypothesis import settings
from hypothesis import strategies as st

# Any character a URL can carry once percent-encoded (lone surrogates cannot be encoded as UTF-8).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, -1, 2**31, 2**63 - 1, 2**63, 2**64, 10**400]),
).map(str)
ODD_TEXT = st.sampled_from(
    ["", " ", "\x00", "\r\n", "%", "%00", "'", '"', "<script>", "../", "*", "?", "NaN", "1e309", "١٢", "𝟙"]
)
VALUES = st.one_of(ANY_TEXT, NUMBERS, ODD_TEXT, st.text("0123456789", min_size=15, max_size=400))
UNKNOWN_NAMES = st.one_of(ANY_TEXT.filter(bool), st.sampled_from(["format", "fields", "__all__", "page[]"]))


def query_params(known_names, values=VALUES):
    """A mapping of parameter names (mostly the view's own) to one or more values."""
    names = st.one_of(st.sampled_from(sorted(known_names)), UNKNOWN_NAMES) if known_names else UNKNOWN_NAMES
    return st.dictionaries(names, st.lists(values, min_size=1, max_size=4), max_size=6)


# A query string of arbitrary bytes: invalid UTF-8, stray `%`, `&` and `=` included.
RAW_QUERY_STRINGS = st.binary(max_size=60).map(lambda raw: quote_from_bytes(raw, safe=b"%&=;+"))

PATH_SEGMENTS = st.one_of(
    NUMBERS,
    ODD_TEXT.filter(bool),
    ANY_TEXT.filter(lambda text: text.strip("/.")),
).map(lambda segment: quote_from_bytes(segment.encode(), safe=b""))


def examples(share: float):
    """A test's number of examples as a share of the profile's (tests/conftest.py): requests to the
    site cost more than calls, so each test takes what its surface is worth."""
    return settings(max_examples=max(10, round(settings.default.max_examples * share)))


def as_query_dict(params) -> QueryDict:
    query = QueryDict(mutable=True)
    for name, values in params.items():
        query.setlist(name, values)
    return query
