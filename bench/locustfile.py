"""The visitors of bench/run_load.py: each request picks a type by weight, then one of its URLs.

LOAD_URLS names the JSON file `run_load.py discover` wrote ({request type: [paths]});
LOAD_THINK_SECONDS is the mean wait between a visitor's requests. Any non-2xx answer is an error.
"""

import json
import os
import random
from pathlib import Path

from locust import HttpUser, between, constant, task

URLS = json.loads(Path(os.environ["LOAD_URLS"]).read_text())
THINK = float(os.environ.get("LOAD_THINK_SECONDS", "1"))
# What a visitor does most: read pages; a fifth of the requests come from programs using the APIs.
WEIGHTS = {
    "home": 10,
    "listing": 15,
    "detail": 25,
    "search": 10,
    "register search": 20,
    "api v1": 12,
    "api v2": 8,
}


class Visitor(HttpUser):
    wait_time = between(THINK / 2, THINK * 1.5) if THINK else constant(0)

    @task
    def visit(self):
        kind = random.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        self.client.get(random.choice(URLS[kind]), name=kind, allow_redirects=False)
