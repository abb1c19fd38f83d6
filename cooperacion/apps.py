from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def sync_register_data(sender, **kwargs):
    """Fixed data (SDGs, localities) and the register's roles exist on every database, tests included."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    from wagtail.snippets.models import create_extra_permissions

    from .models.reference import sync_fixed_data
    from .roles import sync_roles

    # Django's and Wagtail's own post_migrate handlers (the snippets' publish and lock permissions)
    # may not have run yet for this app nor for the apps after it, whose permissions the office's
    # administrators are granted: they run in INSTALLED_APPS order.
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    create_extra_permissions(apps.get_app_config("wagtailsnippets"))
    sync_fixed_data(apps)
    sync_roles()


def archive_strategy_version(sender, instance, **kwargs):
    instance.archive_published_version()


class CooperacionConfig(AppConfig):
    name = "cooperacion"
    verbose_name = _("Cooperación")

    def ready(self):
        from wagtail.models import ModelLogEntry, PageLogEntry
        from wagtail.signals import page_published

        from .audit import record_entities_of_new_entry
        from .models import EntityLiaison, StrategyPage
        from .models.liaisons import forget_logged_names

        post_migrate.connect(sync_register_data, sender=self)
        page_published.connect(archive_strategy_version, sender=StrategyPage)
        for log_model in (ModelLogEntry, PageLogEntry):
            post_save.connect(record_entities_of_new_entry, sender=log_model)
        post_delete.connect(forget_logged_names, sender=EntityLiaison)
