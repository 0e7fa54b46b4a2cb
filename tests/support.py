"""Fast, in-process builds of small content folders, as Pelican's own tests do.

``tiny_site(folder, files)`` copies the tiny content fixture (tests/fixtures/tiny: one
guide article, a home page, a privacy page, shared sources, numbers and an emergency
card; in Spanish the home page and the emergency card, so the guide article and the
privacy page are still English only), adds or
replaces ``files`` ({path under content/: text}), and builds it with the site's real
settings, plugins and theme, in this process: a rule's test costs a fraction of a
second instead of a whole ``make html``. ``{today}`` and ``{next_year}`` in any file
become dates that are valid whatever the calendar says.
"""

import contextlib
import datetime
import io
import pathlib
import shutil
from dataclasses import dataclass

from pelican import Pelican
from pelican.settings import read_settings

from conftest import ROOT, TODAY

TINY = ROOT / "tests" / "fixtures" / "tiny"
NEXT_YEAR = (
    TODAY.replace(year=TODAY.year + 1)
    if not (TODAY.month == 2 and TODAY.day == 29)
    else TODAY + datetime.timedelta(days=365)
)


def dated(text):
    """The text (or bytes) with {today} and {next_year} written as dates."""
    if isinstance(text, bytes):
        return dated(text.decode("latin-1")).encode("latin-1")
    return text.replace("{today}", TODAY.isoformat()).replace("{next_year}", NEXT_YEAR.isoformat())


def content_file(body="## A section\n\nSome text.", **fields):
    """A valid content file: an information block (these fields over sensible ones), then
    the body."""
    meta = {
        "Title": "A test page",
        "Summary": "A page for a test.",
        "Reviewed": "{today}",
        "Next-review": "{next_year}",
    }
    meta.update(
        {"Next-review" if key == "Next_review" else key: value for key, value in fields.items()}
    )
    return "".join(f"{key}: {value}\n" for key, value in meta.items()) + "\n" + body + "\n"


@dataclass
class Build:
    ok: bool
    stdout: str
    stderr: str
    output: pathlib.Path

    def problems(self):
        """The report's lines: "content/…, line N: message"."""
        return [line.strip() for line in self.stderr.splitlines() if line.startswith("  ")]

    def read(self, name):
        from bs4 import BeautifulSoup

        return BeautifulSoup((self.output / name).read_text(encoding="utf-8"), "html.parser")


def tiny_site(folder, files=None, settings="pelicanconf.py", base=TINY, **overrides):
    """Build the tiny fixture (or another content folder, ``base``) plus ``files`` in
    ``folder``; return the Build."""
    content = pathlib.Path(folder) / "content"
    if not content.exists():
        shutil.copytree(base, content)
        for path in content.rglob("*.md"):
            path.write_bytes(dated(path.read_bytes()))
    for relative, text in (files or {}).items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(dated(text if isinstance(text, bytes) else text.encode("utf-8")))
    output = pathlib.Path(folder) / "output"
    values = {"PATH": str(content), "OUTPUT_PATH": str(output), **overrides}
    if base == TINY:  # it has none of the pages the real menus name
        values = {"MENU_PAGES": [], "FOOTER_PAGES": [], **values}
    pelican_settings = read_settings(str(ROOT / settings), override=values)
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            Pelican(pelican_settings).run()
            ok = True
        except Exception as error:  # the checks stop a build with ContentProblems
            ok = False
            if type(error).__name__ != "ContentProblems":
                raise
    return Build(ok, stdout.getvalue(), stderr.getvalue(), output)
