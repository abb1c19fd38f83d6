"""Liaisons work only on what involves their own entity (none once their period ended); the office's
staff on everything. One policy for every entity-scoped model: records here, the entities' desk too."""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import CooperationAction
from .models.scoping import involving, is_liaison, liaison_entity


class EntityScopedPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, with a liaison's instances limited to those whose
    `model.entity_lookup` leads to their entity."""

    def scope(self, user, queryset):
        """The instances a user may reach at all: a liaison's entity's, or every one."""
        if not is_liaison(user):
            return queryset
        return queryset.filter(pk__in=involving(self.model, liaison_entity(user)).values("pk"))

    def user_has_permission(self, user, action):
        if is_liaison(user) and liaison_entity(user) is None:
            return False
        return super().user_has_permission(user, action)

    def user_can_reach(self, user, pk):
        return self.scope(user, self.model._default_manager.filter(pk=pk)).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        return instance.pk is None or self.user_can_reach(user, instance.pk)

    def instances_user_has_any_permission_for(self, user, actions):
        return self.scope(user, super().instances_user_has_any_permission_for(user, actions))


class CooperationActionPermissionPolicy(EntityScopedPermissionPolicy):
    def __init__(self):
        super().__init__(CooperationAction)
