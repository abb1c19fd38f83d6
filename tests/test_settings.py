"""The settings guard: production refuses to start unconfigured and passes Django's deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "internacional.bogota.gov.co",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
    "API_TRUSTED_PROXIES": "0",
}


def manage(*args, env, timeout=120):
    base = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k != "DEBUG"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "The environment variable SECRET_KEY is required" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "ALLOWED_HOSTS"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name" in result.stderr


def test_production_refuses_to_start_without_database_url():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DATABASE_URL is required" in result.stderr


def test_production_refuses_to_start_without_an_explicit_count_of_trusted_proxies():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "API_TRUSTED_PROXIES"}
    for environment in (env, {**env, "API_TRUSTED_PROXIES": "-1"}):
        result = manage("check", env=environment)
        assert result.returncode != 0
        assert "API_TRUSTED_PROXIES must say how many proxies" in result.stderr


def test_deploy_checks_are_clean_with_sane_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_elasticsearch_url_switches_page_search_to_elasticsearch():
    script = "from django.conf import settings; b = settings.WAGTAILSEARCH_BACKENDS['default']; print(b['BACKEND'], b['URLS'][0], b['OPTIONS']['node_class'].__name__)"
    env = {
        **PRODUCTION_ENV,
        "ELASTICSEARCH_URL": "http://search.internal:9200",
        "ELASTICSEARCH_OPENSEARCH_COMPATIBLE": "true",
    }
    result = manage("shell", "-c", script, env=env)
    assert result.stdout.split()[-3:] == [
        "wagtail.search.backends.elasticsearch8",
        "http://search.internal:9200",
        "OpenSearchCompatibleNode",
    ], result.stderr


def test_base_settings_keep_debug_off():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.base", "SECRET_KEY": "x"},
    )
    assert result.stdout.strip().endswith("False"), result.stderr


def test_sqlite_waits_for_the_write_lock_instead_of_failing(tmp_path):
    script = (
        "from django.db import connection as c; c.ensure_connection(); "
        "print(c.settings_dict['OPTIONS']['transaction_mode'], "
        "c.cursor().execute('PRAGMA journal_mode').fetchone()[0])"
    )
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = manage("shell", "-c", script, env=env)
    assert result.stdout.split()[-2:] == ["IMMEDIATE", "wal"], result.stderr


def test_api_settings_come_from_the_environment():
    script = (
        "from django.conf import settings as s; "
        "print(s.API_THROTTLE_RATE, s.API_CACHE_MAX_AGE, s.REST_FRAMEWORK['NUM_PROXIES'])"
    )
    defaults = manage("shell", "-c", script, env=PRODUCTION_ENV)
    assert defaults.stdout.split()[-3:] == ["120/min", "60", "0"], defaults.stderr
    chosen = {"API_THROTTLE_RATE": "30/second", "API_CACHE_MAX_AGE": "300", "API_TRUSTED_PROXIES": "1"}
    configured = manage("shell", "-c", script, env={**PRODUCTION_ENV, **chosen})
    assert configured.stdout.split()[-3:] == ["30/second", "300", "1"], configured.stderr


def test_a_malformed_api_rate_stops_the_start():
    result = manage("check", env={**PRODUCTION_ENV, "API_THROTTLE_RATE": "120 per minute"})
    assert result.returncode != 0
    assert "API_THROTTLE_RATE must be a count per period such as 120/min" in result.stderr
