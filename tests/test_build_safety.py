"""Nothing is lost: the last good site survives failed and interrupted builds, and no
command ever touches content/.

These tests run build.py and make in scratch copies of the project, as staff would.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT, build, checksums
from publishing import EXAMPLE_SITEURL, sign_off

VENV = ROOT / ".venv"
LEFTOVERS = ".output-build-*"


@pytest.fixture
def project(tmp_path):
    """A copy of the project without anything generated, to run make in."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT, copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "output", LEFTOVERS, "__pycache__",
                                      ".pytest_cache", "cache"),
    )
    return copy


def make_command(project, target, **variables):
    # -o: the copied requirements files are older than the shared venv; never reinstall.
    command = ["make", "-C", str(project), target, f"VENV={VENV}", "-o", f"{VENV}/.installed"]
    return command + [f"{name}={value}" for name, value in variables.items()]


def make(project, target, **variables):
    command = make_command(project, target, **variables)
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_a_good_build_replaces_the_whole_site_and_leaves_no_temporary_directory(site, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(site, output)
    (output / "removed-page.html").write_text("from an older build", encoding="utf-8")
    result = build(output)
    assert result.returncode == 0, result.stderr
    assert not (output / "removed-page.html").exists()
    assert checksums(output) == checksums(site)
    assert list(tmp_path.glob(LEFTOVERS)) == []
    umask = os.umask(0)
    os.umask(umask)
    assert output.stat().st_mode & 0o777 == 0o777 & ~umask  # a web server can read it


def test_the_new_site_is_swapped_in_by_one_atomic_rename(tmp_path):
    sys.path.insert(0, str(ROOT))
    import build as build_script

    old, new = tmp_path / "output", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / "index.html").write_text("old", encoding="utf-8")
    (new / "index.html").write_text("new", encoding="utf-8")
    assert build_script.exchange(str(new), str(old))  # renameat2(RENAME_EXCHANGE) on Linux
    assert (old / "index.html").read_text(encoding="utf-8") == "new"
    assert (new / "index.html").read_text(encoding="utf-8") == "old"


def pids_mentioning(text):
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as file:
                if text.encode() in file.read():
                    found.append(int(entry))
        except (OSError, ValueError):
            continue
    return found


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupting_a_build_leaves_the_old_site_and_no_temporary_directory(
    site, tmp_path, content_copy, signum
):
    for number in range(300):  # enough pages that the build is caught while writing
        (content_copy / "pages" / f"extra-{number}.md").write_text(
            f"Title: Extra page {number}\nSlug: extra-{number}\nSummary: Extra page.\n"
            "Reviewed: 2026-11-25\nNext-review: 2027-11-25\n\n## A section\n\nSome text.\n",
            encoding="utf-8",
        )
    output = tmp_path / "output"
    shutil.copytree(site, output)
    before = checksums(output)
    command = [sys.executable, str(ROOT / "build.py"), str(content_copy), "-o", str(output),
               "-s", str(ROOT / "pelicanconf.py")]
    # Its own process group, like a command run from a terminal.
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not any(p.is_dir() and any(p.glob("*.html")) for p in tmp_path.glob(LEFTOVERS)):
        assert process.poll() is None, "the build finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.killpg(process.pid, signum)  # Ctrl-C sends SIGINT to the whole foreground group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Build interrupted" in stderr
    assert checksums(output) == before
    assert list(tmp_path.glob(LEFTOVERS)) == []
    assert pids_mentioning(str(content_copy)) == []  # Pelican was stopped too


def test_directories_left_by_a_killed_build_are_removed_by_the_next_build(site, tmp_path):
    ended = subprocess.Popen(["true"])
    ended.wait()
    leftover = tmp_path / f".output-build-{ended.pid}-abcd"
    leftover.mkdir()
    (leftover / "index.html").write_text("half written", encoding="utf-8")
    result = build(tmp_path / "output")
    assert result.returncode == 0, result.stderr
    assert not leftover.exists()


def test_make_html_publish_and_clean_never_touch_content(project, monkeypatch):
    monkeypatch.setenv("SITEURL", EXAMPLE_SITEURL)  # make publish needs the address
    sign_off(project / "content")  # make publish needs a clinician's sign-off
    before = checksums(project)
    for target in ("html", "publish"):
        result = make(project, target)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (project / "output" / "index.html").is_file()
        generated = ("output/", "cache/")  # the site, and the PDF leaflet kept for the next build
        assert {k: v for k, v in checksums(project).items() if not k.startswith(generated)} == before
    result = make(project, "clean")
    assert result.returncode == 0, result.stderr
    assert checksums(project) == before  # only generated files were removed


def test_make_html_fails_on_a_broken_file_and_keeps_the_site(project):
    assert make(project, "html").returncode == 0
    site = checksums(project / "output")
    shutil.copy(ROOT / "tests" / "broken" / "pages" / "invalid-date.md", project / "content" / "pages")
    result = make(project, "html")
    assert result.returncode != 0
    assert 'content/pages/invalid-date.md, line 5: "Next-review" is 2024-02-30' in result.stderr
    assert checksums(project / "output") == site
    assert list(project.glob(LEFTOVERS)) == []


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_dev_server_keeps_running_and_serving_when_content_has_problems(project):
    assert make(project, "html").returncode == 0  # the last good site, which it keeps serving
    for name in ("invalid-date.md", "review-overdue.md"):
        shutil.copy(ROOT / "tests" / "broken" / "pages" / name, project / "content" / "pages")
    port = free_port()
    server = subprocess.Popen(make_command(project, "devserver", PORT=port), start_new_session=True, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stderr.read()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5) as r:
                    assert r.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        time.sleep(1)
        assert server.poll() is None  # still running after reporting the problems
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        _, stderr = server.communicate(timeout=30)
    assert 'content/pages/invalid-date.md, line 5: "Next-review" is 2024-02-30' in stderr
    assert "content/pages/review-overdue.md, line 5: this page was due for review" in stderr
