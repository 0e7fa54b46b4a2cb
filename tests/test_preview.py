"""The preview (`make devserver`, `make regenerate`, `make serve`) is as safe as the build.

Each test runs the real make target in a scratch copy of the project, reads what it
prints and asks its server over HTTP on 127.0.0.1; the preview is stopped afterwards.
"""

import os
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, checksums, make_command, make_in
from publishing import free_port

BROKEN = ROOT / "tests" / "broken" / "pages"
PROBLEMS = "problem(s) in the content must be fixed"
WAITING = "Waiting for changes to"  # printed after every build
LEFTOVERS = ".output-build-*"


class Preview:
    """A make preview target running in its own process group; collects its stderr."""

    def __init__(self, project, target, **variables):
        self.process = subprocess.Popen(
            make_command(project, target, **variables),
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.append(line)

    @property
    def stderr(self):
        return "".join(self.lines)

    def wait_for(self, text, count=1, seconds=120):
        """Wait until ``text`` has been printed ``count`` times."""
        deadline = time.monotonic() + seconds
        while self.stderr.count(text) < count:
            assert self.process.poll() is None, self.stderr
            assert time.monotonic() < deadline, f"timed out waiting for {text!r}:\n{self.stderr}"
            time.sleep(0.1)

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)
        self.reader.join(timeout=10)


@pytest.fixture
def preview(project):
    started = []

    def start(target, **variables):
        started.append(Preview(project, target, **variables))
        return started[-1]

    yield start
    for running in started:
        running.stop()


def get(url):
    """(status, body) of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_for_server(port, process, seconds=120):
    deadline = time.monotonic() + seconds
    while True:
        assert process.poll() is None
        try:
            return get(f"http://127.0.0.1:{port}/index.html")
        except OSError:
            assert time.monotonic() < deadline
            time.sleep(0.2)


def test_a_failed_rebuild_leaves_the_last_good_site_in_output(project, preview):
    running = preview("regenerate")
    running.wait_for(WAITING)
    output = project / "output"
    good = checksums(output)
    shutil.copy(BROKEN / "invalid-date.md", project / "content" / "pages")
    running.wait_for("Build failed")
    running.wait_for(WAITING, count=2)
    assert PROBLEMS in running.stderr
    assert checksums(output) == good
    assert list(project.glob(LEFTOVERS)) == []
    assert running.process.poll() is None  # still running after the failed build
    (project / "content" / "pages" / "invalid-date.md").unlink()
    running.wait_for(WAITING, count=3)
    assert (output / ".site-build").is_file() and list(project.glob(LEFTOVERS)) == []


def test_a_problem_is_reported_once_per_change_not_again_and_again(project, preview):
    # What the README's "copy an existing article" step makes before the Slug is changed.
    articles = project / "content" / "articles"
    shutil.copy(articles / "risks.md", articles / "risks-copy.md")
    running = preview("regenerate")
    running.wait_for(PROBLEMS)
    time.sleep(5)  # Pelican's own -r rebuilt about 3 times a second here
    assert running.stderr.count(PROBLEMS) == 1
    (articles / "risks-copy.md").touch()
    running.wait_for(PROBLEMS, count=2)
    time.sleep(5)
    assert running.stderr.count(PROBLEMS) == 2


def test_the_dev_server_keeps_running_and_serving_when_content_has_problems(project, preview):
    assert make_in(project, "html").returncode == 0
    for name in ("invalid-date.md", "review-overdue.md"):
        shutil.copy(BROKEN / name, project / "content" / "pages")
    port = free_port()
    running = preview("devserver", PORT=port)
    running.wait_for("Build failed")
    assert wait_for_server(port, running.process)[0] == 200  # the last good site
    time.sleep(1)
    assert running.process.poll() is None  # still running after reporting the problems
    # The build's own report, printed as it prints it.
    assert 'content/pages/invalid-date.md, line 5: "Next-review" is 2024-02-30' in running.stderr
    assert "content/pages/review-overdue.md, line 5: this page was due for review" in running.stderr


@pytest.mark.parametrize("target", ["serve", "devserver"])
def test_a_missing_page_gets_the_site_s_404_page_with_status_404(project, preview, target):
    assert make_in(project, "html").returncode == 0
    port = free_port()
    running = preview(target, PORT=port)
    assert wait_for_server(port, running.process)[0] == 200
    status, body = get(f"http://127.0.0.1:{port}/no-such-page.html")
    assert status == 404
    assert body == (project / "output" / "404.html").read_bytes()


def test_the_server_listens_on_127_0_0_1_only(project, preview):
    assert make_in(project, "html").returncode == 0
    port = free_port()
    running = preview("serve", PORT=port)
    wait_for_server(port, running.process)
    with open("/proc/net/tcp") as table:
        listening = [line.split() for line in table.read().splitlines()[1:]]
    local = {fields[1] for fields in listening if fields[3] == "0A"}  # 0A: LISTEN
    assert f"0100007F:{port:04X}" in local
    assert f"00000000:{port:04X}" not in local


@pytest.mark.parametrize("target", ["regenerate", "devserver"])
def test_the_preview_refuses_an_unsafe_output_folder_and_stops(project, target):
    result = make_in(project, target, OUTPUTDIR=project, PORT=free_port())
    assert result.returncode != 0
    assert f"The output folder {project} is the project folder" in result.stderr
    assert "Waiting for changes" not in result.stderr
