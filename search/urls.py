from django.urls import path

from . import api

urlpatterns = [
    path("records/search/", api.RecordSearchAPIView.as_view(), name="api_record_search"),
    path("records/suggest/", api.RecordSuggestAPIView.as_view(), name="api_record_suggest"),
]
