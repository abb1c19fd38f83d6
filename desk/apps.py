from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "desk"
    verbose_name = _("Mesa de entidades")

    def ready(self):
        from cooperacion.roles import EDITORS, LIAISONS, MODERATORS, register_role_permissions

        register_role_permissions(
            "desk",
            {
                # Liaisons fill in their sector's plan and file their entity's requests (scoped in
                # desk.permissions); the office's analysis and answers are not theirs to write.
                LIAISONS: {
                    "prioritiesplan": ["add", "change", "view"],
                    "assistancerequest": ["add", "change", "view"],
                },
                EDITORS: {
                    "prioritiesplan": ["add", "change", "view", "analyse"],
                    "assistancerequest": ["add", "change", "view", "manage"],
                },
                MODERATORS: {
                    "prioritiesplan": ["add", "change", "delete", "view", "analyse"],
                    "assistancerequest": ["add", "change", "delete", "view", "manage"],
                },
            },
        )
