"""HTTP benchmark: the portal under gunicorn with its production settings, measured with wrk.

    .venv/bin/python bench/run_http.py                        # SQLite then PostgreSQL (make bench-http)
    .venv/bin/python bench/run_http.py --engines sqlite       # one database engine
    .venv/bin/python bench/run_http.py --postgres             # = --engines postgres
    .venv/bin/python bench/run_http.py --caches locmem        # skip the Redis legs

For each database engine, in a new temporary directory (/tmp/bogota-bench-http-*): a fresh
database (SQLite in the directory, or a new PostgreSQL database on 127.0.0.1:5432 dropped at the
end), `migrate`, `load_demo_content` (300 records), `generate_actions --count 10000 --seed 2026`
(tops the register up to 10,000 records, register search and Wagtail index included),
`collectstatic`; then `discover` (this script, inside Django, on the same database) picks the
addresses and counts the SQL queries of one request to each (after one request that fills the
fragment caches, and cold, with every cache empty) and the CPU time one request takes in that
process (median of 15, time.process_time). Then, one server at a time, for each leg (the
page cache off = "uncached", PAGE_CACHE_SECONDS=0; on = "cached"; each with the in-process cache,
then with Redis on 127.0.0.1:6379): gunicorn (`--workers 2`, sync) serves portal.wsgi with
portal.settings.production (SECURE_SSL_REDIRECT=false for plain http, rate limits raised so that
the figures are the portal's, not its limiter's), every address is requested a few times in
parallel (imports, connections, caches), then `wrk -t2 -c8 -d10s --timeout 30s --latency` runs against each
address in turn, and against the site stylesheet served by WhiteNoise from the same stack (the
ceiling). Any non-2xx answer or socket error fails the run. The weight of each page is its HTML
plus the stylesheets and scripts it links, as served plain and with `Accept-Encoding: gzip`.

Prints Markdown tables and the targets met or missed; the figures go to bench/RESULTS.md by hand.
The temporary directory, the PostgreSQL database, the Redis keys and gunicorn are removed on any
exit, Ctrl-C included.
"""

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urljoin

from run_load import POSTGRES, free_port, gunicorn_command, production_environment, wait_until_up
from run_register import PYTHON, ROOT, fresh, machine, manage, run

RECORDS = 10_000
DEMO_SEED = "2026"  # cooperacion.demo's seed: generate_actions then adds only the missing records
REDIS = "redis://127.0.0.1:6379/0"
PAGE_CACHE_SECONDS = 600
TARGETS = {  # request: (requests/s at least, p99 under ms), uncached
    "home": (250, 100),
    "listing": (250, 100),
    "detail": (250, 100),
    "site search": (150, None),
    "register search": (150, None),
}
WEIGHT_TARGET_KB = 150
CACHED_WITHIN = 2  # cached pages within 2× of the static file


@dataclass
class Wrk:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: str

    def cell(self):
        return f"{self.requests_per_second:,.0f} · {self.p50_ms:.1f} · {self.p99_ms:.1f}"


class Stop(Exception):
    """SIGTERM: leave through the same clean-up as Ctrl-C."""


def on_sigterm(signum, frame):
    raise Stop()


# ---------------------------------------------------------------------------------------------
# The driver
# ---------------------------------------------------------------------------------------------


def bench(args) -> int:
    signal.signal(signal.SIGTERM, on_sigterm)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: `sudo apt-get install wrk` (make bench-http does it)")
    failures = 0
    print(machine(), f"· {wrk_version()}", flush=True)
    for engine in args.engines:
        failures += bench_engine(args, engine)
    return 1 if failures else 0


def bench_engine(args, engine: str) -> int:
    workdir = fresh("http")
    log = workdir / "log.txt"
    database = f"bogota_bench_http_{os.getpid()}"
    postgres = engine == "postgres"
    database_url = f"{POSTGRES}/{database}" if postgres else f"sqlite:///{workdir / 'db.sqlite3'}"
    print(f"\n## {engine} — {workdir} — {database_url}", flush=True)
    prefix = f"bench-http-{os.getpid()}-{engine}"
    try:
        if postgres:
            run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], os.environ, log)
        env = production_environment(workdir, database_url, 0)
        started = time.perf_counter()
        run(manage("migrate", "--no-input"), env, log)
        run(manage("load_demo_content"), env, log)
        run(manage("generate_actions", "--count", str(args.records), "--seed", DEMO_SEED), env, log)
        run(manage("collectstatic", "--no-input"), env, log)
        print(f"database ready in {time.perf_counter() - started:.0f} s", flush=True)
        found = workdir / "urls.json"
        run([PYTHON, "bench/run_http.py", "discover", "--out", str(found)], env, log)
        targets = json.loads(found.read_text())
        legs = {}
        for cache in args.caches:
            for cached in (False, True):
                name = (
                    f"{'cached' if cached else 'uncached'} ({'Redis' if cache == 'redis' else 'in-process'})"
                )
                leg_env = {**env, "PAGE_CACHE_SECONDS": str(PAGE_CACHE_SECONDS if cached else 0)}
                if cache == "redis":
                    leg_env.update(REDIS_URL=REDIS, CACHE_KEY_PREFIX=prefix)
                legs[name] = serve_and_measure(args, workdir, leg_env, targets, cached, log)
        return report(engine, args.records, targets, legs)
    finally:
        if postgres:
            subprocess.run(
                ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database], check=False
            )
        forget_redis_keys(prefix)
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def start_gunicorn(args, workdir: Path, env: dict, port: int, log: Path) -> subprocess.Popen:
    command = gunicorn_command(workdir, port, args.workers)
    with log.open("a") as stream:
        stream.write(f"$ PAGE_CACHE_SECONDS={env['PAGE_CACHE_SECONDS']} {' '.join(command)}\n")
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def stop(server: subprocess.Popen):
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def serve_and_measure(args, workdir, env, targets, cached, log) -> dict:
    port = free_port()
    env = {**env, "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}"}
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(args, workdir, env, port, log)
    try:
        wait_until_up(f"{base}/healthz", server)
        warm_up(base, [target["url"] for target in targets["pages"]], args.workers * 2)
        results = {"pages": {}, "stored": {}}
        for target in targets["pages"]:
            results["stored"][target["name"]] = stored(base + target["url"])
            results["pages"][target["name"]] = wrk(args, base + target["url"])
            print(
                f"  {'cached' if cached else 'uncached':8} {target['name']:16} {results['pages'][target['name']].cell()}"
            )
        results["static"] = wrk(args, base + targets["static"])
        print(f"  {'':8} {'static file':16} {results['static'].cell()}", flush=True)
        results["load"] = os.getloadavg()[0]
        if not cached and "weights" not in targets:
            targets["weights"] = weigh(base, targets)
        return results
    finally:
        stop(server)


def warm_up(base: str, urls: list[str], parallel: int):
    """Every worker's first requests (imports, templates, connections, caches) are not measured."""
    with ThreadPoolExecutor(parallel) as pool:
        list(pool.map(lambda url: fetch(base + url).read(), urls * parallel))


def stored(url: str) -> str | None:
    """ "hit" when the page cache answers: a few tries, since each worker keeps its own copy
    when the cache is in-process."""
    answers = [fetch(url).headers.get("X-Page-Cache") for _ in range(6)]
    return "hit" if "hit" in answers else answers[-1]


def fetch(url: str, **headers):
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=120)


def wrk(args, url: str) -> Wrk:
    # A 30 s timeout (wrk's default is 2 s): a busy machine's slow answers are figures, not errors.
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.seconds}s",
        "--timeout",
        "30s",
        "--latency",
        url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return parse_wrk(result.stdout, url)


def parse_wrk(output: str, url: str) -> Wrk:
    def milliseconds(label):
        found = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
        value, unit = float(found.group(1)), found.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]

    errors = []
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors.append(f"{found.group(1)} non-2xx")
    if found := re.search(r"Socket errors: (.*)", output):
        errors.append(f"socket errors {found.group(1)}")
    if errors:
        print(output, file=sys.stderr)
        raise SystemExit(f"{url}: {', '.join(errors)}")
    return Wrk(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=milliseconds(50),
        p99_ms=milliseconds(99),
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        errors="",
    )


def weigh(base: str, targets: dict) -> dict:
    """HTML + linked stylesheets and scripts of each page, plain and as served with gzip."""
    weights = {}
    for target in targets["pages"]:
        html = fetch(base + target["url"]).read()
        assets = re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html) + re.findall(
            rb'<script[^>]+src="([^"]+)"', html
        )
        plain = len(html)
        served = served_size(base + target["url"], len(html))
        for asset in dict.fromkeys(asset.decode() for asset in assets):
            url = urljoin(base + target["url"], asset)
            size = len(fetch(url).read())
            plain += size
            served += served_size(url, size)
        weights[target["name"]] = {"plain": plain, "served": served, "assets": len(assets)}
    return weights


def served_size(url: str, plain: int) -> int:
    response = fetch(url, **{"Accept-Encoding": "gzip"})
    body = response.read()
    if response.headers.get("Content-Encoding") == "gzip":
        assert len(gzip.decompress(body)) == plain, url
        return len(body)
    return plain


def forget_redis_keys(prefix: str):
    try:
        import redis
    except ImportError:
        return
    try:
        client = redis.Redis.from_url(REDIS)
        for key in client.scan_iter(f"{prefix}*"):
            client.delete(key)
    except redis.RedisError:
        pass


def wrk_version() -> str:
    result = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return (
        (result.stdout or result.stderr).splitlines()[0].split(" [")[0]
        if result.returncode in (0, 1)
        else "wrk ?"
    )


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


def report(engine: str, records: int, targets: dict, legs: dict) -> int:
    names, weights = list(legs), targets["weights"]
    print(
        f"\n### {'PostgreSQL' if engine == 'postgres' else 'SQLite'} · {records:,} records · "
        f"load average after each leg: {', '.join(format(legs[name]['load'], '.2f') for name in names)}\n"
    )
    print("requests/s · p50 ms · p99 ms\n")
    print("| request | address | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for target in targets["pages"]:
        cells = []
        for name in names:
            cell = legs[name]["pages"][target["name"]].cell()
            if name.startswith("cached") and legs[name]["stored"][target["name"]] != "hit":
                cell += " (not stored)"
            cells.append(cell)
        print(f"| {target['name']} | `{target['url']}` | " + " | ".join(cells) + " |")
    print(
        "| static file (ceiling) | `"
        + targets["static"]
        + "` | "
        + " | ".join(legs[name]["static"].cell() for name in names)
        + " |"
    )

    print(
        "\n| request | SQL queries (fragments kept) | SQL queries (every cache empty) "
        "| CPU per request, uncached (in-process, median) | HTML + CSS + JS | as served (gzip) |"
    )
    print("|---|---|---|---|---|---|")
    for target in targets["pages"]:
        weight = weights[target["name"]]
        print(
            f"| {target['name']} | {target['queries']} | {target['cold_queries']} | {target['cpu_ms']:.1f} ms "
            f"| {weight['plain'] / 1024:.1f} kB | {weight['served'] / 1024:.1f} kB |"
        )
    return verdicts(targets, legs, weights)


def verdicts(targets, legs, weights) -> int:
    missed = 0
    print()
    for leg_name, leg in legs.items():
        static = leg["static"].requests_per_second
        for target in targets["pages"]:
            name, result = target["name"], leg["pages"][target["name"]]
            checks = []
            if leg_name.startswith("uncached") and name in TARGETS:
                rate, p99 = TARGETS[name]
                checks.append(
                    (f"{result.requests_per_second:,.0f} req/s ≥ {rate}", result.requests_per_second >= rate)
                )
                if p99:
                    checks.append((f"p99 {result.p99_ms:.0f} ms < {p99}", result.p99_ms < p99))
            if leg_name.startswith("cached") and leg["stored"][name] == "hit":
                ratio = static / result.requests_per_second
                checks.append(
                    (f"{ratio:.1f}× below the static file (≤ {CACHED_WITHIN}×)", ratio <= CACHED_WITHIN)
                )
            for text, ok in checks:
                missed += not ok
                print(f"- {leg_name}, {name}: {text}: {'met' if ok else 'MISSED'}")
    for name, weight in weights.items():
        ok = weight["plain"] / 1024 < WEIGHT_TARGET_KB
        missed += not ok
        print(
            f"- weight, {name}: {weight['plain'] / 1024:.1f} kB < {WEIGHT_TARGET_KB} kB: {'met' if ok else 'MISSED'}"
        )
    print(f"\n{missed} target(s) missed")
    # Missed targets are figures to report, not a failed run; errors have already stopped it.
    return 0


# ---------------------------------------------------------------------------------------------
# The worker: addresses and SQL queries, inside Django, on the benchmark's database.
# ---------------------------------------------------------------------------------------------


def discover(out: Path):
    sys.path.insert(0, str(ROOT))
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.templatetags.static import static
    from django.test import Client
    from django.urls import reverse

    from cooperacion.models import CooperationAction
    from home.models import NewsIndexPage, NewsPage

    news = NewsPage.objects.live().public().filter(locale__language_code="es").order_by("-date", "pk").first()
    record = CooperationAction.objects.public().order_by("pk").first()
    pages = [
        ("home", "/es/"),
        ("listing", NewsIndexPage.objects.live().get(locale__language_code="es").url),
        ("detail", news.url),
        ("site search", f"{reverse('search')}?{urlencode({'q': 'agua'})}"),
        # A word in two records out of three: the register's part counts facets over thousands.
        ("site search, broad word", f"{reverse('search')}?{urlencode({'q': 'cooperación'})}"),
        ("register search", f"{reverse('record_search')}?{urlencode({'q': 'agua'})}"),
        ("API listing", "/api/v1/records/"),
        ("register record", reverse("record_detail", args=[record.pk])),
    ]
    client = Client(HTTP_HOST="127.0.0.1")

    def count(url):
        statements = []

        def wrapper(execute, sql, params, many, context):
            statements.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(wrapper):
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return len(statements)

    def cpu_milliseconds(url, runs=15):
        """This process's CPU time per request: steadier than the wall clock on a busy machine."""
        times = []
        for _ in range(runs):
            started = time.process_time()
            client.get(url)
            times.append((time.process_time() - started) * 1000)
        return statistics.median(times)

    targets = []
    for name, url in pages:
        for cache in caches.all():
            cache.clear()
        cold = count(url)
        targets.append(
            {
                "name": name,
                "url": url,
                "cold_queries": cold,
                "queries": count(url),
                "cpu_ms": cpu_milliseconds(url),
            }
        )
    out.write_text(
        json.dumps({"pages": targets, "static": static("css/portal.css")}, indent=1, ensure_ascii=False)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="?", choices=["http", "discover"], default="http")
    parser.add_argument("--engines", default="sqlite,postgres", help="sqlite, postgres or both (default)")
    parser.add_argument("--postgres", action="store_true", help="only PostgreSQL (= --engines postgres)")
    parser.add_argument("--caches", default="locmem,redis", help="locmem, redis or both (default)")
    parser.add_argument("--records", type=int, default=RECORDS)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per address (default 10)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directories")
    parser.add_argument("--out", type=Path, help="discover: where to write the addresses")
    args = parser.parse_args()
    if args.which == "discover":
        discover(args.out)
        return 0
    args.engines = ["postgres"] if args.postgres else args.engines.split(",")
    args.caches = args.caches.split(",")
    if unknown := set(args.engines) - {"sqlite", "postgres"} or set(args.caches) - {"locmem", "redis"}:
        parser.error(f"unknown: {', '.join(sorted(unknown))}")
    return bench(args)


if __name__ == "__main__":
    sys.exit(main())
