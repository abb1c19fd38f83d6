"""The register search's benchmark: indexing time and query latency of every backend in one run.

All on one fresh SQLite database in a temporary directory:

    .venv/bin/python bench/run_search.py                # 100,000 synthetic records
    .venv/bin/python bench/run_search.py --count 5000   # a quick check

Steps (each a subprocess from the project root, as in bench/run_register.py):
  migrate; then, measured: `manage.py generate_actions --count N --seed S --no-index` (neither the
  register search nor Wagtail's index is written), `manage.py rebuild_search_index --engine
  database`, `manage.py rebuild_search_index --engine elasticsearch` against an in-memory
  OpenSearch-compatible test server (osmem-server, started by this script and stopped with it), and
  `manage.py update_index` (Wagtail's stock database backend: SQLite FTS5; it rebuilds every indexed
  model, but on this database nearly all its rows are the records); then, measured, this script's
  `latency` worker: for each engine of the register search (`search.records.search_records`, the
  call the public page makes: engine query, hydration of the hits, facet labels) `--warmup`
  untimed and `--runs` timed runs (time.perf_counter) of three requests, and Wagtail's stock
  backend doing the same words on the same records (`get_search_backend().search(words,
  CooperationAction.objects.public())`: the first 20 results, then `.count()`).

The osmem figures are those of an in-memory test server on this machine: they say nothing about a
real Elasticsearch or OpenSearch cluster. The worker also records the SQL statements of one
request of the database engine (connection.execute_wrapper) and runs each again on its own, rows
fetched, min(--runs, 20) times, to show which one dominates. Settings: portal.settings.base
(DEBUG off), DATABASE_URL=sqlite:////<tmp>/db.sqlite3. Nothing here is a test: the figures go to
bench/RESULTS.md by hand.
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from run_register import PYTHON, ROOT, Measure, database_mb, environment, fresh, machine, manage, measure, run

DATABASE_TARGET_MS = 150
PAGE_SIZE = 20
QUERY = "cooperación"
# Three requests of the public page: (label, SearchRequest keyword arguments).
REQUESTS = [
    ("text, all facets", {"query": QUERY}),
    (
        "text + 3 filters (type, sdg, year_from), all facets",
        {"query": QUERY, "filters": {"type": ("convenio",), "sdg": ("11",)}, "year_from": 2020},
    ),
    ("facets only (no text, no filter)", {}),
]
FILTERED = REQUESTS[1][0]
SLOW_SECONDS = 1.0
OSMEM_PREFIX = "bench"


# ---------------------------------------------------------------------------------------------
# The driver: fresh database, indexing, then the latency worker.
# ---------------------------------------------------------------------------------------------


def database_environment(workdir: Path) -> dict:
    """Wagtail's and the register's search on the database (no cluster, whatever the shell says)."""
    return {key: value for key, value in environment(workdir).items() if not key.startswith("ELASTICSEARCH")}


def osmem_environment(workdir: Path, url: str) -> dict:
    return {
        **database_environment(workdir),
        "ELASTICSEARCH_URL": url,
        "ELASTICSEARCH_INDEX_PREFIX": OSMEM_PREFIX,
        "ELASTICSEARCH_OPENSEARCH_COMPATIBLE": "true",
        # The bulk requests of a rebuild share this timeout; the default (2 s) is meant for visitors.
        "ELASTICSEARCH_SEARCH_TIMEOUT": "120",
    }


def process_memory(pid: int) -> str:
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        return "?"
    found = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status.read_text(), re.MULTILINE))
    return f"RSS {int(found.get('VmRSS', 0)) / 1024:.0f} MB, peak {int(found.get('VmHWM', 0)) / 1024:.0f} MB"


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    found = (
        re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE) if cpuinfo.exists() else None
    )
    return found.group(1).strip() if found else "?"


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def sql_count(workdir: Path, sql: str) -> int:
    with sqlite3.connect(workdir / "db.sqlite3") as connection:
        return connection.execute(sql).fetchone()[0]


def bench(count: int, seed: int, runs: int, warmup: int, budget: float, cap: float, keep: bool):
    from osmem_server import OsmemServer

    workdir = fresh("search")
    env, log = database_environment(workdir), workdir / "log.txt"
    print(f"\n## search, {count} records — {workdir}")
    migrated = run(manage("migrate", "--no-input"), env, log)
    results: list[Measure] = []

    generated = measure(
        f"generate_actions ({count} records, --no-index)",
        manage("generate_actions", "--count", str(count), "--seed", str(seed), "--no-index"),
        env,
        log,
    )
    public = sql_count(
        workdir,
        "SELECT COUNT(*) FROM cooperacion_cooperationaction WHERE live AND publication_authorised",
    )
    generated.extra = (
        f"{public} public; migrate {migrated:.0f} s before; database {database_mb(workdir):.0f} MB"
    )
    results.append(generated)

    database = measure(
        "register search, database engine: rebuild_search_index --engine database",
        manage("rebuild_search_index", "--engine", "database"),
        env,
        log,
    )
    entries = sql_count(workdir, "SELECT COUNT(*) FROM search_recordentry")
    facets = sql_count(workdir, "SELECT COUNT(*) FROM search_recordfacet")
    database.extra = f"{entries} entries, {facets} facet rows; database {database_mb(workdir):.0f} MB"
    results.append(database)

    server = OsmemServer.start()
    try:
        print(f"osmem-server {server.version} at {server.url} (pid {server.pid})")
        osmem = measure(
            "register search, osmem (in-memory test server): rebuild_search_index --engine elasticsearch",
            manage("rebuild_search_index", "--engine", "elasticsearch"),
            osmem_environment(workdir, server.url),
            log,
        )
        indexed = server.request("GET", f"/{OSMEM_PREFIX}_cooperation_records/_count").get("count", "?")
        osmem.extra = f"{indexed} documents; osmem-server {process_memory(server.pid)} (not in peak RSS)"
        results.append(osmem)

        wagtail = measure("Wagtail stock database backend: update_index", manage("update_index"), env, log)
        wagtail_entries = sql_count(workdir, "SELECT COUNT(*) FROM wagtailsearch_indexentry")
        wagtail.extra = (
            f"{wagtail_entries} index entries (all records, public or not, and every other indexed model); "
            f"database {database_mb(workdir):.0f} MB"
        )
        results.append(wagtail)

        figures = workdir / "latency.json"
        worker = [
            PYTHON,
            "bench/run_search.py",
            "latency",
            "--osmem-url",
            server.url,
            "--runs",
            str(runs),
            "--warmup",
            str(warmup),
            "--budget",
            str(budget),
            "--cap",
            str(cap),
            "--out",
            str(figures),
        ]
        latency = measure("latency worker (all engines)", worker, env, log)
        latency.extra = f"osmem-server after the queries: {process_memory(server.pid)}"
        results.append(latency)
    finally:
        server.close()

    failed = [result for result in results if result.returncode]
    measured = json.loads(figures.read_text()) if not failed and figures.exists() else None
    report(count, seed, runs, warmup, cap, results, measured)
    if keep:
        print(f"kept {workdir}")
    else:
        shutil.rmtree(workdir)
    return 1 if failed else 0


def report(count, seed, runs, warmup, cap, results, measured):
    print(f"\n### Indexing ({count} synthetic records, seed {seed})\n")
    print("| step | wall time | peak RSS | exit | notes |\n|---|---|---|---|---|")
    for result in results:
        print(
            f"| {result.name} | {result.seconds:.1f} s | {result.peak_mb:.0f} MB | {result.returncode} | "
            f"{result.extra} |"
        )
    if not measured:
        print("\nno latency figures (a step failed; see the log)")
        return
    print(
        f"\n### Latency ({warmup} warm-up + {runs} timed runs each unless noted, one process, sequential)\n"
    )
    print(
        "| request | backend | runs | p50 | p95 | part p50 / p95 | hits | notes |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    for row in measured["latency"]:
        if row["p50_ms"] is None:
            figures = f"> {cap:.0f} s | — | —"
        else:
            figures = (
                f"{row['p50_ms']:.1f} ms | {row['p95_ms']:.1f} ms | "
                f"{row['part_p50_ms']:.1f} / {row['part_p95_ms']:.1f} ms"
            )
        print(
            f"| {row['request']} | {row['backend']} | {row['runs']} | {figures} | {row['hits']} | "
            f"{row['notes']} |"
        )
    print(
        "\npart: for the register search, the engine's own `search()` (without hydrating the hits and "
        "labelling the facets); for Wagtail, the first 20 results without `.count()`."
    )
    for label, statements in measured["sql"].items():
        print(f"\n### Database engine, `{label}`: each SQL statement of one request, run again alone\n")
        print("| # | median | share | rows | statement | parameters |\n|---|---|---|---|---|---|")
        total = sum(statement["median_ms"] for statement in statements) or 1
        for statement in statements:
            parameters = ", ".join(statement["params"])
            print(
                f"| {statement['position']} | {statement['median_ms']:.1f} ms | "
                f"{100 * statement['median_ms'] / total:.0f}% | {statement['rows']} | "
                f"`{statement['sql'][:110]}…` | {parameters[:90]} |"
            )
        slowest = statements[0]
        print(
            f"\nslowest (#{slowest['position']}): `{slowest['sql']}`  \nparameters: {', '.join(slowest['params'])}"
        )
        print("query plan: " + " · ".join(f"`{line}`" for line in slowest["plan"]))
    verdict = measured["verdict"]
    print(f"\ndatabase engine, filtered request: p95 {verdict['p95_ms']:.1f} ms — {verdict['text']}")


# ---------------------------------------------------------------------------------------------
# The worker: runs inside Django, on the database the driver prepared.
# ---------------------------------------------------------------------------------------------


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds (linear interpolation between the closest ranks; with fewer
    than 20 samples p95 is close to the slowest)."""
    if len(samples) == 1:
        return samples[0] * 1000, samples[0] * 1000
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return statistics.median(samples) * 1000, cuts[94] * 1000


class EngineTimer:
    """Wraps an engine class's `search` to time the engine's own part of each service call."""

    def __init__(self, *classes):
        self.last = None
        for engine_class in classes:
            original = engine_class.search

            def timed(engine, request, original=original):
                started = time.perf_counter()
                try:
                    return original(engine, request)
                finally:
                    self.last = time.perf_counter() - started

            engine_class.search = timed


class StatementRecorder:
    """Records every SQL statement run while it is installed (connection.execute_wrapper)."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append((sql, params))
        return execute(sql, params, many, context)


class Capped(Exception):
    """One call ran longer than --cap seconds and was interrupted."""


class Sampler:
    """Times calls: warm-up runs, then timed runs. A call slower than SLOW_SECONDS ends the warm-up
    and cuts the timed runs to what fits in --budget seconds (at least one); a call longer than
    --cap seconds is interrupted (SQLite: a progress handler; osmem: the client's timeout)."""

    def __init__(self, connection, warmup, runs, budget, cap):
        self.warmup, self.runs, self.budget, self.cap = max(1, warmup), runs, budget, cap
        self.deadline = None
        connection.ensure_connection()
        connection.connection.set_progress_handler(self._interrupt, 100_000)

    def _interrupt(self):
        return 1 if self.deadline and time.perf_counter() > self.deadline else 0

    def _once(self, call):
        from django.db import OperationalError

        started = time.perf_counter()
        self.deadline = started + self.cap
        try:
            result, part = call()
        except OperationalError as error:
            if "interrupted" in str(error):
                raise Capped from error
            raise
        finally:
            self.deadline = None
        return time.perf_counter() - started, result, part

    def sample(self, call):
        """(timed seconds, part seconds, last result, note)."""
        elapsed, result, _ = self._once(call)
        runs, warmup = self.runs, self.warmup
        if elapsed >= SLOW_SECONDS:
            runs, warmup = max(1, min(runs, int(self.budget // elapsed))), 1
        for _ in range(warmup - 1):
            self._once(call)
        totals, parts, note = [], [], ""
        for _ in range(runs):
            try:
                elapsed, result, part = self._once(call)
            except Capped:
                note = f"a run over {self.cap:.0f} s was interrupted; "
                break
            totals.append(elapsed)
            parts.append(part)
        if runs < self.runs:
            note += f"slow: 1 warm-up and {len(totals)} timed runs (--budget {self.budget:.0f} s); "
        return totals, parts, result, note


def worker(osmem_url: str, runs: int, warmup: int, budget: float, cap: float, out: Path):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from wagtail.search.backends import get_search_backend

    from cooperacion.models import CooperationAction
    from search.engines.base import SearchRequest
    from search.engines.database import DatabaseEngine
    from search.engines.elasticsearch import ElasticsearchEngine
    from search.records import _elasticsearch_engine, search_records

    timer = EngineTimer(DatabaseEngine, ElasticsearchEngine)
    sampler = Sampler(connection, warmup, runs, budget, cap)
    latency, sql = [], {}

    def measured(request_label, backend, call, notes):
        try:
            totals, parts, result, note = sampler.sample(call)
        except Capped:
            totals, parts, result, note = [], [], None, f"interrupted after {cap:.0f} s (--cap); "
        row = {
            "request": request_label,
            "backend": backend,
            "runs": len(totals),
            "p50_ms": None,
            "p95_ms": None,
        }
        if totals:
            row["p50_ms"], row["p95_ms"] = percentiles(totals)
            row["part_p50_ms"], row["part_p95_ms"] = percentiles(parts)
        row["hits"] = result.total if hasattr(result, "total") else result
        row["notes"] = note + notes(result)
        latency.append(row)
        shown = f"p50 {row['p50_ms']:.1f} ms, p95 {row['p95_ms']:.1f} ms" if totals else "interrupted"
        print(f"{backend} · {request_label}: {shown}, {len(totals)} runs, {row['hits']} hits", flush=True)
        return result

    engines = [
        ("database", "register search, database engine (SQLite FTS5 + facet table)", None),
        ("elasticsearch", "register search, osmem (in-memory test server, NOT Elasticsearch)", osmem_url),
    ]
    for expected, backend, url in engines:
        settings.RECORD_SEARCH = {
            "URL": url,
            "INDEX_PREFIX": OSMEM_PREFIX,
            "OPENSEARCH_COMPATIBLE": True,
            # Long enough that a slow answer is measured, not replaced by the database fallback.
            "TIMEOUT": cap,
        }
        _elasticsearch_engine.cache_clear()
        for label, arguments in REQUESTS:
            request = SearchRequest(page_size=PAGE_SIZE, **arguments)

            def call(request=request, expected=expected, backend=backend):
                result = search_records(request)
                if result.engine != expected or result.degraded:
                    raise SystemExit(f"{backend}: answered by {result.engine} (degraded={result.degraded})")
                return result, timer.last

            recorder = StatementRecorder()
            with connection.execute_wrapper(recorder):
                search_records(request)
            measured(
                label,
                backend,
                call,
                lambda result, recorder=recorder: (
                    f"{len(result.hits)} hits on the page; {len(recorder.statements)} SQL statements"
                ),
            )
            if expected == "database":
                sql[label] = statement_breakdown(recorder.statements, min(runs, 20))

    # Wagtail's stock backend: the same words, on the same (public) records, a page of 20 and the
    # count; ordered by relevance (its default) and not.
    wagtail = get_search_backend()
    for ordered in (True, False):

        def call(ordered=ordered):
            started = time.perf_counter()
            results = wagtail.search(QUERY, CooperationAction.objects.public(), order_by_relevance=ordered)
            page = list(results[:PAGE_SIZE])
            paged = time.perf_counter() - started
            total = results.count()
            if len(page) != min(PAGE_SIZE, total):
                raise SystemExit(f"Wagtail: a page of {len(page)} results out of {total}")
            return total, paged

        measured(
            f"text only ({QUERY!r}), no facets, {'relevance order (default)' if ordered else 'order_by_relevance=False'}",
            f"Wagtail stock database backend ({type(wagtail).__name__})",
            call,
            lambda total, ordered=ordered: (
                f"`get_search_backend().search({QUERY!r}, CooperationAction.objects.public()"
                f"{'' if ordered else ', order_by_relevance=False'})`: first {PAGE_SIZE} results, then "
                "`.count()`; part = the first 20 alone; no facets, no highlighting"
            ),
        )

    filtered = next(row for row in latency if row["request"] == FILTERED and "database" in row["backend"])
    dominant = sql[FILTERED][0]
    verdict = {
        "p95_ms": filtered["p95_ms"],
        "text": (
            f"within the {DATABASE_TARGET_MS} ms target"
            if filtered["p95_ms"] < DATABASE_TARGET_MS
            else f"OVER the {DATABASE_TARGET_MS} ms target; the slowest statement is #{dominant['position']} "
            f"({dominant['median_ms']:.1f} ms median): {dominant['sql'][:200]}"
        ),
    }
    out.write_text(json.dumps({"latency": latency, "sql": sql, "verdict": verdict}, indent=1))
    print(f"database engine, filtered request: p95 {filtered['p95_ms']:.1f} ms — {verdict['text']}")


def statement_breakdown(statements: list[tuple], repeats: int) -> list[dict]:
    """The SQL statements of one request, each run again on its own `repeats` times (after one
    untimed run) with its rows fetched, slowest first; the slowest one's query plan is added."""
    from django.db import connection

    rows = []
    with connection.cursor() as cursor:
        for position, (sql, params) in enumerate(statements, start=1):
            samples, times = [], repeats + 1
            number = 0
            while number < times:
                started = time.perf_counter()
                cursor.execute(sql, params)
                fetched = len(cursor.fetchall())
                elapsed = time.perf_counter() - started
                if not number and elapsed >= SLOW_SECONDS:
                    times = 4
                if number:
                    samples.append(elapsed)
                number += 1
            rows.append(
                {
                    "position": position,
                    "median_ms": statistics.median(samples) * 1000,
                    "rows": fetched,
                    "sql": re.sub(r"\s+", " ", sql),
                    "params": [str(param) for param in params or ()],
                }
            )
        rows.sort(key=lambda row: -row["median_ms"])
        slowest = statements[rows[0]["position"] - 1]
        cursor.execute(f"EXPLAIN QUERY PLAN {slowest[0]}", slowest[1])
        rows[0]["plan"] = [" ".join(str(cell) for cell in row) for row in cursor.fetchall()]
    print(f"slowest statement ({rows[0]['median_ms']:.1f} ms): {slowest[0]} {list(slowest[1] or ())}")
    print("  plan: " + " | ".join(rows[0]["plan"]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="?", choices=["all", "latency"], default="all", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=100_000, help="records to generate (default 100000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=50, help="timed runs per request (default 50)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed runs before them (default 5)")
    parser.add_argument(
        "--budget",
        type=float,
        default=120,
        help="seconds of timed runs for a request slower than 1 s (default 120)",
    )
    parser.add_argument(
        "--cap", type=float, default=300, help="interrupt a single call after this (default 300 s)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--osmem-url", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.which == "latency":
        worker(args.osmem_url, args.runs, args.warmup, args.budget, args.cap, args.out)
        return 0
    print(f"{machine()} · CPU {cpu_model()}")
    print("`" + " ".join([".venv/bin/python bench/run_search.py", *sys.argv[1:]]) + "`")
    print(f"started {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    started = time.perf_counter()
    print(f"load average at the start: {load()}")
    code = bench(args.count, args.seed, args.runs, args.warmup, args.budget, args.cap, args.keep)
    print(f"\nwhole run: {(time.perf_counter() - started) / 60:.1f} min; load average at the end: {load()}")
    return code


if __name__ == "__main__":
    sys.exit(main())
