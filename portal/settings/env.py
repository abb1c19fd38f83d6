"""Typed readers for the environment variables the settings accept (listed in README.md)."""

import os
import re

from django.core.exceptions import ImproperlyConfigured

# What Django REST framework's throttles accept: a count per second, minute, hour or day.
RATE = re.compile(r"^[1-9]\d*/(s|sec|second|m|min|minute|h|hour|d|day)$")


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required with these settings (see README.md, 'Running at scale')."
        )
    return default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    return _env_number(name, default, int, "a whole number")


def env_float(name: str, default: float) -> float:
    return _env_number(name, default, float, "a number")


def _env_number(name, default, kind, description):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return kind(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be {description}, not {value!r}.") from error


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default or [])


def env_rate(name: str, default: str) -> str:
    """A request rate such as `120/min` (per `s`, `min`, `hour` or `day`)."""
    value = os.environ.get(name, "").strip() or default
    if not RATE.match(value):
        raise ImproperlyConfigured(f"{name} must be a count per period such as 120/min, not {value!r}.")
    return value
