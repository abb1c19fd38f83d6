from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import public_views

urlpatterns = [
    path(_("cooperacion/buscar/"), public_views.record_search, name="record_search"),
    path(_("cooperacion/registro/<int:pk>/"), public_views.record_detail, name="record_detail"),
]
