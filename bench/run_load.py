"""The load test: the portal under gunicorn with its production settings, 50 concurrent visitors.

    .venv/bin/python bench/run_load.py                      # SQLite, 50 users, 60 s (make bench-load)
    .venv/bin/python bench/run_load.py --postgres           # the same on a new PostgreSQL database
    .venv/bin/python bench/run_load.py --workers 2 --threads 4 --think 0

In a new temporary directory (/tmp/bogota-bench-load-*): migrate and load_demo_content into a fresh
database (SQLite in the directory, or with --postgres a new database on 127.0.0.1:5432 dropped at
the end), collectstatic; then `discover` (this script, inside Django) lists the URLs the visitors
ask for, in both languages, from the demo data; gunicorn serves portal.wsgi on 127.0.0.1 with
portal.settings.production (SECURE_SSL_REDIRECT=false for plain http; API_THROTTLE_RATE,
DOWNLOAD_THROTTLE_RATE and SEARCH_THROTTLE_RATE raised so that the load test measures the portal, not its rate limiter); and
locust (bench/locustfile.py) runs headless: `--users` visitors started at 10 per second, each
choosing a request type by weight (after a warm-up: the first three URLs of every type, a few
times over in parallel, so that every worker has imported and connected), waiting `--think` seconds on average between requests (uniform
between half and one and a half times it; 0 = as fast as the portal answers), for `--seconds`.

Prints throughput, p50/p95/p99 per request type and overall, and the errors; exits non-zero on any
error (a non-2xx answer or a failed connection). Nothing here is a test: the figures go to
bench/RESULTS.md by hand.
"""

import argparse
import csv
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from run_register import PYTHON, ROOT, fresh, machine, manage, run

BIN = Path(PYTHON).parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(workdir: Path, database_url: str, port: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(workdir / "media"),
        "SECURE_SSL_REDIRECT": "false",
        "API_TRUSTED_PROXIES": "0",
        "API_THROTTLE_RATE": "1000000/min",
        "DOWNLOAD_THROTTLE_RATE": "1000000/min",
        "SEARCH_THROTTLE_RATE": "1000000/min",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
    }


def wait_until_up(url: str, server: subprocess.Popen, seconds: int = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped with exit code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} did not answer within {seconds} s")


def warm_up(base: str, urls: dict, parallel: int):
    """Every worker's first requests (imports, templates, connections) are not part of the figures."""
    paths = [path for kind in urls.values() for path in kind[:3]] * parallel
    with ThreadPoolExecutor(parallel) as pool:
        list(pool.map(lambda path: urllib.request.urlopen(base + path, timeout=120).read(), paths))


def bench(args) -> int:
    workdir = fresh("load")
    log = workdir / "log.txt"
    port = free_port()
    database = f"bogota_bench_load_{os.getpid()}"
    database_url = f"{POSTGRES}/{database}" if args.postgres else f"sqlite:///{workdir / 'db.sqlite3'}"
    env = production_environment(workdir, database_url, port)
    print(f"## load — {workdir} — {database_url}", flush=True)
    if args.postgres:
        run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], env, log)
    try:
        run(manage("migrate", "--no-input"), env, log)
        run(manage("load_demo_content"), env, log)
        run(manage("collectstatic", "--no-input"), env, log)
        urls = workdir / "urls.json"
        run([PYTHON, "bench/run_load.py", "discover", "--out", str(urls)], env, log)
        return serve_and_load(args, workdir, env, port, urls, log)
    finally:
        if args.postgres:
            subprocess.run(
                ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database], check=False
            )
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir)


def gunicorn_command(workdir: Path, port: int, workers: int, threads: int = 1) -> list[str]:
    """portal.wsgi on 127.0.0.1:`port`: sync workers, or gthread ones with `threads` > 1."""
    return [
        str(BIN / "gunicorn"),
        "portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread" if threads > 1 else "sync",
        "--threads",
        str(threads),
        "--no-control-socket",  # one path per machine: never share it with another server
        "--error-logfile",
        str(workdir / "gunicorn.log"),
    ]


def serve_and_load(args, workdir, env, port, urls, log) -> int:
    gunicorn = gunicorn_command(workdir, port, args.workers, args.threads)
    with log.open("a") as stream:
        stream.write(f"$ {' '.join(gunicorn)}\n")
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, start_new_session=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", server)
        warm_up(f"http://127.0.0.1:{port}", json.loads(urls.read_text()), args.workers * max(args.threads, 2))
        locust = [
            str(BIN / "locust"),
            "--locustfile",
            "bench/locustfile.py",
            "--headless",
            "--host",
            f"http://127.0.0.1:{port}",
            "--users",
            str(args.users),
            "--spawn-rate",
            "10",
            "--run-time",
            f"{args.seconds}s",
            "--csv",
            str(workdir / "locust"),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ]
        load_env = {**env, "LOAD_URLS": str(urls), "LOAD_THINK_SECONDS": str(args.think)}
        started_load = os.getloadavg()[0]
        result = subprocess.run(locust, cwd=ROOT, env=load_env, capture_output=True, text=True)
        with log.open("a") as stream:
            stream.write(f"$ {' '.join(locust)}\n{result.stdout}\n{result.stderr}\n")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    errors = report(args, workdir, started_load)
    if result.returncode not in (0, 1) or not (workdir / "locust_stats.csv").exists():
        print(result.stderr[-3000:], file=sys.stderr)
        return 1
    return 1 if errors else 0


def report(args, workdir: Path, started_load: float) -> int:
    with (workdir / "locust_stats.csv").open() as stream:
        rows = list(csv.DictReader(stream))
    with (workdir / "locust_failures.csv").open() as stream:
        failures = list(csv.DictReader(stream))
    worker_kind = f"gthread, {args.threads} threads" if args.threads > 1 else "sync"
    print(
        f"\n{machine()} · load average {started_load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end\n"
        f"{'PostgreSQL' if args.postgres else 'SQLite'} · gunicorn {args.workers} workers ({worker_kind}) · "
        f"{args.users} users · {args.seconds} s · think time {args.think} s\n"
    )
    print("| request type | requests | errors | requests/s | p50 | p95 | p99 | max |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['Name'] if row['Name'] != 'Aggregated' else '**all**'} | {int(row['Request Count']):,} | "
            f"{row['Failure Count']} | {float(row['Requests/s']):.1f} | {row['50%']} ms | {row['95%']} ms | "
            f"{row['99%']} ms | {float(row['Max Response Time']):.0f} ms |"
        )
    for failure in failures:
        print(f"ERROR {failure['Occurrences']}× {failure['Method']} {failure['Name']}: {failure['Error']}")
    return sum(int(row["Failure Count"]) for row in rows if row["Name"] == "Aggregated")


# ---------------------------------------------------------------------------------------------
# The worker: the URLs the visitors ask for, read from the demo data inside Django.
# ---------------------------------------------------------------------------------------------


def discover(out: Path):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.urls import reverse
    from django.utils import translation

    from buenas_practicas.models import GoodPracticeIndexPage
    from cooperacion.models import CooperationAction, ResultsIndexPage
    from home.models import HomePage, NewsIndexPage, NewsPage

    def page_urls(model):
        return [page.url for page in model.objects.live().public().order_by("path")]

    records = list(CooperationAction.objects.public().order_by("pk")[:60])
    news = list(NewsPage.objects.live().public().filter(locale__language_code="es"))
    words = sorted({word for record in records for word in record.title.split() if len(word) > 6})
    random.Random(7).shuffle(words)
    search, register = [], []
    for language in ("es", "en"):
        with translation.override(language):
            search += [f"{reverse('search')}?{urlencode({'q': page.title.split()[0]})}" for page in news]
            register += [f"{reverse('record_search')}?{urlencode({'q': word})}" for word in words[:10]]
            register.append(f"{reverse('record_search')}?type=convenio&sdg=11")
    urls = {
        "home": page_urls(HomePage),
        "listing": page_urls(NewsIndexPage) + page_urls(ResultsIndexPage) + page_urls(GoodPracticeIndexPage),
        "detail": [url for record in records for url in record_sheets(record)] + page_urls(NewsPage),
        "search": search,
        "register search": register,
        "api v1": [f"/api/v1/records/?{urlencode({'q': word, 'page_size': 20})}" for word in words[:10]]
        + [f"/api/v1/records/{record.pk}/" for record in records[:20]]
        + ["/api/v1/records/?sdg=11&year_from=2020&page_size=50", "/api/v1/records/figures/"],
        "api v2": [
            "/api/v2/pages/?type=home.NewsPage&fields=*&locale=es",
            "/api/v2/pages/?type=home.NewsPage&fields=*&locale=en",
            "/api/v2/pages/?limit=50",
        ]
        + [f"/api/v2/pages/{page.pk}/" for page in NewsPage.objects.live().public()],
    }
    out.write_text(json.dumps(urls, indent=1, ensure_ascii=False))


def record_sheets(record):
    from django.utils import translation

    for language in ("es", "en"):
        with translation.override(language):
            yield record.get_absolute_url()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="?", choices=["load", "discover"], default="load")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between a visitor's requests")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker; more than 1 uses gthread")
    parser.add_argument(
        "--postgres", action="store_true", help=f"a new database on {POSTGRES} instead of SQLite"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--out", type=Path, help="discover: where to write the URLs")
    args = parser.parse_args()
    if args.which == "discover":
        discover(args.out)
        return 0
    return bench(args)


if __name__ == "__main__":
    sys.exit(main())
