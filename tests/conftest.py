"""Shared fixtures: the real site, built once by Pelican, read with BeautifulSoup."""

import hashlib
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
        ROOT, copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "output", ".output*", "__pycache__",
                                      ".pytest_cache", ".ruff_cache", "cache", "screenshots"),
    )
    return copy


def make_command(project, target, **variables):
    # -o: the copied requirements files are older than the shared venv; never reinstall.
    command = ["make", "-C", str(project), target, f"VENV={VENV}", "-o", f"{VENV}/.installed"]
    return command + [f"{name}={value}" for name, value in variables.items()]


def make_in(project, target, env=None, **variables):
    """Run `make <target>` in a scratch project; return the finished process."""
    command = make_command(project, target, **variables)
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, check=False)


def add_pages(content, count):
    """Enough extra pages that a build can be caught while it writes."""
    for number in range(count):
        (content / "pages" / f"extra-{number}.md").write_text(
            f"Title: Extra page {number}\nSlug: extra-{number}\nSummary: Extra page.\n"
            "Reviewed: 2026-11-25\nNext-review: 2027-11-25\n\n## A section\n\nSome text.\n",
            encoding="utf-8",
        )
