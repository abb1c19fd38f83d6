"""The database search engine's index of the public cooperation records.

Only records that pass `CooperationAction.objects.public()` have an entry. `terms` holds the
analysed words (see `search.analysis`); the full-text index over it is vendor-specific and made by
the migrations: an FTS5 table kept in step by triggers on SQLite, a generated tsvector column with
a GIN index on PostgreSQL. Facet values live in `RecordFacet`, one row per record and value.
"""

from django.db import models


class RecordEntry(models.Model):
    action = models.OneToOneField(
        "cooperacion.CooperationAction", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    terms = models.TextField()
    title_words = models.TextField()
    year = models.PositiveSmallIntegerField(db_index=True)
    date = models.DateField(db_index=True)
    # Only when the partner authorised publishing amounts: sorting must not reveal a hidden one.
    amount_cop = models.DecimalField(max_digits=20, decimal_places=2, null=True, db_index=True)

    class Meta:
        verbose_name = "record search entry"

    def __str__(self):
        return f"Search entry of record {self.action_id}"


class RecordFacet(models.Model):
    entry = models.ForeignKey(RecordEntry, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=64)

    class Meta:
        verbose_name = "record facet value"
        constraints = [
            models.UniqueConstraint(fields=["facet", "value", "entry"], name="facet_value_once_per_entry")
        ]
        # Covering: a request's counts read (facet, value) for its matching records from here alone.
        indexes = [models.Index(fields=["entry", "facet", "value"], name="facet_values_by_entry_idx")]

    def __str__(self):
        return f"{self.facet}={self.value} of record {self.entry_id}"


class PendingChange(models.Model):
    """A record whose latest change Elasticsearch has not received yet.

    Marked in the same transaction as the change, cleared once Elasticsearch has the record's
    current state. While any is pending, searches are answered by the database engine, so a
    missed write can never leave a withdrawn record (or a hidden amount) findable.
    """

    action_id = models.PositiveBigIntegerField(primary_key=True)
    since = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "pending search change"

    def __str__(self):
        return f"Record {self.action_id} waits for Elasticsearch since {self.since:%Y-%m-%d %H:%M:%S}"
