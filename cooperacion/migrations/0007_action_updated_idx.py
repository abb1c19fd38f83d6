# The APIs' Last-Modified reads the newest change of a public record from this index.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cooperacion", "0006_datasetpage"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="cooperationaction",
            index=models.Index(fields=["updated_at"], name="action_updated_idx"),
        ),
    ]
