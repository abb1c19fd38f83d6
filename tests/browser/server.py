"""The portal as visitors reach it: a fresh database with the demo content, served by gunicorn with
the production settings on 127.0.0.1, in a process of its own.

The database is new for every test session (and every xdist worker): SQLite in a temporary folder,
or, when DATABASE_URL names a PostgreSQL server, a new database on it that is dropped at the end.
Mail goes to files (`mail_dir`), which the journeys read.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
STARTUP_SECONDS = 60


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PortalServer:
    def __init__(self, workdir: Path, database_url: str | None = None):
        self.workdir = workdir
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.mail_dir = workdir / "mail"
        self.postgres = database_url if database_url and database_url.startswith("postgres") else None
        if self.postgres:
            self.database = f"bogota_browser_{os.getpid()}_{self.port}"
            server = urlsplit(self.postgres)
            self.database_url = server._replace(path=f"/{self.database}").geturl()
        else:
            self.database_url = f"sqlite:///{workdir / 'db.sqlite3'}"
        self.process = None

    @property
    def environment(self):
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "ELASTICSEARCH_", "REDIS_", "PYTEST_"))
        }
        return environment | {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "browser-tests-only-not-secret",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(self.workdir / "media"),
            "STATIC_ROOT": str(self.workdir / "static"),
            # Plain http on the loopback: no redirect to https (cookies stay Secure: Chromium
            # keeps Secure cookies on 127.0.0.1).
            "SECURE_SSL_REDIRECT": "false",
            "SERVE_MEDIA_IMAGES": "true",
            "API_TRUSTED_PROXIES": "0",
            # Journeys log in and search more often than a person would within a minute.
            "SEARCH_THROTTLE_RATE": "100000/min",
            "FORM_THROTTLE_RATE": "100000/min",
            "DOWNLOAD_THROTTLE_RATE": "100000/min",
            "API_THROTTLE_RATE": "100000/min",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "WAGTAILADMIN_BASE_URL": self.url,
            "LOG_LEVEL": "WARNING",
        }

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.environment,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def build(self):
        if self.postgres:
            self._postgres("createdb")
        self.manage("migrate", "--no-input")
        self.manage("load_demo_content", "--with-demo-users")
        self.manage("collectstatic", "--no-input", "--verbosity", "0")

    def start(self):
        log = (self.workdir / "gunicorn.log").open("ab")
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--timeout",
                "120",
                # Gunicorn's control socket has one path per machine: several test servers (xdist
                # workers, a benchmark) would share it and take each other's commands.
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=self.environment,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: {self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if json.load(response)["status"] == "ok":
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"the portal did not answer within {STARTUP_SECONDS} s: {self.log_tail()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        if self.postgres:
            self._postgres("dropdb", "--if-exists", "--force")

    def log_tail(self, size=4000):
        path = self.workdir / "gunicorn.log"
        return path.read_text(errors="replace")[-size:] if path.exists() else ""

    def mails(self):
        """Every message sent so far, oldest first, as `email.message.EmailMessage`s."""
        if not self.mail_dir.exists():
            return []
        messages = []
        for path in sorted(self.mail_dir.glob("*.log"), key=lambda path: path.stat().st_mtime):
            # The file backend separates messages by a line of 79 dashes.
            for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if raw.strip():
                    messages.append(message_from_bytes(raw.lstrip(), policy=policy.default))
        return messages

    def _postgres(self, command, *args):
        server = urlsplit(self.postgres)
        subprocess.run(
            [
                command,
                "--host",
                server.hostname or "127.0.0.1",
                "--port",
                str(server.port or 5432),
                "--username",
                server.username or "postgres",
                *args,
                self.database,
            ],
            check=True,
            capture_output=True,
        )


def serve(database_url=None):
    """Builds and starts a server; the caller stops it (`PortalServer.stop`) and removes its folder."""
    workdir = Path(tempfile.mkdtemp(prefix="bogota-browser-"))
    server = PortalServer(workdir, database_url)
    try:
        server.build()
        server.start()
    except BaseException:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    return server
