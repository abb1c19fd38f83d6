"""The desk follows the register's rule (a liaison reaches only their entity's plans and requests),
and a liaison changes a plan or a request only while it is still theirs to change."""

from cooperacion.models.scoping import is_liaison
from cooperacion.permissions import EntityScopedPermissionPolicy


class DeskPermissionPolicy(EntityScopedPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if action == "change" and is_liaison(user) and not instance.editable_by_entity:
            return False
        return super().user_has_permission_for_instance(user, action, instance)


def office_may(user, permission):
    """The office's own steps (analyse a plan, assign, answer and close a request): never a liaison's,
    whatever the groups give them."""
    return not is_liaison(user) and user.has_perm(permission)
