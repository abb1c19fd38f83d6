from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tqdm import tqdm

from cooperacion.models.reference import sync_fixed_data
from cooperacion.reference_data import load_demo_partners, load_reference_data
from cooperacion.synthetic import DEFAULT_BATCH_SIZE, external_id, generate_actions


class Command(BaseCommand):
    help = (
        "Create synthetic cooperation records SYN-<seed>-1 … SYN-<seed>-<count> for demos and load tests. "
        "Creates the reference lists and demo partners first if they are missing. The same seed gives "
        "the same records; ids that already exist are skipped, so running it again creates only what is "
        "missing. No revisions are written. The admin search index is updated batch by batch unless "
        "--no-index is given (then run `manage.py update_index` before searching)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000, help="How many records (default 1000).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Records per transaction (default {DEFAULT_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Do not add the records to the search index (for benchmarks).",
        )

    def handle(self, *args, count, seed, batch_size, no_index, **options):
        if count < 0 or batch_size < 1:
            raise CommandError("--count must be 0 or more and --batch-size 1 or more.")
        with transaction.atomic():
            sync_fixed_data(apps)
            references = load_reference_data()
            partners = load_demo_partners()
        if references or partners:
            self.stdout.write(f"Reference data: {references} rows created, {partners} demo partners created.")

        with tqdm(
            total=count,
            unit="records",
            file=self.stderr._out,
            disable=options["verbosity"] == 0,
            desc=f"seed {seed}",
        ) as bar:
            report = generate_actions(
                count, seed, batch_size=batch_size, index=not no_index, progress=bar.update
            )

        span = f"{external_id(seed, 1)} … {external_id(seed, count)}" if count else "nothing asked"
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {report.created} synthetic actions ({span}); {report.skipped} already existed."
            )
        )
        self.stdout.write(
            f"  links: {report.partner_links} partners, {report.entity_links} entities, "
            f"{report.sdg_links} SDGs, {report.locality_links} localities, {report.axis_links} transversal axes; "
            f"{report.indicators} result indicators."
        )
        if no_index:
            self.stdout.write("  search index: not updated (run `manage.py update_index`).")
        else:
            self.stdout.write(f"  search index: {report.indexed} records added.")
