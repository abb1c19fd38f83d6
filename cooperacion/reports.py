"""The admin report "Cambios por entidad": Wagtail's log of records and entity-scoped pages, with
the district entities each change involved (cooperacion.audit), for the office's staff."""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, Q, Value
from django.forms import CheckboxSelectMultiple
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_type_label
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, Page, PageLogEntry

import django_filters

from .audit import entity_scoped_content_types
from .models import DistrictEntity, LoggedEntity, Sector

# The report's rows come from both of Wagtail's log tables; LoggedEntity links each by this field.
LOG_MODELS = {ModelLogEntry: "model_log_entry", PageLogEntry: "page_log_entry"}


def can_view_entity_changes(user):
    """The office's staff: who may consult the liaison directory (never an entity's liaison)."""
    return user.is_active and user.has_perm("cooperacion.view_entityliaison")


class EntityChangesFilterSet(WagtailFilterSet):
    entity = django_filters.ModelMultipleChoiceFilter(
        label=_("Entidad"), queryset=DistrictEntity.objects.all(), method="filter_entities"
    )
    sector = django_filters.ModelMultipleChoiceFilter(
        label=_("Sector"), queryset=Sector.objects.all(), method="filter_entities"
    )
    action = django_filters.MultipleChoiceFilter(
        label=_("Acción"), widget=CheckboxSelectMultiple, choices=log_registry.get_choices
    )
    timestamp = django_filters.DateFromToRangeFilter(label=_("Fecha"), widget=DateRangePickerWidget)
    object_type = django_filters.ModelChoiceFilter(
        label=_("Tipo"),
        field_name="content_type",
        queryset=lambda request: ContentType.objects.filter(
            pk__in=[content_type.pk for content_type in entity_scoped_content_types().values()]
        ),
    )

    class Meta:
        model = ModelLogEntry
        fields = []

    def filter_entities(self, queryset, name, value):
        if not value:
            return queryset
        lookup = "entity__in" if name == "entity" else "entity__sector__in"
        logged = LoggedEntity.objects.filter(**{lookup: value}).values(LOG_MODELS[queryset.model])
        return queryset.filter(pk__in=logged)


class EntityChangesReportView(ReportView):
    page_title = _("Cambios por entidad")
    header_icon = "history"
    results_template_name = "cooperacion/admin/entity_changes_results.html"
    filterset_class = EntityChangesFilterSet
    index_url_name = "cooperacion_entity_changes"
    index_results_url_name = "cooperacion_entity_changes_results"
    list_export = [
        "timestamp",
        "action",
        "label",
        "content_type",
        "entity_names",
        "user_display_name",
        "object_id",
    ]
    export_headings = {
        "timestamp": _("Fecha y hora"),
        "action": _("Acción"),
        "label": _("Objeto"),
        "content_type": _("Tipo"),
        "entity_names": _("Entidades"),
        "user_display_name": _("Usuario"),
        "object_id": _("Id"),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "action": {fmt: self.action_label for fmt in (self.FORMAT_CSV, self.FORMAT_XLSX)},
            "content_type": {fmt: get_content_type_label for fmt in (self.FORMAT_CSV, self.FORMAT_XLSX)},
        }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_entity_changes(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def action_label(action):
        return force_str(log_registry.get_action_label(action))

    def get_filename(self):
        return f"cambios-por-entidad-{datetime.date.today():%Y-%m-%d}"

    def get_filtered_queryset(self):
        """Both log tables, filtered one by one and joined with union(), newest first (as Wagtail's
        site history report does); the filtered tables are kept for the summary."""
        content_types = list(entity_scoped_content_types().values())
        self.filtered = {}
        combined = None
        for index, log_model in enumerate(LOG_MODELS):
            filtered = self.filter_queryset(log_model.objects.filter(content_type__in=content_types))
            self.filtered[log_model] = filtered
            rows = (
                filtered.values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
                .order_by()
            )
            combined = rows if combined is None else combined.union(rows, all=True)
        return combined.order_by("-timestamp")

    def decorate_paginated_queryset(self, rows):
        """The page's log entries with their user, entities and edit link: a few queries per table."""
        log_models = list(LOG_MODELS)
        pks = defaultdict(list)
        for row in rows:
            pks[row["log_model_index"]].append(row["pk"])
        entries = {}
        for index, ids in pks.items():
            log_model = log_models[index]
            found = (
                log_model.objects.filter(pk__in=ids)
                .select_related("user__wagtail_userprofile", "content_type")
                .prefetch_related("district_entities__entity")
            )
            found = list(found)
            edit_urls = self.edit_urls(found)
            for entry in found:
                entry.entities = [logged.entity for logged in entry.district_entities.all()]
                entry.entity_names = ", ".join(str(entity) for entity in entry.entities)
                entry.edit_url = edit_urls.get((entry.content_type_id, str(entry.object_id)))
                entries[index, entry.pk] = entry
        return [entries[row["log_model_index"], row["pk"]] for row in rows]

    @staticmethod
    def edit_urls(entries):
        """Edit links of the objects that still exist (one query per model)."""
        ids_by_type = defaultdict(set)
        for entry in entries:
            ids_by_type[entry.content_type_id].add(str(entry.object_id))
        urls = {}
        for content_type_id, ids in ids_by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if issubclass(model, Page):
                url_name = "wagtailadmin_pages:edit"
            else:
                url_name = model.snippet_viewset.get_url_name("edit")
            for pk in model._base_manager.filter(pk__in=ids).values_list("pk", flat=True):
                urls[content_type_id, str(pk)] = reverse(url_name, args=[pk])
        return urls

    def summary(self):
        """How many of the filtered changes involved each entity (of the chosen ones, if any)."""
        involved = Q()
        for log_model, link in LOG_MODELS.items():
            involved |= Q(**{f"{link}__in": self.filtered[log_model].values("pk")})
        counts = LoggedEntity.objects.filter(involved)
        if self.filters and self.filters.is_valid():
            chosen = self.filters.form.cleaned_data
            if chosen.get("entity"):
                counts = counts.filter(entity__in=chosen["entity"])
            if chosen.get("sector"):
                counts = counts.filter(entity__sector__in=chosen["sector"])
        return (
            counts.values("entity__name", "entity__acronym")
            .annotate(changes=Count("pk"))
            .order_by("-changes", "entity__name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            context["summary"] = self.summary()
        return context
