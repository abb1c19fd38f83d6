"""What the dataset page shows besides its own fields: the downloads for the visitor's search
filters, a summary of those filters, the dataset's figures and the data dictionary."""

from dataclasses import dataclass

from django import forms
from django.urls import reverse

from search.filters import PAGING_PARAMETERS, every_public_match, valid_filters

from .catalogue import dataset_facts, distributions
from .columns import COLUMNS, Column


@dataclass(frozen=True)
class DictionaryEntry:
    column: Column
    type_label: str
    # The codelist's (code, label) pairs; empty for a standard, which is linked instead.
    values: list[tuple[str, str]]


def data_dictionary() -> list[DictionaryEntry]:
    return [
        DictionaryEntry(column, str(column.type.label), column.codelist.entries() if column.codelist else [])
        for column in COLUMNS
    ]


def filter_summary(filterset) -> list[tuple[str, list[str]]]:
    """Each filter in use, with its label and the labels of its values."""
    if not filterset.is_valid():
        return []
    summary = []
    for name, field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if name in PAGING_PARAMETERS or value in (None, ""):
            continue
        if isinstance(field, forms.ModelMultipleChoiceField):
            values = [str(item) for item in value]
        elif isinstance(field, forms.MultipleChoiceField):
            labels = {str(code): label for code, label in field.choices}
            values = [str(labels.get(code, code)) for code in value]
        else:
            values = [str(value)]
        if values:
            summary.append((str(field.label), values))
    return summary


def dataset_context(page, request) -> dict:
    filterset = every_public_match(request.GET)
    query = valid_filters(filterset)
    applied = every_public_match(query) if filterset.errors else filterset
    summary = filter_summary(applied)
    facts = dataset_facts(request)
    return {
        # Named as in the other listings: BasePage.serve answers 400 when it has errors.
        "filterset": filterset,
        "filter_summary": summary,
        "matching_count": applied.qs.count() if summary else facts.count,
        "facts": facts,
        "downloads": distributions(request, query),
        "search_url": reverse("record_search") + ("?" + query.urlencode() if query else ""),
        "dictionary": data_dictionary(),
        "schema_url": reverse("opendata_schema"),
        "catalogue_url": reverse("dcat_catalogue"),
    }
