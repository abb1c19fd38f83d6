from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import public_views
from .iati import views as iati_views

urlpatterns = [
    path(_("cooperacion/buscar/"), public_views.record_search, name="record_search"),
    path(_("cooperacion/registro/<int:pk>/"), public_views.record_detail, name="record_detail"),
    path(_("datos-abiertos/iati/"), iati_views.crosswalk_page, name="iati_crosswalk"),
]
