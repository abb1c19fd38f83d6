from django.db import migrations


def create_policies(apps, schema_editor):
    from buenas_practicas.models import sync_mipg_policies

    sync_mipg_policies(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("buenas_practicas", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_policies, migrations.RunPython.noop),
    ]
