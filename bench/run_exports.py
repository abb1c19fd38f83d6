"""The open-data downloads' benchmark: memory, speed and size of each streamed format as the
register grows from 1,000 to 100,000 records.

    .venv/bin/python bench/run_exports.py                         # 1,000, 10,000 and 100,000 records
    .venv/bin/python bench/run_exports.py --counts 1000 5000      # a quick check

On one fresh SQLite database in a temporary directory (as in bench/run_register.py: settings
portal.settings.base, DEBUG off, DATABASE_URL=sqlite:////<tmp>/db.sqlite3): migrate; then, for
each count in ascending order, `manage.py generate_actions --count N --seed S` (with the register
search's index, through which downloads filter; the same seed only adds the missing numbers, so
each step grows the same database), and for each format a new `drain` worker process (this
script) that:

  1. warms up: one download filtered to nothing (`?year_from=2100`), so that imports, compiled
     queries and the first allocations are not counted;
  2. timed pass: calls the view (`cooperacion.opendata.views`, with a RequestFactory request, no
     middleware) and drains `response.streaming_content` into a temporary file, measuring wall
     time (time.perf_counter) and RSS growth: the peak RSS (VmHWM, reset through
     /proc/self/clear_refs just before) minus the RSS before the call;
  3. traced pass: the same download again under tracemalloc (which slows it down), to the null
     device: the peak of Python allocations during the download, above what was allocated before;
  4. checks the file: the CSV's and JSON's records counted, the XLSX opened as a zip archive and
     its sheet's uncompressed size read. A count that differs from the public records fails the run.

Nothing here is a test: the figures go to bench/RESULTS.md by hand.
"""

import argparse
import csv
import gc
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

from run_register import PYTHON, ROOT, database_mb, environment, fresh, machine, manage, measure, run

FORMATS = {
    "csv": ("csv_download", ""),
    "csv-rfc4180": ("csv_download", "formato=rfc4180"),
    "xlsx": ("xlsx_download", ""),
    "json": ("json_download", ""),
}
COUNTS = (1_000, 10_000, 100_000)


def bench(counts, seed: int, keep: bool) -> int:
    workdir = fresh("exports")
    env = {**environment(workdir), "ALLOWED_HOSTS": "testserver"}
    log = workdir / "log.txt"
    print(f"## exports — {workdir}")
    run(manage("migrate", "--no-input"), env, log)
    rows, generated = [], []
    for count in sorted(counts):
        step = measure(
            f"generate_actions --count {count}",
            manage("generate_actions", "--count", str(count), "--seed", str(seed)),
            env,
            log,
        )
        if step.returncode:
            return 1
        generated.append((count, step.seconds, database_mb(workdir)))
        for name in FORMATS:
            out = workdir / f"{name}-{count}.json"
            worker = [PYTHON, "bench/run_exports.py", "drain", name, "--out", str(out)]
            result = subprocess.run(worker, cwd=ROOT, env=env, capture_output=True, text=True)
            with log.open("a") as stream:
                stream.write(f"$ {' '.join(worker)}\n{result.stdout}\n{result.stderr}\n")
            if result.returncode:
                print(result.stderr[-3000:], file=sys.stderr)
                return 1
            figures = json.loads(out.read_text())
            rows.append({"count": count, "format": name, **figures})
            print(
                f"{count:>7} {name:<12} {figures['records']:>7} records  {figures['seconds']:6.1f} s  "
                f"{figures['records_per_second']:>7.0f} rows/s  {figures['megabytes']:7.1f} MB  "
                f"RSS +{figures['rss_growth_mb']:.1f} MB  tracemalloc peak {figures['traced_peak_mb']:.2f} MB",
                flush=True,
            )
    report(seed, generated, rows)
    if keep:
        print(f"kept {workdir}")
    else:
        shutil.rmtree(workdir)
    return 0


def report(seed, generated, rows):
    print(f"\n{machine()} · load average {' '.join(f'{value:.2f}' for value in os.getloadavg())}\n")
    print("| records (public) | format | time | rows/s | size | RSS growth | tracemalloc peak | notes |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['count']:,} ({row['records']:,}) | {row['format']} | {row['seconds']:.1f} s | "
            f"{row['records_per_second']:,.0f} | {row['megabytes']:.1f} MB | {row['rss_growth_mb']:.1f} MB | "
            f"{row['traced_peak_mb']:.2f} MB | {row['notes']} |"
        )
    print(
        "\ngenerated (seed "
        + str(seed)
        + "): "
        + "; ".join(
            f"up to {count:,} in {seconds:.0f} s, database {size:.0f} MB"
            for count, seconds, size in generated
        )
    )


# ---------------------------------------------------------------------------------------------
# The worker: one download of one format, inside Django, on the database the driver prepared.
# ---------------------------------------------------------------------------------------------


def rss_kb(field: str) -> int:
    return int(
        re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.MULTILINE).group(1)
    )


def reset_peak_rss():
    # Linux: writing 5 resets VmHWM (the peak RSS) to the current RSS.
    Path("/proc/self/clear_refs").write_text("5")


def drain(name: str, out: Path):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import RequestFactory

    from cooperacion.models import CooperationAction
    from cooperacion.opendata import views

    view_name, query = FORMATS[name]
    view = getattr(views, view_name)
    factory = RequestFactory()

    def download(extra=""):
        params = "&".join(part for part in (query, extra) if part)
        response = view(factory.get("/datos/registro?" + params))
        assert response.status_code == 200, response.content
        return response.streaming_content

    for _chunk in download("year_from=2100"):
        pass
    records = CooperationAction.objects.public().count()
    gc.collect()

    with tempfile.NamedTemporaryFile(suffix=f".{name}") as target:
        rss_before = rss_kb("VmRSS")
        reset_peak_rss()
        started = time.perf_counter()
        size = 0
        for chunk in download():
            target.write(chunk)
            size += len(chunk)
        seconds = time.perf_counter() - started
        rss_growth = rss_kb("VmHWM") - rss_before
        target.flush()
        written, notes = check(name, Path(target.name))
    if written != records:
        sys.exit(f"{name}: {written} records written, {records} public")

    gc.collect()
    tracemalloc.start()
    before, _peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    with open(os.devnull, "wb") as null:
        for chunk in download():
            null.write(chunk)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    out.write_text(
        json.dumps(
            {
                "records": records,
                "seconds": seconds,
                "records_per_second": records / seconds if seconds else 0,
                "megabytes": size / 1e6,
                "rss_growth_mb": rss_growth / 1024,
                "traced_peak_mb": (peak - before) / 1e6,
                "notes": notes,
            }
        )
    )


def check(name: str, path: Path) -> tuple[int, str]:
    """How many records the file holds, and what else is worth noting about it."""
    if name.startswith("csv"):
        delimiter = ";" if name == "csv" else ","
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return sum(1 for _row in csv.reader(stream, delimiter=delimiter)) - 1, ""
    if name == "json":
        with path.open("rb") as stream:
            lines = sum(1 for line in stream if line.startswith(b'{"id": '))
        return lines, ""
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
        rows, tail = -1, b""  # the header row is not a record
        with archive.open(sheet) as stream:
            while block := stream.read(1 << 20):
                text = tail + block
                rows += text.count(b"<row ")
                # A tag cut by the block boundary is counted with the next block.
                tail = text[-4:]
        return (
            rows,
            f"sheet XML {sheet.file_size / 1e6:.0f} MB, {sheet.file_size / max(rows, 1):,.0f} bytes/row",
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="?", choices=["all", "drain"], default="all", help=argparse.SUPPRESS)
    parser.add_argument("format", nargs="?", choices=list(FORMATS), help=argparse.SUPPRESS)
    parser.add_argument(
        "--counts",
        type=int,
        nargs="+",
        default=list(COUNTS),
        help="record counts (default 1000 10000 100000)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    if args.which == "drain":
        drain(args.format, args.out)
        return 0
    return bench(args.counts, args.seed, args.keep)


if __name__ == "__main__":
    sys.exit(main())
