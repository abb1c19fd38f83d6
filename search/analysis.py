"""Text analysis for the database search engine: the same words match in both databases.

Words are folded (case, accents) and reduced to a light Spanish stem and a minimal English stem,
the algorithms of Lucene's SpanishLightStemmer and EnglishMinimalStemmer, which Elasticsearch's
`light_spanish` and `minimal_english` filters also use: they undo plurals and gender endings
without the over-stemming of Snowball ("ciudad" and "ciudades" both become "ciudad").
"""

import html
import re
import unicodedata

MAX_QUERY_WORDS = 12
FRAGMENT_LENGTH = 240
_WORD = re.compile(r"[^\W_]+")
# Function words, folded: neither indexed nor required of a match (Elasticsearch's analyzers drop them too).
STOPWORDS = frozenset(
    "a al con contra de del desde e el en entre es hacia la las lo los o para por que se sin sobre su sus "
    "un una uno unos unas y "
    "an and are as at be by for from in is it of on or the to with".split()
)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def spanish_light_stem(word: str) -> str:
    if len(word) < 5:
        return word
    if word.endswith(("o", "a", "e")):
        return word[:-1]
    if word.endswith("eses"):
        return word[:-2]
    if word.endswith("ces"):
        return word[:-3] + "z"
    if word.endswith(("os", "as", "es")):
        return word[:-2]
    return word


def english_minimal_stem(word: str) -> str:
    if len(word) < 3 or not word.endswith("s") or word.endswith(("us", "ss")):
        return word
    if len(word) > 3 and word.endswith("ies") and word[-4] not in "ae":
        return word[:-3] + "y"
    if word.endswith("es") and word[-3] in "iaoe":
        return word
    return word[:-1]


def word_stems(word: str) -> set[str]:
    """The index keys of one folded word: its Spanish and English stems."""
    return {spanish_light_stem(word), english_minimal_stem(word)}


def words(text: str) -> list[str]:
    return [word for word in _WORD.findall(fold(text or "")) if word not in STOPWORDS]


def index_terms(*texts: str) -> str:
    """The space-separated keys stored for a record: every stem of every word, once."""
    keys = dict.fromkeys(stem for text in texts for word in words(text) for stem in word_stems(word))
    return " ".join(keys)


def query_stems(query: str) -> list[set[str]]:
    """One set of alternative keys per query word (a word matches through either stem)."""
    unique = dict.fromkeys(words(query))
    return [word_stems(word) for word in list(unique)[:MAX_QUERY_WORDS]]


def highlight(text: str, query: str, length: int = FRAGMENT_LENGTH) -> str:
    """An HTML-escaped fragment of `text` around its first matching word, matches in <mark>."""
    text = text or ""
    wanted = set().union(*query_stems(query)) if query else set()
    matches = [match for match in _WORD.finditer(text) if wanted and word_stems(fold(match.group())) & wanted]
    start = 0
    if matches and len(text) > length:
        start = max(0, matches[0].start() - length // 4)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    pieces, cursor = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(html.escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{html.escape(match.group())}</mark>")
        cursor = match.end()
    pieces.append(html.escape(text[cursor:end]))
    return ("… " if start else "") + "".join(pieces) + (" …" if end < len(text) else "")
