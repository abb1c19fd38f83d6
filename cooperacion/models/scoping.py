"""What a liaison (enlace) may reach: the records and pages that involve their entity.

One rule for every kind of content: a model names in `entity_lookup` the path from it to the
district entities it involves, and a liaison reaches an instance when that path leads to their
entity. The office's staff and superusers are not scoped. Records apply it in
cooperacion.permissions; pages here, through Wagtail's page permission tester and policy.
"""

from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page, PagePermissionTester, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from .liaisons import entity_of


def is_liaison(user):
    """Whether what a user reaches is scoped to an entity: a member of the liaisons' group or anyone
    with a current directory entry; never a superuser. A member whose period ended reaches nothing."""
    from ..roles import LIAISONS

    if user is None or not user.is_authenticated or user.is_superuser:
        return False
    if not hasattr(user, "_is_liaison"):
        user._is_liaison = entity_of(user) is not None or user.groups.filter(name=LIAISONS).exists()
    return user._is_liaison


def liaison_entity(user):
    """The entity a liaison acts for now; None for the office's staff and for a liaison whose
    period ended (tell them apart with `is_liaison`)."""
    if not is_liaison(user):
        return None
    return entity_of(user)


def involving(model, entity):
    """The instances of `model` that involve `entity` (none for no entity)."""
    if entity is None:
        return model._default_manager.none()
    return model._default_manager.filter(**{model.entity_lookup: entity})


def scoped_page_models():
    return [model for model in get_page_models() if getattr(model, "entity_lookup", None)]


def section_page_models():
    """Where entity-scoped pages live: the sections on which liaisons are granted page permissions."""
    return list({parent for model in scoped_page_models() for parent in model.allowed_parent_page_models()})


def pages_involving(entity):
    """A condition on pages: an entity-scoped page that involves `entity` (one subquery per model)."""
    return reduce(or_, [Q(pk__in=involving(model, entity).values("pk")) for model in scoped_page_models()])


def reachable_pages(pages, entity):
    """`pages` without the entity-scoped pages that do not involve `entity`."""
    scoped_types = ContentType.objects.get_for_models(*scoped_page_models()).values()
    return pages.exclude(Q(content_type__in=scoped_types) & ~pages_involving(entity))


def reachable_page_ids(user, entity):
    """The ids of the entity-scoped pages this liaison reaches: one query per request."""
    if not hasattr(user, "_reachable_page_ids"):
        user._reachable_page_ids = set(
            Page.objects.filter(pages_involving(entity)).values_list("pk", flat=True)
        )
    return user._reachable_page_ids


class LiaisonPagePermissionTester(PagePermissionTester):
    """A liaison keeps their group's permissions only on the pages that involve their entity; on
    the section that holds them, only the permission to add one."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if not is_liaison(user):
            return
        entity = liaison_entity(user)
        if entity is None:
            self.permissions = set()
        elif not page.entity_lookup:
            self.permissions &= {"add"}
        elif page.pk not in reachable_page_ids(user, entity):
            self.permissions = set()


class LiaisonScopedPage:
    """For the page types of the liaisons' sections. `entity_lookup` is the path to the entities a
    page involves; None marks the section page itself."""

    entity_lookup = None

    def permissions_for_user(self, user):
        return LiaisonPagePermissionTester(user, self)


class LiaisonPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with a liaison's pages (explorer, admin search, admin API, reports)
    limited to those that involve their entity."""

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        return reachable_pages(pages, liaison_entity(user)) if is_liaison(user) else pages

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not is_liaison(user):
            return super().user_has_any_permission_for_instance(user, actions, instance)
        # The tester's scoped permissions, with Wagtail's rule that adding lets one edit one's own pages.
        permissions = instance.permissions_for_user(user).permissions
        if "add" in permissions and instance.owner_id == user.pk:
            permissions = permissions | {"change"}
        return bool(set(actions) & permissions)


def require_own_entity(form, chosen, field, message):
    """Refuse a liaison's form unless their own entity is among the `chosen` ones."""
    entity = liaison_entity(form.for_user)
    if entity is not None and entity not in chosen:
        form.add_error(field, message % {"entity": entity})
