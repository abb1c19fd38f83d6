from django.urls import path

from drf_spectacular.views import SpectacularAPIView

from . import api

urlpatterns = [
    path("records/", api.RecordListView.as_view(), name="api_record_list"),
    path("records/figures/", api.RecordFiguresView.as_view(), name="api_record_figures"),
    path("records/suggest/", api.RecordSuggestAPIView.as_view(), name="api_record_suggest"),
    path("records/<int:pk>/", api.RecordDetailView.as_view(), name="api_record_detail"),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", api.RecordAPIDocsView.as_view(), name="api_docs"),
]
