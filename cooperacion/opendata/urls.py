"""Mounted outside the language prefixes (portal/urls.py): one dataset, whatever the language."""

from django.urls import path

from . import views

urlpatterns = [
    path("datos/registro.csv", views.csv_download, name="opendata_csv"),
    path("datos/registro.xlsx", views.xlsx_download, name="opendata_xlsx"),
    path("datos/registro.json", views.json_download, name="opendata_json"),
    path("datos/registro.schema.json", views.json_schema, name="opendata_schema"),
    path("data.json", views.dcat_catalogue_view, name="dcat_catalogue"),
]
