"""What the search engines know of a public cooperation record, drawn from the register once.

Both engines index a `RecordDocument`: the same words and the same facet values, so that they
give the same results for the same request.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cooperacion.models import CooperationAction

# The facets, in the order the public page shows them. Values are stable keys (codes, ids).
FACETS = (
    "type",
    "partner_type",
    "partner",
    "country",
    "entity",
    "sector",
    "sdg",
    "thematic_table",
    "status",
    "year",
)


@dataclass(frozen=True)
class RecordDocument:
    id: int
    title: str
    title_en: str
    summary: str
    summary_en: str
    results: str
    results_en: str
    names: str
    external_id: str
    year: int
    date: date
    amount_cop: Decimal | None
    facets: dict[str, list[str]]

    @property
    def spanish_text(self):
        return (self.title, self.summary, self.results)

    @property
    def english_text(self):
        return (self.title_en, self.summary_en, self.results_en)


def indexable_actions():
    """The public records with everything `document_for` reads, in a constant number of queries."""
    return (
        CooperationAction.objects.public()
        .select_related("thematic_table")
        .prefetch_related("partner_links__partner", "entity_links__entity__sector", "sdgs")
        .order_by("pk")
    )


def document_for(action: CooperationAction) -> RecordDocument:
    partners = [link.partner for link in action.partner_links.all()]
    entities = [link.entity for link in action.entity_links.all()]
    countries = {partner.country.code for partner in partners if partner.country} | {
        country.code for country in action.countries
    }
    names = [
        name
        for item in [*partners, *entities]
        for name in (item.name, getattr(item, "name_en", ""), item.acronym)
        if name
    ]
    shows_results = action.shows_results
    return RecordDocument(
        id=action.pk,
        title=action.title,
        title_en=action.title_en,
        summary=action.summary,
        summary_en=action.summary_en,
        results=action.results if shows_results else "",
        results_en=action.results_en if shows_results else "",
        names=" · ".join(names),
        external_id=action.external_id or "",
        year=action.year,
        date=action.start_date or action.date_signed or action.date_identified,
        amount_cop=action.amount_cop if action.shows_amounts else None,
        facets={
            "type": [action.action_type],
            "partner_type": sorted({partner.partner_type for partner in partners}),
            "partner": sorted(str(partner.pk) for partner in partners),
            "country": sorted(countries),
            "entity": sorted(str(entity.pk) for entity in entities),
            "sector": sorted({str(entity.sector_id) for entity in entities}),
            "sdg": [str(goal.pk) for goal in action.sdgs.all()],
            "thematic_table": [str(action.thematic_table_id)] if action.thematic_table_id else [],
            "status": [action.status],
            "year": [str(action.year)],
        },
    )
