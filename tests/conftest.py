"""Shared fixtures: the real site, built once by Pelican, read with BeautifulSoup."""

import datetime
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))  # as Pelican's PLUGIN_PATHS does
from pelican.settings import read_settings  # noqa: E402

from content_checks.document import Document, read_information_block  # noqa: E402
from content_checks.problems import Problems  # noqa: E402


def information_block(path):
    """{lower-case field: value} of a content file, read by the site's own parser."""
    return fields_of(path.read_text(encoding="utf-8-sig"), str(path))


def fields_of(text, path=""):
    """{lower-case field: value} of a content file's text."""
    document = Document(path, path, Problems(), text=text)
    read_information_block(document)
    return {entry.key.lower(): entry.value for entry in document.meta}


TEST_REVIEWER = "Dr Test Example, vascular surgeon (a test's sign-off)"
TEST_TRANSLATION_REVIEWER = "Ana Test Example, certified medical translator (a test's check)"


def signed(text, reviewer=TEST_REVIEWER, field="Reviewer"):
    """A content file's text with a Reviewer line closing its information block, as a
    clinician would add on signing it off (lines of the text below keep their numbers
    but one); with field="Translation-reviewer", as a qualified translator would add on
    checking a translation."""
    head, blank, body = text.partition("\n\n")
    return f"{head}\n{field}: {reviewer}{blank}{body}"


def signed_off(text):
    """The text as `make publish` accepts it: signed by a clinician, and a translation
    also checked by a qualified translator (fields already there are kept)."""
    fields = fields_of(text)
    if not fields.get("reviewer"):
        text = signed(text)
    if fields.get("lang", DEFAULT_LANG) != DEFAULT_LANG and not fields.get("translation-reviewer"):
        text = signed(text, TEST_TRANSLATION_REVIEWER, "Translation-reviewer")
    return text


def content_pages(content=ROOT / "content"):
    """{slug: information block} of every page and guide article, the guide's in order."""
    pages = {}
    for folder in ("articles", "pages"):
        files = [
            (information_block(path), path) for path in sorted((content / folder).glob("*.md"))
        ]
        files.sort(key=lambda item: int(item[0].get("order", 0)))
        for meta, path in files:
            pages[meta.get("slug") or path.stem] = meta
    return pages


PAGES = content_pages()
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))  # what the clinic has set
DEFAULT_LANG = SETTINGS["DEFAULT_LANG"]
# Each translation's pages (content/es/articles, content/es/pages): {language: {slug: block}}.
TRANSLATIONS = {
    lang: content_pages(ROOT / "content" / lang)
    for lang in SETTINGS["LANGUAGES"]
    if lang != DEFAULT_LANG
}


def page_path(slug, meta, lang=DEFAULT_LANG):
    """Where a page is written: an English page at its Save_as or {slug}.html, a
    translation at {lang}/{slug}.html."""
    return meta.get("save_as") or f"{slug}.html" if lang == DEFAULT_LANG else f"{lang}/{slug}.html"


# What a page may weigh, gzip-compressed, with its stylesheet and the site icon: the
# first round trip of a slow connection. The whole guide on one page: issue 15 set
# 24 KB for five parts of text (4.8 KB a part); the parts have since gained pictures
# (about 0.9 KB gzip each): 5.5 KB a part.
PAGE_BUDGET = 14 * 1024
WHOLE_GUIDE_BUDGET_PER_PART = 5.5 * 1024
SITE_ICON = "favicon.svg"

GUIDE_SLUGS = [slug for slug, meta in PAGES.items() if "order" in meta]
OTHER_SLUGS = [slug for slug in PAGES if slug not in GUIDE_SLUGS and slug != "404"]
# "Today" for every build of the suite: the newest review date of the content, so
# the suite passes on any day (SOURCE_DATE_EPOCH, the reproducible-builds convention).
TODAY = max(datetime.date.fromisoformat(meta["reviewed"]) for meta in PAGES.values())
os.environ["SOURCE_DATE_EPOCH"] = str(
    int(datetime.datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=datetime.UTC).timestamp())
)


def build(output, content=ROOT / "content", settings="pelicanconf.py", extra=()):
    """Build through build.py, as `make html` does; return the finished process."""
    command = [
        sys.executable,
        str(ROOT / "build.py"),
        str(content),
        "-o",
        str(output),
        "-s",
        str(ROOT / settings),
    ]
    extra = [f"{name}={value}" for name, value in extra]
    if extra:
        command += ["-e", *extra]  # Pelican keeps only the last -e: pass them together
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def checksums(folder):
    """{relative path: sha256} of every file under folder, to prove nothing changed."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(pathlib.Path(folder).rglob("*"))
        if path.is_file()
    }


def read_page(output, slug):
    path = pathlib.Path(output) / f"{slug}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def visible_text(soup):
    """The text a reader sees, whitespace collapsed, lower case. Separating the pieces of
    text with spaces keeps blocks apart, but also puts spaces a reader never sees around
    inline elements (a linked word in brackets reads "(inflammation)", not "( inflammation )")."""
    text = re.sub(r"\s+", " ", soup.get_text(" ")).strip().lower()
    return re.sub(r"\( | (?=[).,;:!?®])", lambda m: m[0].strip(), text)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("site")
    result = build(output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def page(site):
    cache = {}

    def get(slug):
        if slug not in cache:
            cache[slug] = read_page(site, slug)
        return cache[slug]

    return get


@pytest.fixture
def content_copy(tmp_path):
    """A scratch copy of content/ to build variants from."""
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


# --- Publishing (issue 5): the site as `make publish` builds it, under a sub-path ---
from publishing import EXAMPLE_SITEURL, make  # noqa: E402


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    output = tmp_path_factory.mktemp("published")
    result = make("publish", EXAMPLE_SITEURL, output=output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


# --- Scratch copies of the project, to run make in as staff would ---
VENV = ROOT / ".venv"


@pytest.fixture
def project(tmp_path):
    """A copy of the project without anything generated, to run make in."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "output",
            ".output*",
            "__pycache__",
            ".pytest_cache",
            ".ruff_cache",
            "cache",
            "screenshots",
        ),
    )
    return copy


def make_command(project, target, **variables):
    # -o: the copied requirements files are older than the shared venv; never reinstall.
    command = ["make", "-C", str(project), target, f"VENV={VENV}", "-o", f"{VENV}/.installed"]
    return command + [f"{name}={value}" for name, value in variables.items()]


def make_in(project, target, env=None, **variables):
    """Run `make <target>` in a scratch project; return the finished process."""
    command = make_command(project, target, **variables)
    return subprocess.run(
        command, capture_output=True, text=True, timeout=300, env=env, check=False
    )


def add_pages(content, count):
    """Enough extra pages that a build can be caught while it writes."""
    for number in range(count):
        (content / "pages" / f"extra-{number}.md").write_text(
            f"Title: Extra page {number}\nSlug: extra-{number}\nSummary: Extra page.\n"
            f"Reviewed: {TODAY}\nNext-review: {TODAY + datetime.timedelta(days=365)}\n\n"
            "## A section\n\nSome text.\n",
            encoding="utf-8",
        )
