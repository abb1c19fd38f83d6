from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Footer


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "list-ul"
    menu_label = _("Pie de página")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["heading", "locale"]


register_snippet(FooterViewSet)
