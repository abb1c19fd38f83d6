# The result page's listing image now comes from home.models.ImageWithAltText (image, image_alt).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cooperacion", "0003_strategy_and_results"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RenameField(model_name="resultpage", old_name="listing_image", new_name="image"),
        migrations.RenameField(model_name="resultpage", old_name="listing_image_alt", new_name="image_alt"),
        migrations.AlterField(
            model_name="resultpage",
            name="image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
                verbose_name="imagen",
            ),
        ),
        migrations.AlterField(
            model_name="resultpage",
            name="image_alt",
            field=models.CharField(
                blank=True,
                help_text="Describa lo que muestra la imagen para quien no puede verla (obligatorio con imagen).",
                max_length=250,
                verbose_name="texto alternativo de la imagen",
            ),
        ),
    ]
