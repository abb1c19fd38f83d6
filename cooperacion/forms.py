from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .models import entity_of


class CooperationActionForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        entity = entity_of(self.for_user) if self.for_user else None
        if entity is not None and not self.for_user.is_superuser:
            chosen = {
                form.cleaned_data.get("entity")
                for form in self.formsets["entity_links"].forms
                if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
            }
            if entity not in chosen:
                self.add_error(
                    None,
                    _(
                        "Como enlace de %(entity)s, solo puede registrar acciones en las que participe su entidad: agréguela en «Entidades»."
                    )
                    % {"entity": entity},
                )
        return cleaned_data
