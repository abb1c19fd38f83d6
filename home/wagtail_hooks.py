from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Footer
from .visibility import public_documents


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "list-ul"
    menu_label = _("Pie de página")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["heading", "locale"]


register_snippet(FooterViewSet)


@hooks.register("before_serve_document")
def serve_only_public_documents(document, request):
    """A visitor downloads what a public surface shows (home.visibility); a user of the admin also
    what the media library lets them choose. Anything else is a 404, as if it did not exist."""
    if public_documents().filter(pk=document.pk).exists():
        return None
    if request.user.is_authenticated and (
        policy_registry.get_by_type(get_document_model())
        .instances_user_has_any_permission_for(request.user, ["choose", "change"])
        .filter(pk=document.pk)
        .exists()
    ):
        return None
    raise Http404
