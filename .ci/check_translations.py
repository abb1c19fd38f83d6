"""Fail when the English catalogue drifts from the code.

Re-extracts the strings (makemessages), compares them with the committed catalogue, and reports
strings that are new (untranslated), gone (stale), fuzzy or empty, and a .mo that is not the
compilation of its .po. The committed files are restored whatever happens.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")


def keys(po):
    return {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete and entry.msgid}


def main() -> int:
    problems = []
    committed = polib.pofile(str(CATALOGUE))
    for entry in committed:
        if entry.obsolete or not entry.msgid:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        translated = entry.msgstr if not entry.msgid_plural else all(entry.msgstr_plural.values())
        if not translated:
            problems.append(f"untranslated: {entry.msgid!r}")

    with tempfile.TemporaryDirectory() as tmp:
        backup = Path(tmp) / "django.po"
        shutil.copy2(CATALOGUE, backup)
        try:
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "makemessages",
                    "--locale",
                    "en",
                    "--no-obsolete",
                    "--ignore",
                    ".venv/*",
                    "--ignore",
                    "staticfiles/*",
                    "--verbosity",
                    "0",
                ],
                cwd=ROOT,
                check=True,
                env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
            )
            extracted = polib.pofile(str(CATALOGUE))
        finally:
            shutil.copy2(backup, CATALOGUE)
        for _context, msgid in sorted(keys(extracted) - keys(committed), key=str):
            problems.append(f"not in the catalogue (run `make messages` and translate): {msgid!r}")
        for _context, msgid in sorted(keys(committed) - keys(extracted), key=str):
            problems.append(f"stale, no longer in the code: {msgid!r}")

        fresh_mo = Path(tmp) / "django.mo"
        subprocess.run(["msgfmt", "--check-format", "-o", str(fresh_mo), str(CATALOGUE)], check=True)
        if not COMPILED.exists() or polib.mofile(str(fresh_mo)) != polib.mofile(str(COMPILED)):
            problems.append(
                f"{COMPILED.relative_to(ROOT)} is not compiled from its .po (run `make messages`)"
            )

    for problem in problems:
        print(f"translations: {problem}")
    print(f"translations: {len(problems)} problem(s) in {CATALOGUE.relative_to(ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
