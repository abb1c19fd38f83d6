"""What the register API (`/api/v1/records/`) says about public records.

Every record reaching these serializers comes through `CooperationAction.objects.public()`.
Amounts appear only when the partner authorised them (`shows_amounts`), results only when it
authorised results (`shows_results`), and supporting documents only when marked public and shown
on the record's sheet. Internal notes, the authorisation evidence and liaison data have no field
here. Labels follow the request's language (Accept-Language: es or en).
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from cooperacion.models import (
    ActionType,
    AuthorisationScope,
    Dimension,
    InstrumentKind,
    LineOfAction,
    PartnerRole,
    PartnerType,
    Status,
)
from cooperacion.serializers import SustainableDevelopmentGoalSerializer, absolute

from .documents import FACETS
from .filters import MAX_RESULT_WINDOW
from .records import FACET_LABELS


class CodelistField(serializers.ChoiceField):
    """A codelist value as `{"code", "label"}`, the label in the request's language."""

    def __init__(self, choices, **kwargs):
        super().__init__(choices=choices, read_only=True, **kwargs)

    def to_representation(self, value):
        if value in ("", None):
            return None
        return {"code": value, "label": str(self.choices.get(value, value))}


class SheetURLsSerializer(serializers.Serializer):
    # The record's public sheet in each language.
    es = serializers.SerializerMethodField()
    en = serializers.SerializerMethodField()

    def sheet(self, action, language):
        with translation.override(language):
            return absolute(self, action.get_absolute_url())

    def get_es(self, action) -> str:
        return self.sheet(action, "es")

    def get_en(self, action) -> str:
        return self.sheet(action, "en")


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class BilingualNameSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    name_en = serializers.CharField()


class EntitySerializer(BilingualNameSerializer):
    acronym = serializers.CharField()
    sector = BilingualNameSerializer()


class PartnerSerializer(serializers.Serializer):
    # A partner of the record, with its role in it.
    id = serializers.IntegerField(source="partner.pk")
    name = serializers.CharField(source="partner.name")
    acronym = serializers.CharField(source="partner.acronym")
    type = CodelistField(PartnerType.choices, source="partner.partner_type")
    country = serializers.SerializerMethodField()
    website = serializers.CharField(source="partner.website")
    role = CodelistField(PartnerRole.choices)

    @extend_schema_field(CountrySerializer(allow_null=True))
    def get_country(self, link):
        country = link.partner.country
        return CountrySerializer(country).data if country else None


class DevelopmentPlanTargetSerializer(serializers.Serializer):
    code = serializers.CharField()
    programme = serializers.CharField()
    programme_en = serializers.CharField()
    target = serializers.CharField()
    target_en = serializers.CharField()


class LocalitySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(source="get_code_display")


class AmountsSerializer(serializers.Serializer):
    # The value as given and its equivalents in pesos and dollars.
    amount = serializers.DecimalField(max_digits=18, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    in_kind = serializers.BooleanField()
    amount_cop = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)
    amount_usd = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)
    exchange_rate_cop = serializers.DecimalField(max_digits=18, decimal_places=6, allow_null=True)
    usd_rate_cop = serializers.DecimalField(max_digits=18, decimal_places=6, allow_null=True)
    exchange_rate_date = serializers.DateField(allow_null=True)


class IndicatorSerializer(serializers.Serializer):
    name = serializers.CharField()
    name_en = serializers.CharField()
    value = serializers.DecimalField(max_digits=18, decimal_places=2)
    unit = serializers.CharField()


class ResultsSerializer(serializers.Serializer):
    text = serializers.CharField(source="results")
    text_en = serializers.CharField(source="results_en")
    indicators = IndicatorSerializer(many=True)


class DocumentSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    file_extension = serializers.CharField()

    def get_url(self, document) -> str:
        return absolute(self, document.url)


class AuthorisationSerializer(serializers.Serializer):
    # What the partner authorised to publish, and when.
    date = serializers.DateField(source="authorisation_date")
    scope = CodelistField(AuthorisationScope.choices, source="authorisation_scope")


class RecordSerializer(serializers.Serializer):
    # One public record in full: `GET /api/v1/records/<id>/`. (Serializer docstrings would become
    # the schema's descriptions, which must go through gettext: comments instead.)
    id = serializers.IntegerField(source="pk")
    url = serializers.SerializerMethodField(help_text=_("Esta ficha en la API."))
    sheet_urls = SheetURLsSerializer(source="*")
    title = serializers.CharField()
    title_en = serializers.CharField()
    summary = serializers.CharField()
    summary_en = serializers.CharField()
    description = serializers.CharField()
    description_en = serializers.CharField()
    type = CodelistField(ActionType.choices, source="action_type")
    instrument_kind = CodelistField(InstrumentKind.choices, allow_null=True)
    line_of_action = CodelistField(LineOfAction.choices)
    dimension = CodelistField(Dimension.choices)
    status = CodelistField(Status.choices)
    date_identified = serializers.DateField()
    date_signed = serializers.DateField(allow_null=True)
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    year = serializers.IntegerField()
    thematic_table = BilingualNameSerializer(allow_null=True)
    transversal_axes = BilingualNameSerializer(many=True)
    development_plan_target = DevelopmentPlanTargetSerializer(allow_null=True)
    sdgs = SustainableDevelopmentGoalSerializer(many=True)
    partners = PartnerSerializer(source="partner_links", many=True)
    entities = serializers.SerializerMethodField()
    sectors = serializers.SerializerMethodField()
    citywide = serializers.BooleanField()
    localities = LocalitySerializer(many=True)
    countries = serializers.SerializerMethodField()
    amounts = serializers.SerializerMethodField(
        help_text=_("Solo si el aliado autorizó publicar los montos; si no, null.")
    )
    results = serializers.SerializerMethodField(
        help_text=_("Solo si el aliado autorizó publicar los resultados; si no, null.")
    )
    documents = serializers.SerializerMethodField(
        help_text=_("Los documentos de soporte públicos; solo si el aliado autorizó publicar los resultados.")
    )
    authorisation = AuthorisationSerializer(source="*")
    updated_at = serializers.DateTimeField()

    def get_url(self, action) -> str:
        return absolute(self, reverse("api_record_detail", kwargs={"pk": action.pk}))

    @extend_schema_field(EntitySerializer(many=True))
    def get_entities(self, action):
        return EntitySerializer([link.entity for link in action.entity_links.all()], many=True).data

    @extend_schema_field(BilingualNameSerializer(many=True))
    def get_sectors(self, action):
        sectors = sorted(action.sectors, key=lambda sector: sector.name)
        return BilingualNameSerializer(sectors, many=True).data

    @extend_schema_field(CountrySerializer(many=True))
    def get_countries(self, action):
        return CountrySerializer(action.countries, many=True).data

    @extend_schema_field(AmountsSerializer(allow_null=True))
    def get_amounts(self, action):
        return AmountsSerializer(action).data if action.shows_amounts else None

    @extend_schema_field(ResultsSerializer(allow_null=True))
    def get_results(self, action):
        return ResultsSerializer(action).data if action.shows_results else None

    @extend_schema_field(DocumentSerializer(many=True))
    def get_documents(self, action):
        documents = [link.document for link in action.documents.all() if link.public]
        if not action.shows_results:
            documents = []
        return DocumentSerializer(documents, many=True, context=self.context).data


class PartnerNameSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="partner.pk")
    name = serializers.CharField(source="partner.name")


class HighlightsSerializer(serializers.Serializer):
    # The title and a fragment of the summary with the matched words in `<mark>`, HTML-escaped,
    # in the language the reader gets (English when the request asks for it and the text exists).
    title = serializers.CharField(source="title_html")
    summary = serializers.CharField(source="summary_html")


class RecordHitSerializer(serializers.Serializer):
    # A record in the search results.
    id = serializers.IntegerField(source="action.pk")
    url = serializers.SerializerMethodField(help_text=_("La ficha completa en la API."))
    sheet_urls = SheetURLsSerializer(source="action")
    title = serializers.CharField(source="action.title")
    title_en = serializers.CharField(source="action.title_en")
    summary = serializers.CharField(source="action.summary")
    summary_en = serializers.CharField(source="action.summary_en")
    type = CodelistField(ActionType.choices, source="action.action_type")
    status = CodelistField(Status.choices, source="action.status")
    year = serializers.IntegerField(source="action.year")
    partners = PartnerNameSerializer(source="action.partner_links", many=True)
    highlights = serializers.SerializerMethodField(
        help_text=_("Solo cuando la búsqueda tiene palabras (q); si no, null.")
    )

    def get_url(self, hit) -> str:
        return absolute(self, reverse("api_record_detail", kwargs={"pk": hit.action.pk}))

    @extend_schema_field(HighlightsSerializer(allow_null=True))
    def get_highlights(self, hit):
        return HighlightsSerializer(hit).data if self.context["query"] else None


class BucketSerializer(serializers.Serializer):
    value = serializers.CharField(help_text=_("El valor que se pasa en el parámetro del mismo nombre."))
    label = serializers.CharField()
    count = serializers.IntegerField(
        help_text=_("Registros con este valor, con los demás filtros aplicados.")
    )
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    label = serializers.CharField()
    buckets = BucketSerializer(many=True)


# One field per facet of the search, so that the schema names each; a facet's counts ignore its
# own selection.
FacetsSerializer = type(
    "FacetsSerializer",
    (serializers.Serializer,),
    {
        **{facet: FacetSerializer(help_text=FACET_LABELS[facet]) for facet in FACETS},
    },
)


@extend_schema_serializer(many=False)
class RecordSearchSerializer(serializers.Serializer):
    # A page of public records matching the parameters, in the search's order, with facet counts:
    # `GET /api/v1/records/`.
    count = serializers.IntegerField(source="total")
    page = serializers.IntegerField(source="request.page")
    page_size = serializers.IntegerField(source="request.page_size")
    num_pages = serializers.IntegerField()
    next = serializers.SerializerMethodField()
    previous = serializers.SerializerMethodField()
    sort = serializers.ChoiceField(choices=["relevance", "newest", "amount"], source="request.effective_sort")
    engine = serializers.ChoiceField(choices=["database", "elasticsearch"])
    degraded = serializers.BooleanField(
        help_text=_("true cuando Elasticsearch no respondió y contestó la base de datos.")
    )
    results = RecordHitSerializer(source="hits", many=True)
    facets = serializers.SerializerMethodField()

    @extend_schema_field(FacetsSerializer)
    def get_facets(self, result):
        return {facet.key: FacetSerializer(facet).data for facet in result.facets}

    def page_url(self, page):
        request = self.context["request"]
        params = request.query_params.copy()
        params["page"] = str(page)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    def get_next(self, result) -> str | None:
        last = min(result.num_pages, MAX_RESULT_WINDOW // result.request.page_size)
        return self.page_url(result.request.page + 1) if result.request.page < last else None

    def get_previous(self, result) -> str | None:
        return self.page_url(result.request.page - 1) if result.request.page > 1 else None


class InvalidParametersSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.DictField()),
        help_text=_("Por parámetro, la lista de errores: {message, code}."),
    )


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()
