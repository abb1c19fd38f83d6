"""Who may do what, as Wagtail groups, page and collection permissions and moderation workflows.

Synced after every `migrate` (see apps.py), by `manage.py sync_roles` (after creating section
pages) and by the demo loader. Idempotent: missing permissions are added, nothing an administrator
granted is taken away, and a workflow an administrator assigned is left as it is. docs/roles.md
describes the roles.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from .models.scoping import section_page_models

ADMINISTRATORS = "Administradores de la Consejería"
EDITORS = "Editors"
MODERATORS = "Moderators"
LIAISONS = "Enlaces de entidades"
WORKFLOW_NAME = "Moderación del registro de cooperación"
PAGE_WORKFLOW_NAME = "Moderación de resultados y buenas prácticas"
TASK_NAME = "Aprobación de un moderador de la Consejería"

REFERENCE_MODELS = [
    "partner",
    "districtentity",
    "sector",
    "thematictable",
    "transversalaxis",
    "developmentplantarget",
]

ROLE_PERMISSIONS = {
    # The office's editors: every record, every reference list; they cannot publish.
    EDITORS: {
        "cooperationaction": ["add", "change", "delete", "view"],
        **{model: ["add", "change", "view"] for model in REFERENCE_MODELS},
        "entityliaison": ["view"],
    },
    # The office's moderators approve and publish.
    MODERATORS: {
        "cooperationaction": ["add", "change", "delete", "view", "publish", "lock", "unlock"],
        **{model: ["add", "change", "delete", "view"] for model in REFERENCE_MODELS},
        "entityliaison": ["add", "change", "delete", "view"],
    },
    # Liaisons of district entities: drafts of records that involve their entity (scoped in
    # cooperacion.permissions); they may register a new partner and choose existing ones.
    LIAISONS: {
        "cooperationaction": ["add", "change", "view"],
        "partner": ["add", "view"],
        "districtentity": ["view"],
        "thematictable": ["view"],
        "transversalaxis": ["view"],
        "developmentplantarget": ["view"],
    },
}

# Grants of the apps that build on the register (the entities' desk), by app label: each one
# registers its own in its AppConfig.ready() with `register_role_permissions`.
APP_ROLE_PERMISSIONS = {"cooperacion": ROLE_PERMISSIONS}


def register_role_permissions(app_label, grants):
    """`grants`: {group name: {model name: [actions]}}, as ROLE_PERMISSIONS, for `app_label`'s models."""
    APP_ROLE_PERMISSIONS[app_label] = grants


# Wagtail's page permission types, granted on tree nodes and inherited below them: the
# administrators on the root, the office's editors and moderators on every home page, the
# liaisons on the sections of results and good practices (scoped to their entity's pages by
# cooperacion.models.scoping).
PAGE_PERMISSIONS = {
    ADMINISTRATORS: ["add", "bulk_delete", "change", "lock", "publish", "unlock"],
    EDITORS: ["add", "change"],
    MODERATORS: ["add", "change", "lock", "publish", "unlock"],
    LIAISONS: ["add", "change"],
}

# Images and documents, in the root collection (so in every collection). Whoever may choose a
# document may also download it (home.wagtail_hooks): liaisons only add documents, and so reach
# only those they uploaded, never another entity's authorisation evidence.
MEDIA_ACTIONS = {
    ADMINISTRATORS: {
        "image": ["add", "change", "choose", "delete"],
        "document": ["add", "change", "choose", "delete"],
    },
    EDITORS: {"image": ["add", "change", "choose"], "document": ["add", "change", "choose"]},
    MODERATORS: {
        "image": ["add", "change", "choose", "delete"],
        "document": ["add", "change", "choose", "delete"],
    },
    LIAISONS: {"image": ["add", "choose"], "document": ["add"]},
}


def _permission(app_label, model, action):
    return Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")


def sync_roles():
    """Returns, for each group, the pages on which it holds page permissions."""
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    groups = {}
    for name in ROLE_PERMISSIONS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        group.permissions.add(
            *[
                _permission(app_label, model, action)
                for app_label, app_grants in APP_ROLE_PERMISSIONS.items()
                for model, actions in app_grants.get(name, {}).items()
                for action in actions
            ]
        )
        groups[name] = group
    # Everything in the admin, users, groups, settings and workflows included.
    groups[ADMINISTRATORS] = Group.objects.get_or_create(name=ADMINISTRATORS)[0]
    groups[ADMINISTRATORS].permissions.add(*Permission.objects.all())

    root = Page.get_first_root_node()
    nodes = {
        ADMINISTRATORS: [root] if root else [],
        EDITORS: list(_home_pages()),
        MODERATORS: list(_home_pages()),
        LIAISONS: list(_section_pages()),
    }
    for name, pages in nodes.items():
        _grant_pages(groups[name], pages, PAGE_PERMISSIONS[name])
        _grant_media(groups[name], MEDIA_ACTIONS[name])

    task = _moderators_task(groups[MODERATORS])
    sync_record_workflow(task)
    sync_page_workflow(task, nodes[LIAISONS])
    return nodes


def _home_pages():
    from home.models import HomePage

    return HomePage.objects.all()


def _section_pages():
    return Page.objects.type(*section_page_models())


def _grant_pages(group, pages, actions):
    codenames = [f"{action}_page" for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_media(group, grants):
    root = Collection.get_first_root_node()
    if root is None:
        return
    codenames = [f"{action}_{kind}" for kind, actions in grants.items() for action in actions]
    permissions = Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__in=codenames
    )
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def _moderators_task(moderators):
    """The one approval task of every moderation workflow: any member of Moderators approves."""
    task = GroupApprovalTask.objects.filter(name=str(_(TASK_NAME))).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=str(_(TASK_NAME)))
        task.groups.add(moderators)
    return task


def _workflow(name, task):
    workflow, _created = Workflow.objects.get_or_create(name=str(_(name)))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def sync_record_workflow(task):
    from .models import CooperationAction

    content_type = ContentType.objects.get_for_model(CooperationAction)
    if WorkflowContentType.objects.filter(content_type=content_type).exists():
        return  # the model already has a workflow, perhaps one an administrator changed
    WorkflowContentType.objects.create(workflow=_workflow(WORKFLOW_NAME, task), content_type=content_type)


def sync_page_workflow(task, sections):
    """Results and good practices, in every language, go through the moderators."""
    workflow = _workflow(PAGE_WORKFLOW_NAME, task)
    for section in sections:
        WorkflowPage.objects.get_or_create(page=section, defaults={"workflow": workflow})
