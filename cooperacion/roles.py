"""Who may do what in the register, as Wagtail groups and a moderation workflow.

Synced after every `migrate` (see apps.py) and idempotent: missing permissions are added, nothing
an administrator granted is taken away.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"
MODERATORS = "Moderators"
LIAISONS = "Enlaces de entidades"
WORKFLOW_NAME = "Moderación del registro de cooperación"
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


# Wagtail creates these for draftable and lockable snippets, but in a post_migrate handler that
# runs after ours (apps signal in INSTALLED_APPS order); same codenames, so no duplicates.
EXTRA_ACTIONS = {"publish", "lock", "unlock"}


def _permission(model, action):
    content_type = ContentType.objects.get(app_label="cooperacion", model=model)
    codename = f"{action}_{model}"
    if action in EXTRA_ACTIONS:
        name = f"Can {action} {content_type.model_class()._meta.verbose_name_raw}"
        return Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
    return Permission.objects.get(content_type=content_type, codename=codename)


def sync_roles():
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    groups = {}
    for name, grants in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        group.permissions.add(
            *[_permission(model, action) for model, actions in grants.items() for action in actions]
        )
        groups[name] = group
    sync_workflow(groups[MODERATORS])


def sync_workflow(moderators):
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

    from .models import CooperationAction

    content_type = ContentType.objects.get_for_model(CooperationAction)
    if WorkflowContentType.objects.filter(content_type=content_type).exists():
        return  # the model already has a workflow, perhaps one an administrator changed
    workflow, _created = Workflow.objects.get_or_create(name=str(_(WORKFLOW_NAME)))
    task = GroupApprovalTask.objects.filter(name=str(_(TASK_NAME))).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=str(_(TASK_NAME)))
        task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.create(workflow=workflow, content_type=content_type)
