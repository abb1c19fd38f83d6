"""The register's benchmarks, each on a fresh SQLite database in a temporary directory.

    .venv/bin/python bench/run_register.py              # both benchmarks
    .venv/bin/python bench/run_register.py import       # import_actions of a 10,000-row .xlsx
    .venv/bin/python bench/run_register.py generate     # generate_actions --count 100000

import:   migrate; load_reference_data; write the .xlsx (bench/write_legacy_spreadsheet.py);
          then, measured: `manage.py import_actions FILE`. Targets: under 30 s, peak RSS under 500 MB.
generate: migrate; then, measured: `manage.py generate_actions --count N --seed S` (search index
          included; --no-index-too adds a run without it on another fresh database).

Wall time is measured around the command (Python start-up and Django set-up included); peak RSS
comes from `/usr/bin/time -v` when it exists, else from getrusage(RUSAGE_CHILDREN) in a wrapper
process that runs only the measured command. The commands run with portal.settings.base
(DEBUG off, as in production) and DATABASE_URL=sqlite:////<tmp>/db.sqlite3. Nothing here is a
test: the figures go to bench/RESULTS.md by hand.
"""

import argparse
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GNU_TIME = "/usr/bin/time"
IMPORT_TARGET_SECONDS = 30
IMPORT_TARGET_MB = 500

# Runs argv[1:] and reports the peak RSS of that child alone (this wrapper waits for nothing else).
RUSAGE_WRAPPER = (
    "import resource, subprocess, sys; "
    "code = subprocess.call(sys.argv[1:]); "
    "print(f'BENCH_MAXRSS_KB={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr); "
    "sys.exit(code)"
)


@dataclass
class Measure:
    name: str
    command: str
    seconds: float
    peak_mb: float
    returncode: int
    extra: str = ""


def environment(workdir: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "SECRET_KEY": "bench-only-not-secret",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "LOG_LEVEL": "WARNING",
    }


def manage(*args) -> list[str]:
    return [PYTHON, "manage.py", *args]


def run(command, env, log: Path):
    """An unmeasured step; stops the benchmark if it fails."""
    started = time.perf_counter()
    with log.open("a") as stream:
        stream.write(f"$ {' '.join(command)}\n")
        stream.flush()
        result = subprocess.run(command, cwd=ROOT, env=env, stdout=stream, stderr=subprocess.STDOUT)
    if result.returncode:
        sys.exit(f"`{' '.join(command)}` failed; see {log}")
    return time.perf_counter() - started


def measure(name, command, env, log: Path) -> Measure:
    if Path(GNU_TIME).exists():
        wrapped = [GNU_TIME, "-v", *command]
    else:
        wrapped = [PYTHON, "-c", RUSAGE_WRAPPER, *command]
    started = time.perf_counter()
    result = subprocess.run(wrapped, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    with log.open("a") as stream:
        stream.write(f"$ {' '.join(wrapped)}\n{result.stdout}\n{result.stderr}\n")
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr) or re.search(
        r"BENCH_MAXRSS_KB=(\d+)", result.stderr
    )
    peak_mb = int(found.group(1)) / 1024 if found else float("nan")
    for line in result.stdout.strip().splitlines()[-4:]:
        print(line if len(line) < 300 else f"{line[:297]}...")
    if result.returncode:
        print(result.stderr.strip()[-3000:], file=sys.stderr)
    return Measure(name, " ".join(command[1:]), seconds, peak_mb, result.returncode)


def database_mb(workdir: Path) -> float:
    files = [workdir / name for name in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-journal")]
    return sum(path.stat().st_size for path in files if path.exists()) / 1e6


def fresh(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"bogota-bench-{prefix}-"))


def bench_startup() -> list[Measure]:
    """The floor under every command: Python start-up and django.setup(), nothing else."""
    workdir = fresh("startup")
    env, log = environment(workdir), workdir / "log.txt"
    command = [PYTHON, "-c", "import django; django.setup()"]
    result = measure("start-up only (python + django.setup())", command, env, log)
    result.command = "python -c 'import django; django.setup()'"
    print(f"\nstart-up: {result.seconds:.1f} s, peak {result.peak_mb:.0f} MB")
    shutil.rmtree(workdir)
    return [result]


def bench_import(rows: int, seed: int, keep: bool) -> list[Measure]:
    workdir = fresh("import")
    env, log = environment(workdir), workdir / "log.txt"
    print(f"\n## import_actions, {rows} rows — {workdir}")
    migrate = run(manage("migrate", "--no-input"), env, log)
    run(manage("load_reference_data"), env, log)
    spreadsheet = workdir / f"legacy-{rows}.xlsx"
    started = time.perf_counter()
    run(
        [
            PYTHON,
            "bench/write_legacy_spreadsheet.py",
            str(spreadsheet),
            "--count",
            str(rows),
            "--seed",
            str(seed),
        ],
        env,
        log,
    )
    written = time.perf_counter() - started
    result = measure(
        f"import_actions ({rows} rows, .xlsx)", manage("import_actions", str(spreadsheet)), env, log
    )
    count = _count(workdir, "SELECT COUNT(*) FROM cooperacion_cooperationaction")
    result.extra = (
        f"{count} records stored; .xlsx {spreadsheet.stat().st_size / 1e6:.1f} MB written in {written:.1f} s; "
        f"migrate {migrate:.0f} s; database {database_mb(workdir):.0f} MB"
    )
    verdict = (
        "OK"
        if result.seconds < IMPORT_TARGET_SECONDS and result.peak_mb < IMPORT_TARGET_MB
        else "OVER TARGET"
    )
    print(f"import: {result.seconds:.1f} s, peak {result.peak_mb:.0f} MB ({verdict}); {result.extra}")
    _cleanup(workdir, keep)
    return [result]


def bench_generate(count: int, seed: int, keep: bool, no_index_too: bool) -> list[Measure]:
    results = []
    variants = [("", [])] + ([("no index", ["--no-index"])] if no_index_too else [])
    for label, flags in variants:
        workdir = fresh("generate")
        env, log = environment(workdir), workdir / "log.txt"
        print(f"\n## generate_actions --count {count} {' '.join(flags)} — {workdir}")
        run(manage("migrate", "--no-input"), env, log)
        name = f"generate_actions ({count} records{', ' + label if label else ''})"
        command = manage("generate_actions", "--count", str(count), "--seed", str(seed), *flags)
        result = measure(name, command, env, log)
        links = _count(
            workdir,
            "SELECT (SELECT COUNT(*) FROM cooperacion_actionpartner) + (SELECT COUNT(*) FROM "
            "cooperacion_actionentity) + (SELECT COUNT(*) FROM cooperacion_resultindicator) + (SELECT COUNT(*) "
            "FROM cooperacion_cooperationaction_sdgs) + (SELECT COUNT(*) FROM "
            "cooperacion_cooperationaction_localities) + (SELECT COUNT(*) FROM "
            "cooperacion_cooperationaction_transversal_axes)",
        )
        index_entries = _count(workdir, "SELECT COUNT(*) FROM wagtailsearch_indexentry")
        result.extra = (
            f"database {database_mb(workdir):.0f} MB; {links} link and indicator rows; "
            f"{index_entries} search-index entries"
        )
        print(f"generate: {result.seconds:.1f} s, peak {result.peak_mb:.0f} MB; {result.extra}")
        results.append(result)
        _cleanup(workdir, keep)
    return results


def _count(workdir: Path, sql: str) -> int:
    with sqlite3.connect(workdir / "db.sqlite3") as connection:
        return connection.execute(sql).fetchone()[0]


def _cleanup(workdir: Path, keep: bool):
    if keep:
        print(f"kept {workdir}")
    else:
        shutil.rmtree(workdir)


def machine() -> str:
    memory = "?"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kilobytes = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f"{kilobytes / 1024 / 1024:.1f} GiB"
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · commit {commit or '?'} · nproc {os.cpu_count()} · "
        f"memory {memory} · {platform.platform()} · Python {platform.python_version()} · "
        f"SQLite {sqlite3.sqlite_version}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="?", choices=["all", "import", "generate"], default="all")
    parser.add_argument("--rows", type=int, default=10_000, help="rows in the imported .xlsx (default 10000)")
    parser.add_argument("--count", type=int, default=100_000, help="records to generate (default 100000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-index-too", action="store_true", help="also time generate_actions --no-index")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directories")
    args = parser.parse_args()

    print(machine())
    results = bench_startup()
    if args.which in ("all", "import"):
        results += bench_import(args.rows, args.seed, args.keep)
    if args.which in ("all", "generate"):
        results += bench_generate(args.count, args.seed, args.keep, args.no_index_too)

    print("\n| benchmark | wall time | peak RSS | exit | notes |\n|---|---|---|---|---|")
    for result in results:
        print(
            f"| {result.name} | {result.seconds:.1f} s | {result.peak_mb:.0f} MB | {result.returncode} | "
            f"{result.extra} |"
        )
    return 1 if any(result.returncode for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
