"""Shared fixtures: the real site, built once by Pelican, read with BeautifulSoup."""

import hashlib
import pathlib
import re
import runpy
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

ROOT = pathlib.Path(__file__).resolve().parent.parent
GUIDE_SLUGS = ["procedure", "spider-veins", "varicose-veins", "risks", "compression-stockings"]
OTHER_SLUGS = ["index", "about", "faq", "accessibility", "privacy"]
# The settings `make html` builds with, for what tests expect from them.
SETTINGS = runpy.run_path(str(ROOT / "pelicanconf.py"))


def build(output, content=ROOT / "content", settings="pelicanconf.py", extra=()):
    """Build through build.py, as `make html` does; return the finished process."""
    command = [
        sys.executable, str(ROOT / "build.py"), str(content), "-o", str(output),
        "-s", str(ROOT / settings),
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
    """The text a reader sees, whitespace collapsed, lower case."""
    return re.sub(r"\s+", " ", soup.get_text(" ")).strip().lower()


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


def signed_off(content):
    """The content folder, every page signed off by a clinician (`make publish` will refuse
    pages without a `Reviewer`), for tests that publish."""
    for source in pathlib.Path(content).rglob("*.md"):
        text = source.read_text(encoding="utf-8")
        head, _, body = text.partition("\n\n")
        if not re.search(r"^Reviewer:", head, re.M):
            source.write_text(f"{head}\nReviewer: Dr Test Example\n\n{body}", encoding="utf-8")
    return content


# --- Publishing (issue 5): the site as `make publish` builds it, under a sub-path ---
from publishing import EXAMPLE_SITEURL, make  # noqa: E402


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    output = tmp_path_factory.mktemp("published")
    result = make("publish", EXAMPLE_SITEURL, output=output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output
