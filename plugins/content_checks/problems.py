"""The problems one build finds, and how they are shown to staff."""

import logging
import os
from dataclasses import dataclass

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as staff see it: content/articles/risks.md (or pelicanconf.py)
    line: int  # 0 when no line can be named
    text: str  # what is wrong and what to do, in plain words
    level: str = ERROR

    def __str__(self):
        where = f"{self.path}, line {self.line}" if self.line else self.path
        return f"{where}: {self.text}" if where else self.text


class ContentProblems(Exception):
    """Raised once the report is printed, to stop Pelican before it writes anything."""

    exitcode = 1


class Problems:
    """Every problem of one build, each reported once however often it is found."""

    def __init__(self):
        self._found = set()
        self.added = 0  # every problem reported, repeats too

    def add(self, path, line, text, level=ERROR):
        self.added += 1
        self._found.add(Problem(path, line or 0, text, level))

    def add_all(self, problems):
        self.added += len(problems)
        self._found.update(problems)

    def clear(self):
        self._found.clear()

    def of_level(self, level):
        return sorted(p for p in self._found if p.level == level)

    def report(self):
        """The text staff read: every error, then every warning ('' when there are none)."""
        lines = []
        errors, warnings = self.of_level(ERROR), self.of_level(WARNING)
        if errors:
            lines.append(f"{len(errors)} problem(s) in the content must be fixed:\n")
            lines += [f"  {p}" for p in errors]
        if warnings:
            lines.append(f"\n{len(warnings)} warning(s):\n")
            lines += [f"  {p}" for p in warnings]
        return "\n".join(lines).strip("\n")


class PelicanLog(logging.Handler):
    """Keeps what Pelican itself logs as a warning or an error: no rule covers it, so
    it is reported as a problem too (as ``--fatal warnings`` would, but collected)."""

    def __init__(self, run):
        super().__init__(logging.WARNING)
        self.run = run  # the build it belongs to
        self.records = []

    def emit(self, record):
        if not (record.exc_info and isinstance(record.exc_info[1], ContentProblems)):
            self.records.append(record.getMessage().rstrip(".").replace(os.getcwd() + os.sep, ""))

    def take(self):
        """The messages logged since the last call, as problems."""
        taken = [
            Problem("", 0, f"Pelican reported: {m}. Ask the web team.")
            for m in dict.fromkeys(self.records)
        ]
        self.records.clear()
        return taken


class HideOwnStop(logging.Filter):
    """Pelican logs the exception that stops a build with its traceback; for the stop
    this package raises after printing its report, that would only be noise."""

    def filter(self, record):
        return not (record.exc_info and isinstance(record.exc_info[1], ContentProblems))
