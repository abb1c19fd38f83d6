from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import CooperationAction
from .permissions import CooperationActionPermissionPolicy
from .views import RegisterViewSetGroup

register_permission_policy(CooperationAction, CooperationActionPermissionPolicy())
register_snippet(RegisterViewSetGroup)
