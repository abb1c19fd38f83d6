"""Property-based: whatever a visitor puts in the register search's parameters, the filter set
answers with a valid search or with form errors, never with an exception."""

import pytest
from hypothesis import given

from cooperacion.models import CooperationAction
from search.filters import RecordSearchFilterSet, every_public_match, invalid_parameters, valid_filters
from search.records import search_records
from tests.hostile_input import as_query_dict, query_params

pytestmark = pytest.mark.django_db


@given(params=query_params(RecordSearchFilterSet.base_filters))
def test_any_parameters_are_either_a_search_or_form_errors(demo_site_for_module, params):
    filterset = RecordSearchFilterSet(as_query_dict(params), queryset=CooperationAction.objects.public())
    if filterset.is_valid():
        request = filterset.search_request()
        assert 1 <= request.page_size <= 100
        assert search_records(request).total == filterset.qs.count()
    else:
        body = invalid_parameters(filterset)
        assert body["errors"] and set(body["errors"]) <= {*filterset.filters, "__all__"}
        # What links elsewhere carry keeps only the valid filters, which form a valid search.
        assert every_public_match(valid_filters(filterset)).is_valid()
