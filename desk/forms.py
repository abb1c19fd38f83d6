"""The desk's admin forms: a liaison's plan is their sector's and their request their entity's;
the office's fields are not theirs to write."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from cooperacion.models import DistrictEntity, EntityLiaison, Sector
from cooperacion.models.scoping import liaison_entity
from cooperacion.roles import LIAISONS

from .models import PlanStatus
from .permissions import office_may

ANALYSE = "desk.analyse_prioritiesplan"
MANAGE = "desk.manage_assistancerequest"


def disabling(form_class, names):
    """`form_class` with `names` shown but not editable (a disabled field keeps its saved value)."""

    class DisabledFieldsForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name in names:
                if name in self.fields:
                    self.fields[name].disabled = True

    return DisabledFieldsForm


class PrioritiesPlanForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entity = liaison_entity(self.for_user)
        if entity is not None:
            self.fields["sector"].queryset = Sector.objects.filter(pk=entity.sector_id)
            self.fields["sector"].initial = entity.sector_id
            self.fields["status"].choices = [
                (value, label) for value, label in PlanStatus.choices if value != PlanStatus.ANALYSED
            ]
        if not office_may(self.for_user, ANALYSE):
            priorities = self.formsets["priorities"]
            priorities.form = disabling(priorities.form, ["decision", "decision_reason", "actions"])


def office_staff():
    """Whom a request may be assigned to: active users who may manage requests (no liaison among them)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(groups__name=LIAISONS)
        .exclude(liaison_entries__in=EntityLiaison.objects.current())
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="manage_assistancerequest")
            | Q(user_permissions__codename="manage_assistancerequest")
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class AssistanceRequestForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        entity = liaison_entity(user)
        if entity is not None:
            self.fields["entity"].queryset = DistrictEntity.objects.filter(pk=entity.pk)
            self.fields["entity"].initial = entity.pk
        if not self.instance.pk and user is not None:
            self.fields["requester_name"].initial = user.get_full_name()
            self.fields["requester_email"].initial = user.email
        if "assignee" in self.fields:
            self.fields["assignee"].queryset = office_staff()
        self.is_office = office_may(user, MANAGE)
        if not self.is_office:
            attachments = self.formsets["attachments"]
            attachments.form = disabling(attachments.form, ["from_office"])

    def clean(self):
        cleaned = super().clean()
        if not self.is_office:
            for form in self.formsets["attachments"].forms:
                if form.instance.pk and form.instance.from_office and form.has_changed():
                    form.add_error(None, _("Los adjuntos de la respuesta los cambia solo la Consejería."))
        return cleaned
