"""The public parameters of the news, events and publications index."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

import django_filters

from .models.news import NEWS_ITEM_MODELS, EventPage, NewsPage, PublicationPage

YEARS = {"min_value": 1990, "max_value": 2100}


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class NewsItemFilterSet(django_filters.FilterSet):
    """Filters the index's items (`NewsIndexPage.items()`, annotated with `listing_year`).

    A parameter a visitor typed wrong is a form error: the page answers 400, says which one, and
    lists the items that match the valid ones.
    """

    type = django_filters.ChoiceFilter(
        label=_("Tipo"),
        choices=[
            (NewsPage.kind, _("Noticias")),
            (EventPage.kind, _("Eventos")),
            (PublicationPage.kind, _("Publicaciones")),
        ],
        empty_label=_("Todos los tipos"),
        method="filter_type",
    )
    year = IntegerFilter(label=_("Año"), field_name="listing_year", **YEARS)
    page = IntegerFilter(label=_("Página"), min_value=1, method="keep")

    class Meta:
        model = Page
        fields = []

    def filter_type(self, queryset, name, value):
        return queryset.filter(content_type=ContentType.objects.get_for_model(NEWS_ITEM_MODELS[value]))

    def keep(self, queryset, name, value):
        """The page number is the paginator's business, not a filter."""
        return queryset
