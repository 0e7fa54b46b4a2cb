"""Content checks: every mistake in content/ is found and reported together.

Guarantees: the rule modules of this package (``content_checks.files``,
``.metadata``, ``.markdown_rules``, ``.links``, ``.markup``, ``.readability``)
record each problem here with the file (relative to the project, e.g.
``content/articles/risks.md``), the line where it is known, and a plain-words
message saying what is wrong and what to do. Once every rule has run, before
anything is written, all problems are printed together (and anything Pelican
logs while writing, at the end). With the setting
``CONTENT_CHECKS_STOP_BUILD`` (the build script, ``build.py``, sets it) a build
with errors exits with status 1, so the new site is not put in place; without
it (``make devserver``, ``pelican -lr``) the report is printed and Pelican
keeps running. Errors and warnings Pelican logs itself are captured too: if
they are the only problems, they fail the build, as ``--fatal warnings`` did.
"""

import logging
import os
import sys
from dataclasses import dataclass

from pelican import signals

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    text: str
    level: str = ERROR

    def __str__(self):
        where = f"{self.path}, line {self.line}" if self.line else self.path
        return f"{where}: {self.text}"


class _PelicanLog(logging.Handler):
    """Keeps the warnings and errors Pelican itself logs during a build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record.getMessage())


_problems = set()
_pelican_log = _PelicanLog()
_errors_reported = []  # non-empty once this build has reported an error


def add(path, line, text, level=ERROR):
    """Record a problem; ``path`` as given by :func:`display_path`."""
    _problems.add(Problem(path, line or 0, text, level))


def display_path(settings, relative_source_path):
    """``articles/risks.md`` -> ``content/articles/risks.md`` (as staff see it)."""
    content_dir = os.path.basename(os.path.normpath(settings["PATH"]))
    return f"{content_dir}/{relative_source_path}".replace(os.sep, "/")


def page_path(page):
    return display_path(page.settings, page.relative_source_path)


def lines_containing(source_path, needle):
    """1-based numbers of the lines of a source file that contain ``needle`` (any case)."""
    needle = needle.lower()
    try:
        with open(source_path, encoding="utf-8") as file:
            return [n for n, line in enumerate(file, 1) if needle in line.lower()]
    except (OSError, UnicodeDecodeError):
        return []


class LineFinder:
    """Finds the source line of the n-th occurrence of a piece of text.

    Rules find problems in rendered HTML; this points back at the Markdown
    line that caused each one (the first unused line containing the text).
    """

    def __init__(self, source_path):
        self.source_path = source_path
        self.used = {}

    def __call__(self, needle):
        candidates = lines_containing(self.source_path, needle)
        n = self.used.get(needle, 0)
        self.used[needle] = n + 1
        if not candidates:
            return 0
        return candidates[min(n, len(candidates) - 1)]


def reset(_sender=None):
    _problems.clear()
    _pelican_log.records.clear()
    _errors_reported.clear()


def start_capturing(pelican):
    logging.getLogger("pelican").addHandler(_pelican_log)


def report(pelican):
    """Print the problems found so far; stop the build on errors if asked to.

    Runs when the writer is requested (every check has run, nothing is written
    yet, so a doomed build stops early) and again when the build is finished
    (for what Pelican logs while writing).
    """
    problems = sorted(_problems)
    _problems.clear()
    errors = [p for p in problems if p.level == ERROR]
    warnings = [p for p in problems if p.level == WARNING]
    if not errors and not _errors_reported and _pelican_log.records:
        errors = [
            Problem("", 0, f"Pelican reported: {message.rstrip('.')}. Ask the web team.")
            for message in dict.fromkeys(_pelican_log.records)
        ]
    _pelican_log.records.clear()
    lines = []
    if errors:
        _errors_reported.append(True)
        lines.append(f"\n{len(errors)} problem(s) in the content must be fixed:\n")
        lines += [f"  {str(p).lstrip(': ')}" for p in errors]
    if warnings:
        lines.append(f"\n{len(warnings)} warning(s):\n")
        lines += [f"  {p}" for p in warnings]
    if lines:
        print("\n".join(lines) + "\n", file=sys.stderr, flush=True)
    if errors and pelican.settings.get("CONTENT_CHECKS_STOP_BUILD"):
        # SystemExit, not an exception: Pelican would print a traceback.
        sys.exit(1)


def register():
    signals.initialized.connect(start_capturing)
    signals.page_generator_init.connect(reset)
    signals.get_writer.connect(report)
    signals.finalized.connect(report)
