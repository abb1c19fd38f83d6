"""EntityLiaison becomes the liaison directory: personal details and a period per entry, several
entries per account over time. Existing liaisons keep their entity and account; their name and
e-mail are copied from the account and their period starts on the day of the migration."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def fill_from_accounts(apps, schema_editor):
    EntityLiaison = apps.get_model("cooperacion", "EntityLiaison")
    for entry in EntityLiaison.objects.select_related("user"):
        user = entry.user
        entry.full_name = f"{user.first_name} {user.last_name}".strip() or user.username
        entry.email = user.email
        entry.save(update_fields=["full_name", "email"])


class Migration(migrations.Migration):
    dependencies = [
        ("cooperacion", "0008_page_entities"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="entityliaison",
            name="full_name",
            field=models.CharField(default="", max_length=200, verbose_name="nombre completo"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="entityliaison",
            name="position",
            field=models.CharField(default="", max_length=200, verbose_name="cargo"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="entityliaison",
            name="email",
            field=models.EmailField(
                default="", max_length=254, verbose_name="correo electrónico institucional"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="entityliaison",
            name="start_date",
            field=models.DateField(default=timezone.localdate, verbose_name="desde"),
        ),
        migrations.RunPython(fill_from_accounts, migrations.RunPython.noop),
        migrations.AlterModelOptions(
            name="entityliaison",
            options={
                "ordering": ["entity__name", "-start_date"],
                "verbose_name": "enlace de entidad",
                "verbose_name_plural": "directorio de enlaces",
            },
        ),
        migrations.AddField(
            model_name="entityliaison",
            name="end_date",
            field=models.DateField(
                blank=True, help_text="Vacío mientras sea el enlace vigente.", null=True, verbose_name="hasta"
            ),
        ),
        migrations.AddField(
            model_name="entityliaison",
            name="phone",
            field=models.CharField(
                blank=True,
                max_length=40,
                validators=[
                    django.core.validators.RegexValidator(
                        "^\\+?[0-9 ()-]{7,20}( ?(ext\\.?|extensión) ?[0-9]{1,6})?$",
                        "Escriba un teléfono con dígitos, espacios, guiones y, si aplica, la extensión (ext. 1234).",
                    )
                ],
                verbose_name="teléfono",
            ),
        ),
        migrations.AlterField(
            model_name="entityliaison",
            name="user",
            field=models.ForeignKey(
                blank=True,
                help_text="Mientras el periodo esté vigente, esta cuenta solo trabaja en los registros y páginas de la entidad.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="liaison_entries",
                to=settings.AUTH_USER_MODEL,
                verbose_name="cuenta de usuario",
            ),
        ),
        migrations.AddConstraint(
            model_name="entityliaison",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True), ("end_date__gte", models.F("start_date")), _connector="OR"
                ),
                name="liaison_period_ends_after_start",
                violation_error_message="La fecha final no puede ser anterior a la inicial.",
            ),
        ),
        migrations.AddConstraint(
            model_name="entityliaison",
            constraint=models.UniqueConstraint(
                condition=models.Q(("end_date__isnull", True)),
                fields=("user",),
                name="liaison_one_open_period_per_user",
                violation_error_message="Esta cuenta ya tiene un periodo de enlace sin fecha final.",
            ),
        ),
    ]
