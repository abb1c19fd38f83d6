# The dashboard page, and the indicator and four-year goal of each Development Plan target.

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cooperacion", "0004_result_image_with_alt_text"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.AddField(
            model_name="developmentplantarget",
            name="goal",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="Cuántas acciones formalizadas, en ejecución o finalizadas espera el Plan para 2024-2027. Sin meta, el tablero muestra las acciones sin porcentaje de avance.",
                null=True,
                verbose_name="meta del cuatrienio",
            ),
        ),
        migrations.AddField(
            model_name="developmentplantarget",
            name="indicator",
            field=models.CharField(
                blank=True,
                help_text="Lo que se cuenta, en acciones del registro. Por ejemplo: alianzas de cooperación gestionadas.",
                max_length=255,
                verbose_name="indicador",
            ),
        ),
        migrations.AddField(
            model_name="developmentplantarget",
            name="indicator_en",
            field=models.CharField(blank=True, max_length=255, verbose_name="indicador en inglés"),
        ),
        migrations.CreateModel(
            name="DashboardPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("introduction", models.TextField(blank=True, max_length=800, verbose_name="introducción")),
                (
                    "methodology",
                    wagtail.fields.RichTextField(
                        blank=True,
                        help_text="Cómo se cuentan las cifras. La página añade sola qué registros suman los recursos movilizados.",
                        verbose_name="metodología",
                    ),
                ),
                (
                    "social_image",
                    models.ForeignKey(
                        blank=True,
                        help_text="Se muestra cuando la página se comparte. 1200×630 píxeles.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="imagen para redes sociales",
                    ),
                ),
            ],
            options={
                "verbose_name": "tablero de cifras",
                "verbose_name_plural": "tableros de cifras",
            },
            bases=("wagtailcore.page",),
        ),
    ]
