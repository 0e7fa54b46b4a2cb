"""Shared fixtures: the real site, built once by Pelican, read with BeautifulSoup."""

import pathlib
import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

ROOT = pathlib.Path(__file__).resolve().parent.parent
GUIDE_SLUGS = ["procedure", "spider-veins", "varicose-veins", "risks", "compression-stockings"]
OTHER_SLUGS = ["index", "about", "faq", "accessibility", "privacy"]


def build(output, content=ROOT / "content", settings="pelicanconf.py", extra=()):
    """Run Pelican as `make html` does; return the finished process."""
    command = [
        sys.executable, "-m", "pelican", str(content), "-o", str(output),
        "-s", str(ROOT / settings), "--fatal", "warnings",
    ]
    extra = [f"{name}={value}" for name, value in extra]
    if extra:
        command += ["-e", *extra]  # Pelican keeps only the last -e: pass them together
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


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
