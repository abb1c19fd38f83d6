"""The site's common StreamField blocks. Every block has an icon, a template, a preview and a description."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

__all__ = [
    "HeadingBlock",
    "ParagraphBlock",
    "CaptionedImageBlock",
    "QuoteBlock",
    "CallToActionBlock",
    "HighlightBlock",
    "BodyBlock",
]

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Texto"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Nivel"),
        choices=[("h2", _("Título de sección (h2)")), ("h3", _("Subtítulo (h3)"))],
        default="h2",
        help_text=_(
            "Use h2 para secciones y h3 dentro de ellas: los lectores de pantalla navegan por niveles."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Título")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Cooperación internacional en Bogotá", "level": "h2"}
        description = _("Un título de sección que ordena el contenido de la página.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Texto")
        template = "blocks/paragraph_block.html"
        preview_value = (
            "<p>El Distrito articula a sus entidades para identificar necesidades, gestionar "
            "alianzas y visibilizar sus resultados ante actores internacionales.</p>"
        )
        description = _("Párrafos con negrita, cursiva, listas y enlaces.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Imagen"))
    alt_text = blocks.CharBlock(
        label=_("Texto alternativo"),
        max_length=250,
        help_text=_("Describa lo que muestra la imagen para quien no puede verla (obligatorio)."),
    )
    caption = blocks.CharBlock(label=_("Pie de foto"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Crédito"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Imagen")
        template = "blocks/captioned_image_block.html"
        description = _("Una imagen con texto alternativo obligatorio y pie de foto opcional.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Cita"), max_length=600)
    attribution = blocks.CharBlock(label=_("Atribución"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Cita")
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "La cooperación empieza cuando identificamos juntos lo que la ciudad necesita.",
            "attribution": "Mesa para la Internacionalización de Bogotá",
        }
        description = _("Una cita destacada con su fuente.")


class LinkStructValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Título"), max_length=120)
    text = blocks.TextBlock(label=_("Texto"), required=False, max_length=400)
    label = blocks.CharBlock(label=_("Texto del botón"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Página"), required=False)
    external_url = blocks.URLBlock(label=_("o dirección externa"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Elija una página o escriba una dirección externa.")]}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Llamado a la acción")
        template = "blocks/call_to_action_block.html"
        value_class = LinkStructValue
        preview_value = {
            "title": "¿Su entidad busca un aliado internacional?",
            "text": "La Consejería acompaña a las entidades del Distrito en la gestión de alianzas.",
            "label": "Conozca cómo",
            "external_url": "https://bogota.gov.co",
        }
        description = _("Un recuadro que invita a seguir un enlace.")


class HighlightBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Página destacada"))
    title = blocks.CharBlock(
        label=_("Título"),
        required=False,
        max_length=120,
        help_text=_("Si se deja vacío se usa el título de la página."),
    )
    summary = blocks.TextBlock(label=_("Resumen"), required=False, max_length=300)
    image = ImageChooserBlock(label=_("Imagen"), required=False)

    class Meta:
        icon = "pick"
        label = _("Destacado")
        template = "blocks/highlight_block.html"
        description = _("Una tarjeta que lleva a una página del portal.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
