"""Files that the home app's tests upload (images, documents, renditions) go to a temporary folder."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def purge_server():
    """A frontend-cache purge endpoint on localhost: yields its URL and the paths it was asked to purge."""
    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", purged
    server.shutdown()
