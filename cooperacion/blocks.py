"""The register's StreamField blocks."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import BodyBlock, CaptionedImageBlock

from .models.codelists import SUSTAINABLE_DEVELOPMENT_GOALS, ActionType, PartnerType, Status
from .serializers import RecordLinkSerializer

FILTERS = ("type", "partner_type", "sdg", "status", "year_from", "year_to")


class RecordsBlock(blocks.StructBlock):
    """Public register records that match the chosen filters, read through the public search."""

    title = blocks.CharBlock(label=_("Título"), max_length=120)
    words = blocks.CharBlock(label=_("Palabras"), required=False, max_length=200)
    type = blocks.MultipleChoiceBlock(label=_("Tipo de acción"), choices=ActionType.choices, required=False)
    partner_type = blocks.MultipleChoiceBlock(
        label=_("Tipo de aliado"), choices=PartnerType.choices, required=False
    )
    sdg = blocks.MultipleChoiceBlock(
        label=_("ODS"),
        choices=[
            (str(number), f"{number}. {name}") for number, name in SUSTAINABLE_DEVELOPMENT_GOALS.items()
        ],
        required=False,
    )
    status = blocks.MultipleChoiceBlock(label=_("Estado"), choices=Status.choices, required=False)
    year_from = blocks.IntegerBlock(label=_("Desde el año"), required=False, min_value=1990, max_value=2100)
    year_to = blocks.IntegerBlock(label=_("Hasta el año"), required=False, min_value=1990, max_value=2100)
    limit = blocks.IntegerBlock(label=_("Cuántos mostrar"), default=5, min_value=1, max_value=12)

    class Meta:
        icon = "list-ul"
        label = _("Registros de cooperación")
        template = "blocks/records_block.html"
        preview_value = {"title": "Alianzas por el clima", "words": "clima", "limit": 3}
        description = _(
            "Los registros publicados que cumplen los filtros elegidos, con un enlace a la búsqueda completa."
        )

    @staticmethod
    def parameters(value):
        params = {"q": value.get("words") or ""}
        for name in FILTERS:
            chosen = value.get(name)
            if chosen not in (None, "", []):
                params[name] = chosen
        return {key: item for key, item in params.items() if item}

    def search(self, value):
        """The public search's answer for the block's filters, and the address of the full search."""
        # The search reads the register's models: imported here, once the models are loaded.
        from search.filters import RecordSearchFilterSet
        from search.records import search_records

        params = self.parameters(value)
        filterset = RecordSearchFilterSet({**params, "page_size": value.get("limit") or 5}, queryset=None)
        search_url = reverse("record_search") + ("?" + urlencode(params, doseq=True) if params else "")
        return search_records(filterset.search_request()), search_url

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["result"], context["search_url"] = self.search(value)
        return context

    def get_api_representation(self, value, context=None):
        """The filters, and what the page shows for them: the matching public records and the link
        to the full search."""
        data = super().get_api_representation(value, context)
        request = (context or {}).get("request")
        result, search_url = self.search(value)
        records = [hit.action for hit in result.hits]
        data["records"] = RecordLinkSerializer(records, many=True, context={"request": request}).data
        data["search_url"] = request.build_absolute_uri(search_url) if request is not None else search_url
        return data


class RegisterBodyBlock(BodyBlock):
    records = RecordsBlock()


class StrategicAxisBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Eje"), max_length=160)
    description = blocks.RichTextBlock(label=_("Descripción"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "pick"
        label = _("Eje estratégico")
        template = "blocks/strategic_axis_block.html"
        preview_value = {
            "title": "Cooperación para el desarrollo",
            "description": "<p>Movilizar recursos técnicos y financieros hacia las prioridades de la ciudad.</p>",
        }
        description = _("Un eje de la estrategia con su descripción.")


class GalleryBlock(blocks.StreamBlock):
    image = CaptionedImageBlock()

    class Meta:
        icon = "image"
        label = _("Galería")
        template = "blocks/gallery_block.html"
        description = _("Fotografías con texto alternativo obligatorio.")
