"""The transparency section: the national menu "Transparencia y acceso a la información pública"
(Ley 1712 de 2014, Resolución MinTIC 1519 de 2020, annex 2), one tree per language.

`TransparencyIndexPage` shows the whole menu and serves it as JSON at `items.json`; under it one
`TransparencyCategoryPage` per numbered category; under each, one `TransparencyItemPage` per item.
An item either applies to the office, and then publishes its content or links to where the
information is (often the Secretaría General, the entity the office belongs to), or does not, and
then says why and on what legal basis. `home.transparency_items` lists what a complete tree holds.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock, InformationLinkBlock
from home.transparency_items import number_key

from .pages import BasePage

STANDARD = "Ley 1712 de 2014; Resolución MinTIC 1519 de 2020, anexo 2"

category_number_validator = RegexValidator(
    r"^[1-9]\d?$", _("Escriba el número de la categoría como en la norma, por ejemplo 1 o 10.")
)
item_number_validator = RegexValidator(
    r"^[1-9]\d?(\.[1-9]\d?)+$", _("Escriba el número del ítem como en la norma, por ejemplo 1.1 o 4.10.")
)


class NumberedPageForm(WagtailAdminPageForm):
    """Numbers are unique among siblings, and an item's number starts with its category's."""

    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("number")
        parent = self.parent_page.specific if self.parent_page else None
        if not number or parent is None:
            return cleaned_data
        if isinstance(parent, TransparencyCategoryPage) and not number.startswith(f"{parent.number}."):
            self.add_error(
                "number",
                _("El número de un ítem de la categoría %(category)s empieza por «%(category)s.».")
                % {"category": parent.number},
            )
        siblings = type(self.instance).objects.child_of(parent).filter(number=number)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        if siblings.exists():
            self.add_error(
                "number", _("Ya hay otra página con el número %(number)s aquí.") % {"number": number}
            )
        return cleaned_data


def by_number(pages):
    return sorted(pages, key=lambda page: number_key(page.number))


class TransparencyIndexPage(RoutablePageMixin, BasePage):
    introduction = models.TextField(_("introducción"), max_length=800, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.TransparencyCategoryPage"]
    max_count_per_parent = 1
    page_description = _(
        "La sección «Transparencia y acceso a la información pública» de un idioma (Ley 1712 de 2014)."
    )

    class Meta:
        verbose_name = _("sección de transparencia")
        verbose_name_plural = _("secciones de transparencia")

    def menu(self):
        """The categories in the standard's order, each with its live items in order, in a constant
        number of queries however many items there are."""
        categories = by_number(
            TransparencyCategoryPage.objects.child_of(self).live().public().defer_streamfields()
        )
        items = {}
        for item in TransparencyItemPage.objects.descendant_of(self).live().public().defer_streamfields():
            items.setdefault(item.path[: -Page.steplen], []).append(item)
        return [(category, by_number(items.get(category.path, []))) for category in categories]

    def items_json_url(self, request=None):
        # Wagtail adds a slash to every route; this one is served without it (see portal/urls.py).
        url = self.get_url(request)
        return url and url + self.reverse_subpage("items_json").rstrip("/")

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("items_json").rstrip("/")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["menu"] = self.menu()
        context["items_json_url"] = self.items_json_url(request)
        return context

    @path("items.json/", name="items_json")
    def items_json(self, request):
        return JsonResponse(
            self.machine_readable(request),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )

    def machine_readable(self, request):
        """The menu as data: every live item with its URLs in both languages and, when it does not
        apply, the reason and its legal basis."""
        menu = self.menu()
        pages = [
            self,
            *(category for category, _items in menu),
            *(item for _c, items in menu for item in items),
        ]
        translations = {}
        for page in (
            Page.objects.filter(translation_key__in={page.translation_key for page in pages})
            .live()
            .public()
            .select_related("locale")
        ):
            translations.setdefault(page.translation_key, {})[page.locale.language_code] = page.get_full_url(
                request
            )
        items = []
        for category, category_items in menu:
            for item in category_items:
                entry = {
                    "number": item.number,
                    "title": item.title,
                    "category": category.number,
                    "category_title": category.title,
                    "applies": item.applies,
                    "url": item.get_full_url(request),
                    "urls": translations.get(item.translation_key, {}),
                    "last_reviewed": item.last_reviewed.isoformat(),
                }
                if not item.applies:
                    entry["not_applicable_reason"] = item.not_applicable_reason
                    entry["legal_basis"] = item.legal_basis
                items.append(entry)
        return {
            "title": self.title,
            "language": self.locale.language_code,
            "url": self.get_full_url(request),
            "urls": translations.get(self.translation_key, {}),
            "standard": STANDARD,
            "categories": [
                {
                    "number": category.number,
                    "title": category.title,
                    "url": category.get_full_url(request),
                    "urls": translations.get(category.translation_key, {}),
                }
                for category, _items in menu
            ],
            "items": items,
        }


class TransparencyCategoryPage(BasePage):
    number = models.CharField(_("número"), max_length=2, validators=[category_number_validator])
    introduction = models.TextField(_("introducción"), max_length=800, blank=True)

    content_panels = [FieldPanel("number"), *BasePage.content_panels, FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    api_fields = BasePage.api_fields + [APIField("number"), APIField("introduction")]
    # The standard's number is the same in every language: wagtail-localize copies it, never asks for it.
    override_translatable_fields = [SynchronizedField("number")]
    base_form_class = NumberedPageForm

    parent_page_types = ["home.TransparencyIndexPage"]
    subpage_types = ["home.TransparencyItemPage"]
    page_description = _(
        "Una categoría del menú de transparencia, por ejemplo «1. Información de la entidad»."
    )

    class Meta:
        verbose_name = _("categoría de transparencia")
        verbose_name_plural = _("categorías de transparencia")

    def items(self):
        return by_number(TransparencyItemPage.objects.child_of(self).live().public().defer_streamfields())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.items()
        return context


class TransparencyItemPage(BasePage):
    number = models.CharField(
        _("número"),
        max_length=8,
        validators=[item_number_validator],
        help_text=_("El número del ítem en la norma, por ejemplo 1.1."),
    )
    applies = models.BooleanField(
        _("aplica a la Consejería"),
        default=True,
        help_text=_(
            "Si aplica, publique el contenido o enlace dónde está la información. Si no, explique por "
            "qué y cite la norma."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenido"), blank=True)
    links = StreamField(
        [("link", InformationLinkBlock())],
        verbose_name=_("dónde se publica"),
        blank=True,
        help_text=_(
            "Páginas del portal o direcciones externas con la información, por ejemplo las de la "
            "Secretaría General."
        ),
    )
    not_applicable_reason = models.TextField(
        _("por qué no aplica"),
        max_length=1200,
        blank=True,
        help_text=_("Solo si no aplica: la razón, en palabras que cualquiera entienda."),
    )
    legal_basis = models.CharField(
        _("fundamento jurídico"),
        max_length=400,
        blank=True,
        help_text=_(
            "Solo si no aplica: la norma que lo sustenta, por ejemplo «Ley 1712 de 2014, artículo 5»."
        ),
    )
    last_reviewed = models.DateField(
        _("última revisión"),
        default=timezone.localdate,
        help_text=_("Cuándo se comprobó por última vez que la información está completa y vigente."),
    )

    content_panels = [
        FieldPanel("number"),
        *BasePage.content_panels,
        FieldPanel("applies"),
        MultiFieldPanel([FieldPanel("body"), FieldPanel("links")], heading=_("Si aplica")),
        MultiFieldPanel(
            [FieldPanel("not_applicable_reason"), FieldPanel("legal_basis")], heading=_("Si no aplica")
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("not_applicable_reason"),
        index.FilterField("applies"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("number"),
        APIField("applies"),
        APIField("body"),
        APIField("links"),
        APIField("not_applicable_reason"),
        APIField("legal_basis"),
        APIField("last_reviewed"),
    ]
    override_translatable_fields = [SynchronizedField("number")]
    base_form_class = NumberedPageForm

    parent_page_types = ["home.TransparencyCategoryPage"]
    subpage_types = []
    page_description = _(
        "Un ítem del menú de transparencia: su contenido, o por qué no aplica a la Consejería."
    )

    class Meta:
        verbose_name = _("ítem de transparencia")
        verbose_name_plural = _("ítems de transparencia")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(applies=True)
                | (~models.Q(not_applicable_reason="") & ~models.Q(legal_basis="")),
                name="home_transparency_item_not_applicable_has_reason",
                violation_error_message=_(
                    "Un ítem que no aplica dice por qué y con qué fundamento jurídico."
                ),
            )
        ]

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors.update(error.update_error_dict({}))
        has_content = len(self.body) > 0 or len(self.links) > 0
        if self.applies:
            if not has_content:
                errors.setdefault("body", []).append(
                    _(
                        "Un ítem que aplica publica la información: escriba el contenido o agregue en "
                        "«Dónde se publica» el enlace a donde está."
                    )
                )
            if self.not_applicable_reason.strip() or self.legal_basis.strip():
                errors.setdefault("not_applicable_reason", []).append(
                    _("El ítem aplica: borre el motivo y el fundamento de «Si no aplica».")
                )
        else:
            if not self.not_applicable_reason.strip():
                errors.setdefault("not_applicable_reason", []).append(
                    _("Explique por qué este ítem no aplica a la Consejería.")
                )
            if not self.legal_basis.strip():
                errors.setdefault("legal_basis", []).append(
                    _("Cite la norma en la que se funda que no aplique.")
                )
            if has_content:
                errors.setdefault("body", []).append(
                    _(
                        "Un ítem que no aplica no publica contenido: quite el contenido y los enlaces, o "
                        "marque que aplica."
                    )
                )
        if errors:
            raise ValidationError(errors)
