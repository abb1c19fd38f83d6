# The APIs' Last-Modified reads the newest change of a public record from this index.
# Numbered after the dashboard's 0005 and the open data's 0006 (issue 6); depends on 0004 until
# the branches are merged and the chain is re-made.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cooperacion", "0004_result_image_with_alt_text"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="cooperationaction",
            index=models.Index(fields=["updated_at"], name="action_updated_idx"),
        ),
    ]
