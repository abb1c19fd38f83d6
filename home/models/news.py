"""News, events and publications: the office's visibility content, gathered under one index page.

Editors work in one section per language (`NewsIndexPage`) and add three kinds of item to it. The
index lists them newest first, with current and upcoming events on top, and serves RSS and Atom
feeds of the news (`rss/`, `atom/`) and an iCalendar feed of the events (`calendario/`); each
event offers its own calendar file at `<event>/calendario/`. (Wagtail serves only paths made of
words and slashes, so the calendars cannot end in `.ics`; their file name says it.)
"""

import uuid
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, Value, When
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.http import Http404
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from home.blocks import BodyBlock
from home.cache import cached_fragment
from home.feeds import NewsAtomFeed, NewsRssFeed
from home.ical import calendar_response
from home.serializers import FeedsField

from .pages import BasePage, HomePage, ImageWithAltText
from .snippets import Footer

ITEMS_PER_PAGE = 12
CALENDAR_LENGTH = 200


def site_time_zone():
    """Bogotá: events are entered, shown and published in the portal's time zone."""
    return ZoneInfo(settings.TIME_ZONE)


def current_year():
    return timezone.localdate().year


def office(page, request):
    """The office as schema.org's author, publisher or organizer, named in the page's language."""
    footer = Footer.of_locale(request, page.locale_id)
    data = {
        "@type": "GovernmentOrganization",
        "name": footer.heading if footer else settings.WAGTAIL_SITE_NAME,
        "logo": request.build_absolute_uri(static("img/logo.svg")),
    }
    site = Site.find_for_request(request)
    home_url = cached_fragment(
        request, "office-url", [page.locale_id, site.pk if site else 0], lambda: home_full_url(page, request)
    )
    if home_url is not None:
        data["url"] = home_url
    return data


def home_full_url(page, request):
    home = page.get_ancestors().type(HomePage).filter(locale_id=page.locale_id).last()
    return home.get_full_url(request) if home is not None else None


def image_url(image, request, spec="fill-1200x630"):
    return request.build_absolute_uri(image.get_rendition(spec).url) if image else None


class NewsItemPage(ImageWithAltText, BasePage):
    """What news, events and publications share: a place under the index, a listing image, a kind."""

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    # The value of the index's "type" filter and its label; set by each kind.
    kind = ""
    kind_label = ""

    class Meta:
        abstract = True


class NewsIndexPage(RoutablePageMixin, BasePage):
    """A language's news, events and publications, with their feeds."""

    introduction = models.TextField(_("introducción"), max_length=600, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction"), APIField("feeds", serializer=FeedsField())]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage", "home.EventPage", "home.PublicationPage"]
    max_count_per_parent = 1
    page_description = _(
        "La sección de noticias, eventos y publicaciones de un idioma, con sus canales RSS, Atom e iCalendar."
    )

    class Meta:
        verbose_name = _("sección de noticias, eventos y publicaciones")
        verbose_name_plural = _("secciones de noticias, eventos y publicaciones")

    # --- the items -----------------------------------------------------------------------------

    def items(self):
        """Live, public items of this section and language, annotated with their year and order.

        The year is the one a visitor sees on each card: the news item's date, the event's start
        (in Bogotá) or the publication's year. Current and upcoming events come first, soonest
        first; then everything else newest first (publications by the day they were published here).
        """
        now = timezone.now()
        zone = site_time_zone()
        upcoming = When(eventpage__end_at__gte=now, then=Value(1))
        return (
            Page.objects.child_of(self)
            .filter(locale_id=self.locale_id)
            .live()
            .public()
            .annotate(
                listing_year=Coalesce(
                    ExtractYear("newspage__date"),
                    ExtractYear("eventpage__start_at", tzinfo=zone),
                    F("publicationpage__year"),
                    output_field=models.IntegerField(),
                ),
                listing_date=Coalesce(
                    F("newspage__date"),
                    TruncDate("eventpage__start_at", tzinfo=zone),
                    TruncDate("first_published_at", tzinfo=zone),
                    output_field=models.DateField(),
                ),
                upcoming=Case(upcoming, default=Value(0)),
                upcoming_start=Case(
                    When(eventpage__end_at__gte=now, then=F("eventpage__start_at")), default=None
                ),
            )
            .order_by(
                "-upcoming",
                F("upcoming_start").asc(nulls_last=True),
                "-listing_date",
                F("eventpage__start_at").desc(nulls_last=True),
                "-first_published_at",
                "-pk",
            )
        )

    def listing(self, request):
        """The filter set, the years to choose from and the requested page of specific items."""
        from home.filters import NewsItemFilterSet  # it imports this module's models

        items = self.items()
        filterset = NewsItemFilterSet(request.GET, queryset=items, request=request)
        paginator = Paginator(
            filterset.qs.specific()
            .defer_streamfields()
            .select_related("image", for_specific_subqueries=True)
            .prefetch_related("image__renditions", for_specific_subqueries=True),
            ITEMS_PER_PAGE,
        )
        filterset.is_valid()  # cleaned_data keeps the valid parameters even when others are wrong
        try:
            page = paginator.page(filterset.form.cleaned_data.get("page") or 1)
        except EmptyPage:
            raise Http404("No such page of results") from None
        years = items.order_by().values_list("listing_year", flat=True).distinct()
        return {
            "filterset": filterset,
            "items": page,
            "years": sorted({year for year in years if year}, reverse=True),
        }

    def news(self):
        return NewsPage.objects.child_of(self).filter(locale_id=self.locale_id).live().public()

    def events(self):
        return EventPage.objects.child_of(self).filter(locale_id=self.locale_id).live().public()

    def feed_urls(self, request):
        base = self.get_url(request)
        return {
            "rss_url": base + self.reverse_subpage("rss"),
            "atom_url": base + self.reverse_subpage("atom"),
            "calendar_url": base + self.reverse_subpage("calendar"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.feed_urls(request))
        return context

    # --- routes --------------------------------------------------------------------------------

    def get_cached_paths(self):
        """What a frontend cache purges when the section or one of its items is (un)published."""
        return ["/", *(self.reverse_subpage(name) for name in ("rss", "atom", "calendar"))]

    @path("")
    def index_route(self, request, *args, **kwargs):
        listing = self.listing(request)
        response = self.render(request, context_overrides=listing)
        if listing["filterset"].errors:
            # Parameters a visitor typed wrong: the page says which and lists with the valid ones.
            response.status_code = 400
        return response

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)

    @path("calendario/", name="calendar")
    def calendar_feed(self, request):
        events = self.events().select_related("locale").defer_streamfields().order_by("-start_at")
        events = sorted(events[:CALENDAR_LENGTH], key=lambda event: event.start_at)
        return calendar_response(request, self.title, events, filename=f"{self.slug}.ics")


class NewsPage(NewsItemPage):
    date = models.DateField(_("fecha"), default=timezone.localdate)
    introduction = models.TextField(
        _("introducción"),
        max_length=600,
        help_text=_("El resumen que se ve en el listado, en los canales RSS y al compartir la noticia."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Imagen principal")),
        FieldPanel("body"),
    ]
    api_fields = (
        BasePage.api_fields
        + [APIField("date"), APIField("introduction")]
        + ImageWithAltText.image_api_fields
        + [APIField("body")]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    page_description = _("Una noticia de la acción internacional del Distrito.")
    kind = "news"
    kind_label = _("Noticia")

    class Meta:
        verbose_name = _("noticia")
        verbose_name_plural = _("noticias")

    @property
    def published_at(self):
        """The news item's date as a moment, for feeds: midnight in Bogotá."""
        return datetime.combine(self.date, time.min, tzinfo=site_time_zone())

    def structured_data(self, request):
        data = {
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.introduction,
            "datePublished": self.date.isoformat(),
            "dateModified": timezone.localtime(
                self.last_published_at or timezone.now(), site_time_zone()
            ).isoformat(),
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
            "mainEntityOfPage": self.get_full_url(request),
        }
        data["author"] = data["publisher"] = office(self, request)
        if self.image:
            data["image"] = [image_url(self.image, request)]
        return data


class AttendanceMode(models.TextChoices):
    OFFLINE = "offline", _("Presencial")
    ONLINE = "online", _("Virtual")
    MIXED = "mixed", _("Presencial y virtual")


SCHEMA_ATTENDANCE = {
    AttendanceMode.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


class EventPage(RoutablePageMixin, NewsItemPage):
    start_at = models.DateTimeField(_("empieza"), help_text=_("Fecha y hora de Bogotá (UTC−5)."))
    end_at = models.DateTimeField(_("termina"), help_text=_("Fecha y hora de Bogotá (UTC−5)."))
    introduction = models.TextField(
        _("introducción"),
        max_length=600,
        help_text=_("El resumen que se ve en el listado y en los calendarios."),
    )
    place = models.CharField(
        _("lugar"), max_length=200, blank=True, help_text=_("Por ejemplo: Auditorio del Palacio Liévano.")
    )
    address = models.CharField(_("dirección"), max_length=200, blank=True)
    online_url = models.URLField(
        _("enlace para conectarse"),
        blank=True,
        help_text=_("La dirección de la transmisión o de la reunión virtual, si la hay."),
    )
    registration_url = models.URLField(_("enlace de inscripción"), blank=True)
    registration_instructions = models.TextField(
        _("cómo inscribirse"),
        max_length=600,
        blank=True,
        help_text=_("Requisitos, cupos o fechas límite; déjelo vacío si la entrada es libre."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")], heading=_("Cuándo")),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("address"), FieldPanel("online_url")],
            heading=_("Dónde"),
            help_text=_("Un lugar, un enlace para conectarse o ambos."),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_instructions")],
            heading=_("Inscripción"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Imagen")),
        FieldPanel("body"),
    ]
    api_fields = (
        BasePage.api_fields
        + [
            APIField("start_at"),
            APIField("end_at"),
            APIField("introduction"),
            APIField("place"),
            APIField("address"),
            APIField("online_url"),
            APIField("attendance_mode"),
            APIField("registration_url"),
            APIField("registration_instructions"),
        ]
        + ImageWithAltText.image_api_fields
        + [APIField("body")]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("start_at"),
    ]

    page_description = _("Un evento con su fecha, su lugar o su enlace y cómo inscribirse.")
    kind = "event"
    kind_label = _("Evento")

    class Meta:
        verbose_name = _("evento")
        verbose_name_plural = _("eventos")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_at__gt=F("start_at")),
                name="home_event_ends_after_it_starts",
                violation_error_message=_("El evento debe terminar después de empezar."),
            )
        ]

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors.update(error.update_error_dict({}))
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            errors.setdefault("end_at", []).append(_("El evento debe terminar después de empezar."))
        if not self.place.strip() and not self.online_url:
            errors.setdefault("place", []).append(
                _("Indique dónde es el evento: un lugar, un enlace para conectarse o ambos.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def start_local(self):
        return timezone.localtime(self.start_at, site_time_zone())

    @property
    def end_local(self):
        return timezone.localtime(self.end_at, site_time_zone())

    @property
    def same_day(self):
        return self.start_local.date() == self.end_local.date()

    @property
    def is_past(self):
        return self.end_at < timezone.now()

    @property
    def attendance_mode(self):
        if self.place and self.online_url:
            return AttendanceMode.MIXED
        if self.online_url:
            return AttendanceMode.ONLINE
        return AttendanceMode.OFFLINE

    def get_attendance_mode_display(self):
        return AttendanceMode(self.attendance_mode).label

    @property
    def location_text(self):
        """Where, in one line: the place and its address, else the online link."""
        return ", ".join(part for part in (self.place, self.address) if part) or self.online_url

    def calendar_uid(self, request):
        """Stable across edits, one per event and language: what calendar clients update by."""
        name = uuid.uuid5(self.translation_key, self.locale.language_code)
        return f"{name}@{request.get_host().split(':')[0]}"

    def calendar_url(self, request):
        return self.get_url(request) + self.reverse_subpage("calendar")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calendar_url"] = self.calendar_url(request)
        return context

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("calendar")]

    @path("calendario/", name="calendar")
    def calendar_file(self, request):
        return calendar_response(request, self.title, [self], filename=f"{self.slug}.ics", attachment=True)

    def structured_data(self, request):
        places = []
        if self.place:
            places.append(
                {
                    "@type": "Place",
                    "name": self.place,
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": self.address or self.place,
                        "addressLocality": "Bogotá",
                        "addressCountry": "CO",
                    },
                }
            )
        if self.online_url:
            places.append({"@type": "VirtualLocation", "url": self.online_url})
        data = {
            "@type": "Event",
            "name": self.title,
            "description": self.introduction,
            "startDate": self.start_local.isoformat(),
            "endDate": self.end_local.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": SCHEMA_ATTENDANCE[self.attendance_mode],
            "location": places[0] if len(places) == 1 else places,
            "organizer": office(self, request),
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
        }
        if self.registration_url:
            data["offers"] = {"@type": "Offer", "url": self.registration_url}
        if self.image:
            data["image"] = [image_url(self.image, request)]
        return data


class PublicationLanguage(models.TextChoices):
    # With a context: the site's own language list names each language in itself ("Español").
    SPANISH = "es", pgettext_lazy("idioma de una publicación", "Español")
    ENGLISH = "en", pgettext_lazy("idioma de una publicación", "Inglés")
    FRENCH = "fr", pgettext_lazy("idioma de una publicación", "Francés")
    PORTUGUESE = "pt", pgettext_lazy("idioma de una publicación", "Portugués")
    SEVERAL = "mul", pgettext_lazy("idioma de una publicación", "Varios idiomas")


class PublicationPage(NewsItemPage):
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("documento"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("El archivo que se descarga (PDF de preferencia)."),
    )
    year = models.PositiveSmallIntegerField(
        _("año"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        default=current_year,
    )
    publication_language = models.CharField(
        _("idioma de la publicación"),
        max_length=3,
        choices=PublicationLanguage.choices,
        default=PublicationLanguage.SPANISH,
        help_text=_("El idioma del documento, que puede no ser el de esta página."),
    )
    summary = models.TextField(_("resumen"), max_length=1200)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("publication_language")]),
        FieldPanel("document"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Portada")),
    ]
    api_fields = (
        BasePage.api_fields
        + [
            APIField("summary"),
            APIField("year"),
            APIField("publication_language"),
            APIField("document"),
        ]
        + ImageWithAltText.image_api_fields
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.FilterField("year"),
        index.FilterField("publication_language"),
    ]

    page_description = _("Un informe, una guía u otro documento de la Consejería, para descargar.")
    kind = "publication"
    kind_label = _("Publicación")

    class Meta:
        verbose_name = _("publicación")
        verbose_name_plural = _("publicaciones")

    def structured_data(self, request):
        data = {
            "@type": "CreativeWork",
            "name": self.title,
            "abstract": self.summary,
            "datePublished": str(self.year),
            "inLanguage": self.publication_language,
            "url": self.get_full_url(request),
        }
        data["author"] = data["publisher"] = office(self, request)
        if self.document:
            data["encoding"] = {
                "@type": "MediaObject",
                "contentUrl": request.build_absolute_uri(self.document.url),
                "encodingFormat": self.document.content_type,
            }
        if self.image:
            data["image"] = image_url(self.image, request)
        return data


NEWS_ITEM_MODELS = {model.kind: model for model in (NewsPage, EventPage, PublicationPage)}
