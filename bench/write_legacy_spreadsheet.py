"""Write N synthetic rows in the legacy import layout, for the import benchmark (needs no database).

    .venv/bin/python bench/write_legacy_spreadsheet.py /tmp/legacy-10000.xlsx --count 10000 --seed 1

The format follows the suffix (.xlsx or .csv). Row n is record SYN-<seed>-<n> of
`cooperacion.synthetic`, drawn from the default reference lists and demo partners.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="where to write: a .xlsx or .csv file")
    parser.add_argument("--count", type=int, default=10_000, help="data rows (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    from cooperacion.synthetic import write_legacy_spreadsheet

    started = time.perf_counter()
    rows = write_legacy_spreadsheet(args.path, args.count, args.seed)
    elapsed = time.perf_counter() - started
    size = args.path.stat().st_size
    print(f"{args.path}: {rows} rows, {size / 1e6:.1f} MB, written in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
