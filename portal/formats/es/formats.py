"""Spanish as written in Colombia: 1.250.000,50 (Django's `es` groups thousands with a space)."""

from django.conf.locale.es.formats import *  # noqa: F403

THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
