"""The register's public dashboard: key figures, charts and Development Plan progress for any filter
of the register search."""

from dataclasses import replace

from django.db import models
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from home.models import BasePage

from .codelists import Status
from .pages import RICH_TEXT


class DashboardPage(BasePage):
    introduction = models.TextField(_("introducción"), max_length=800, blank=True)
    methodology = RichTextField(
        _("metodología"),
        features=RICH_TEXT,
        blank=True,
        help_text=_(
            "Cómo se cuentan las cifras. La página añade sola qué registros suman los recursos movilizados."
        ),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("methodology")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("methodology"),
    ]
    api_fields = BasePage.api_fields + [APIField("introduction"), APIField("methodology")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _(
        "El tablero del registro de cooperación: cifras, gráficos, mapa y avance de las metas del Plan "
        "de Desarrollo, con los mismos filtros que el buscador."
    )

    class Meta:
        verbose_name = _("tablero de cifras")
        verbose_name_plural = _("tableros de cifras")

    def get_context(self, request, *args, **kwargs):
        # Imported here: the search engine and the figures import the register's models.
        from search.filters import every_public_match, valid_filters
        from search.records import search_records

        from ..charts import dashboard_charts
        from ..figures import ACHIEVED_STATUSES, register_figures

        context = super().get_context(request, *args, **kwargs)
        filterset = every_public_match(request.GET)
        figures = register_figures(filterset)
        search_request = filterset.search_request()
        # The filter form offers the search's facets, with its counts and labels; no hits needed.
        facets = search_records(replace(search_request, page=1, page_size=1)).facets
        params = valid_filters(filterset)
        query = f"?{params.urlencode()}" if params else ""
        context.update(
            filterset=filterset,
            figures=figures,
            resources_list=(figures.cop, figures.usd),
            achieved_statuses=get_text_list(
                [f"«{Status(value).label}»" for value in ACHIEVED_STATUSES], _("o")
            ),
            dashboard=dashboard_charts(figures, params),
            facets=facets,
            search_request=search_request,
            filtered=bool(params),
            search_url=reverse("record_search") + query,
            api_url=reverse("api_record_figures") + query,
        )
        return context
