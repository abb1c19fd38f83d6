from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from search.documents import indexable_actions
from search.engines.base import SearchUnavailable
from search.indexing import rebuild
from search.records import elasticsearch_configured


class Command(BaseCommand):
    help = (
        "Rebuild the public search index of the cooperation register from the public records: the "
        "database engine's in one transaction, and Elasticsearch's (when ELASTICSEARCH_URL is set) "
        "into a new index that replaces the old one atomically. Page search: Wagtail's update_index."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine",
            choices=["all", "database", "elasticsearch"],
            default="all",
            help="Which engine's index to rebuild (default: every configured one).",
        )

    def handle(self, *args, engine, **options):
        if engine == "elasticsearch" and not elasticsearch_configured():
            raise CommandError("ELASTICSEARCH_URL is not set: there is no Elasticsearch index to rebuild.")
        engines = None if engine == "all" else [engine]
        total = indexable_actions().count()
        passes = len(
            engines or (["database", "elasticsearch"] if elasticsearch_configured() else ["database"])
        )
        with tqdm(
            total=total * passes,
            unit="records",
            file=self.stderr._out,
            disable=options["verbosity"] == 0,
        ) as bar:
            try:
                counts = rebuild(engines, progress=bar.update)
            except SearchUnavailable as error:
                raise CommandError(f"Elasticsearch could not be rebuilt: {error}") from error
        for name, count in counts.items():
            self.stdout.write(self.style.SUCCESS(f"{name}: {count} public records indexed."))
