"""What every record search engine takes and gives back."""

from dataclasses import dataclass, field

from search.documents import FACETS

SORTS = ("relevance", "newest", "amount")
# How many values of a facet an engine counts; the page shows the top ones and any selected.
FACET_SIZE = 500


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = ""
    page: int = 1
    page_size: int = 20
    # False when the caller shows no facets (the site search): their values are not labelled.
    labelled_facets: bool = True

    def __post_init__(self):
        unknown = set(self.filters) - set(FACETS)
        if unknown:
            raise ValueError(f"Unknown facets: {sorted(unknown)}")

    @property
    def effective_sort(self):
        """Relevance needs words to be relevant to; without them the newest come first."""
        if self.sort in ("newest", "amount"):
            return self.sort
        return "relevance" if self.query else "newest"

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    def without(self, facet):
        """The filters of every other facet: a facet's counts ignore its own selection."""
        return {key: values for key, values in self.filters.items() if key != facet and values}


@dataclass
class EngineHit:
    id: int
    # Marked-up fragments by field name; None when the engine leaves highlighting to the service.
    highlights: dict[str, str] | None


@dataclass
class EngineResult:
    total: int
    hits: list[EngineHit]
    facets: dict[str, dict[str, int]]


class SearchUnavailable(Exception):
    """The engine could not answer (unreachable, timed out, refused): the caller falls back."""
