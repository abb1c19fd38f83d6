"""The site's common StreamField blocks. Every block has an icon, a template, a preview and a description."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from home.serializers import image_rendition

__all__ = [
    "HeadingBlock",
    "ParagraphBlock",
    "CaptionedImageBlock",
    "QuoteBlock",
    "KeyFiguresBlock",
    "DocumentListBlock",
    "VideoBlock",
    "CallToActionBlock",
    "HighlightBlock",
    "InformationLinkBlock",
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

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["image"] = image_rendition(value["image"], "width-1200", value["alt_text"])
        return data

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


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        label=_("Cifra"), max_length=24, help_text=_("Por ejemplo: 120, USD 3,5 millones, 45 %.")
    )
    label = blocks.CharBlock(label=_("Qué mide"), max_length=120)
    source = blocks.CharBlock(label=_("Fuente o fecha de corte"), required=False, max_length=160)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Título"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Cifras"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Cifras clave")
        template = "blocks/key_figures_block.html"
        preview_value = {
            "title": "La cooperación en cifras",
            "figures": [
                {"figure": "48", "label": "alianzas vigentes", "source": "Corte a diciembre"},
                {"figure": "23", "label": "países aliados", "source": ""},
            ],
        }
        description = _("Hasta seis cifras destacadas, cada una con lo que mide y su fuente.")


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Documento"))
    title = blocks.CharBlock(
        label=_("Título"),
        required=False,
        max_length=200,
        help_text=_("Si se deja vacío se usa el del documento."),
    )


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Título"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("Documentos"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Lista de documentos")
        template = "blocks/document_list_block.html"
        description = _("Documentos para descargar, con su formato y tamaño.")


# Embeds are built from the address itself: no oEmbed request leaves the server, and YouTube's
# privacy-enhanced domain sets no cookies until the visitor plays the video.
VIDEO_PROVIDERS = [
    (
        re.compile(r"^https://(?:www\.)?youtube\.com/watch\?(?:.*&)?v=([\w-]{11})"),
        "https://www.youtube-nocookie.com/embed/{}",
    ),
    (re.compile(r"^https://youtu\.be/([\w-]{11})"), "https://www.youtube-nocookie.com/embed/{}"),
    (re.compile(r"^https://(?:www\.)?vimeo\.com/(\d+)"), "https://player.vimeo.com/video/{}?dnt=1"),
]


def video_embed_url(url):
    for pattern, embed in VIDEO_PROVIDERS:
        match = pattern.match(url or "")
        if match:
            return embed.format(match.group(1))
    return None


class VideoValue(blocks.StructValue):
    def embed_url(self):
        return video_embed_url(self.get("url"))


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Título del video"), max_length=160)
    url = blocks.URLBlock(label=_("Dirección del video (YouTube o Vimeo)"))
    transcript = blocks.RichTextBlock(
        label=_("Transcripción"),
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Lo que se dice y se muestra en el video, para quien no puede verlo u oírlo (obligatoria)."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        if video_embed_url(value.get("url")) is None:
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Use una dirección https de YouTube o de Vimeo."))}
            )
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        value_class = VideoValue
        preview_value = {
            "title": "Bogotá y sus aliados",
            "url": "https://www.youtube.com/watch?v=aaaaaaaaaaa",
            "transcript": "<p>Voces de la ciudad cuentan lo que logró la cooperación.</p>",
        }
        description = _("Un video de YouTube o Vimeo con su transcripción.")


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

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        # Decorative on the card: the title next to it says where it leads.
        data["image"] = image_rendition(value["image"], "fill-480x270", "")
        return data

    class Meta:
        icon = "pick"
        label = _("Destacado")
        template = "blocks/highlight_block.html"
        description = _("Una tarjeta que lleva a una página del portal.")


def validate_url_or_path(value):
    """An absolute http(s) address, or a path on this site ("/es/datos-abiertos/")."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(
        schemes=["http", "https"],
        message=_("Escriba una dirección que empiece por https:// o una ruta del portal que empiece por /."),
    )(value)


class InformationLinkValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("url") or ""

    def text(self):
        page = self.get("page")
        return self.get("title") or (page.localized.title if page else self.get("url"))


class InformationLinkBlock(blocks.StructBlock):
    """Where a piece of information is published: a page of the portal or an address elsewhere."""

    page = blocks.PageChooserBlock(label=_("Página del portal"), required=False)
    url = blocks.CharBlock(
        label=_("o dirección"),
        required=False,
        max_length=500,
        validators=[validate_url_or_path],
        help_text=_("Una dirección externa (https://…) o una ruta del portal (/es/…)."),
    )
    title = blocks.CharBlock(
        label=_("Texto del enlace"),
        required=False,
        max_length=200,
        help_text=_("Obligatorio con una dirección; con una página, si se deja vacío se usa su título."),
    )
    description = blocks.TextBlock(
        label=_("Descripción"),
        required=False,
        max_length=400,
        help_text=_("Qué encuentra quien sigue el enlace y quién lo publica."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Elija una página o escriba una dirección.")]}
            )
        if value.get("page") and value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": [_("Elija una página o una dirección, no las dos.")]}
            )
        if value.get("url") and not value.get("title"):
            raise blocks.StructBlockValidationError(
                block_errors={"title": [_("Escriba el texto del enlace: dice a dónde lleva.")]}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Enlace a la información")
        template = "blocks/information_link_block.html"
        value_class = InformationLinkValue
        preview_value = {
            "url": "https://secretariageneral.gov.co/",
            "title": "Secretaría General de la Alcaldía Mayor de Bogotá",
            "description": "La entidad de la que depende la Consejería publica esta información.",
        }
        description = _("Un enlace a donde está publicada la información, con una descripción.")


class BodyBlock(blocks.StreamBlock):
    """The common blocks; an app adds its own by subclassing (the register's records block)."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    documents = DocumentListBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
