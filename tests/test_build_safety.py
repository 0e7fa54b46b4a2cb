"""Nothing is lost: the last good site survives failed and interrupted builds, a build
replaces nothing but an earlier build of the site, and no command ever touches content/.

These tests run build.py and make in scratch copies of the project, as staff would.
"""

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, add_pages, build, checksums, make_command, make_in
from publishing import EXAMPLE_SITEURL, sign_off
from support import tiny_site

LEFTOVERS = ".output-build-*"
MARKER = ".site-build"


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


def test_a_build_lists_every_file_it_wrote(site):
    listed = (site / MARKER).read_text(encoding="utf-8").splitlines()
    written = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    assert {"index.html", "404.html", "theme/css/main.css", "favicon.svg"} <= set(listed)
    assert set(listed) <= written


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


def wait_until(condition, what, process=None, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert process is None or process.poll() is None, f"finished before {what}"
        assert time.monotonic() < deadline, f"timed out waiting: {what}"
        time.sleep(0.01)


def writing(folder):
    """True once a build beside ``folder`` has written pages into its unfinished folder."""
    return lambda: any(p.is_dir() and any(p.glob("*.html")) for p in folder.parent.glob(LEFTOVERS))


def build_arguments(content, output):
    return [str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py")]


def as_from_a_terminal():
    """Ctrl-C works as in a terminal: a suite started in the background (``make test &``
    in a script) would pass its children SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def slow_build(content, output):
    """build.py over 300 extra pages, in its own process group as from a terminal."""
    add_pages(content, 300)
    return subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), *build_arguments(content, output)],
        cwd=ROOT,
        start_new_session=True,
        preexec_fn=as_from_a_terminal,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def slow_make_html(project):
    """`make html` over 300 extra pages, from a terminal, caught while Pelican writes."""
    add_pages(project / "content", 300)
    process = subprocess.Popen(
        make_command(project, "html"),
        start_new_session=True,
        preexec_fn=as_from_a_terminal,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_until(writing(project / "output"), "the build wrote pages", process)
    return process


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_interrupting_a_build_leaves_the_old_site_and_no_temporary_directory(
    site, tmp_path, content_copy, signum
):
    output = tmp_path / "output"
    shutil.copytree(site, output)
    before = checksums(output)
    process = slow_build(content_copy, output)
    wait_until(writing(output), "the build wrote pages", process)
    # Ctrl-C sends SIGINT to the whole foreground group, a closed terminal SIGHUP.
    os.killpg(process.pid, signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert f"Build interrupted: {output} was left as it was." in stderr
    assert checksums(output) == before
    assert list(tmp_path.glob(LEFTOVERS)) == []
    assert pids_mentioning(str(content_copy)) == []  # Pelican was stopped too


def test_ctrl_c_during_the_swap_says_the_new_site_is_in_place(site, tmp_path, content_copy):
    output = tmp_path / "output"
    shutil.copytree(site, output)
    (content_copy / "pages" / "new-page.md").write_text(
        "Title: New page\nSlug: new-page\nSummary: New.\nReviewed: 2026-11-25\n"
        "Next-review: 2027-11-25\n\n## A section\n\nText.\n",
        encoding="utf-8",
    )
    # Ctrl-C arrives exactly while the swap holds signals back.
    script = (
        "import os, signal, sys; import build; real = build.exchange\n"
        "def exchange(a, b):\n    os.kill(os.getpid(), signal.SIGINT); return real(a, b)\n"
        "build.exchange = exchange; sys.exit(build.main(sys.argv[1:]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *build_arguments(content_copy, output)],
        cwd=ROOT,
        preexec_fn=as_from_a_terminal,
        capture_output=True,
        check=False,
        text=True,
        timeout=300,
    )
    assert result.returncode == 130
    assert "left as it was" not in result.stderr
    assert f"after the new site had replaced {output}: it holds the new build" in result.stderr
    assert (output / "new-page.html").is_file()
    assert list(tmp_path.glob(LEFTOVERS)) == []


@pytest.mark.parametrize("victim", ["make", "build.py"])
def test_killing_make_or_the_build_outright_stops_pelican_and_keeps_the_site(project, victim):
    assert make_in(project, "html").returncode == 0
    before = checksums(project / "output")
    process = slow_make_html(project)
    script = str(project / "build.py")
    pid = process.pid if victim == "make" else pids_mentioning(script)[0]
    os.kill(pid, signal.SIGKILL)
    process.wait(timeout=10)
    wait_until(
        lambda: pids_mentioning(str(project / "content")) == [],
        "Pelican stopped",
        seconds=30,
    )
    wait_until(lambda: pids_mentioning(script) == [], "build.py stopped", seconds=30)
    assert checksums(project / "output") == before
    # Killed outright, build.py cannot clean up; the next build does.
    assert make_in(project, "html").returncode == 0
    assert list(project.glob(LEFTOVERS)) == []


def test_directories_left_by_a_killed_build_are_removed_by_the_next_build(site, tmp_path):
    leftover = tmp_path / ".output-build-abcd"
    leftover.mkdir()
    (leftover / "index.html").write_text("half written", encoding="utf-8")
    result = build(tmp_path / "output")
    assert result.returncode == 0, result.stderr
    assert not leftover.exists()


def test_a_build_s_folder_is_kept_while_its_build_holds_the_lock(tmp_path):
    # A build in another PID namespace: its process number means nothing here, only its lock.
    running = tmp_path / ".output-build-inuse"
    running.mkdir()
    (running / "index.html").write_text("being written", encoding="utf-8")
    with open(tmp_path / ".output.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        second = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "build.py"),
                *build_arguments(ROOT / "content", tmp_path / "output"),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert second.stderr.readline().startswith("Waiting for the build that is writing")
        time.sleep(1)
        assert (running / "index.html").is_file() and second.poll() is None
    _, stderr = second.communicate(timeout=300)
    assert second.returncode == 0, stderr
    assert not running.exists()
    assert (tmp_path / "output" / "index.html").is_file()


def test_a_build_holds_the_lock_for_as_long_as_it_writes(tmp_path, content_copy):
    output = tmp_path / "output"
    process = slow_build(content_copy, output)
    wait_until(writing(output), "the build wrote pages", process)
    with open(tmp_path / ".output.lock", "a") as lock, pytest.raises(BlockingIOError):
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert len(list(output.glob("extra-*.html"))) == 300


def test_make_clean_waits_while_a_build_holds_the_lock(project):
    assert make_in(project, "html").returncode == 0
    with open(project / ".output.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a build in another terminal does
        cleaning = subprocess.Popen(
            make_command(project, "clean"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = cleaning.stderr.readline()
        assert line.startswith("Waiting for the build that is writing")
        time.sleep(1)
        assert cleaning.poll() is None and (project / "output" / "index.html").is_file()
    _, stderr = cleaning.communicate(timeout=60)
    assert cleaning.returncode == 0, stderr
    assert not (project / "output").exists() and list(project.glob(LEFTOVERS)) == []


def test_a_build_that_lost_files_while_it_wrote_is_not_swapped_in(site, tmp_path, content_copy):
    output = tmp_path / "output"
    shutil.copytree(site, output)
    before = checksums(output)
    process = slow_build(content_copy, output)
    wait_until(writing(output), "the build wrote pages", process)
    # Another program deletes a page Pelican has written (and will not write again).
    written = next(tmp_path.glob(LEFTOVERS)).glob("*.html")
    lost = next(written)
    lost.unlink()
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 1
    assert (
        f"Build incomplete: something removed files while Pelican wrote them ({lost.name})"
        in stderr
    )
    assert checksums(output) == before
    assert list(tmp_path.glob(LEFTOVERS)) == []


def test_a_symlinked_output_folder_keeps_its_link_and_its_target_gets_the_new_site(site, tmp_path):
    www = tmp_path / "www"
    www.mkdir()
    shutil.copytree(site, www / "site")
    (www / "site" / "old-page.html").write_text("from an older build", encoding="utf-8")
    link = tmp_path / "output"
    link.symlink_to(www / "site")
    result = build(link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(www / "site")
    assert checksums(www / "site") == checksums(site)
    assert (www / ".site.lock").is_file() and list(www.glob(".site-build-*")) == []


def unsafe_outputs(project, home):
    return {
        "empty": "",
        "the project": str(project),
        "a parent of the project": f"{project}/..",
        "the home folder": str(home),
        "the content folder": str(project / "content"),
        "inside the content folder": str(project / "content" / "pages"),
        "a link to the project": str(project.parent / "link-to-project"),
    }


@pytest.mark.parametrize("target", ["html", "publish", "clean"])
def test_an_unsafe_output_folder_is_refused_and_nothing_is_touched(project, tmp_path, target):
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.txt").write_text("keep me", encoding="utf-8")
    (project.parent / "link-to-project").symlink_to(project)
    before, home_before = checksums(project), checksums(home)
    env = dict(os.environ, HOME=str(home), SITEURL=EXAMPLE_SITEURL)
    for what, output in unsafe_outputs(project, home).items():
        result = make_in(project, target, env=env, OUTPUTDIR=output)
        assert result.returncode == 2, (what, result.stdout + result.stderr)
        assert "nothing was done" in result.stderr, what
        assert "OUTPUTDIR=" in result.stderr, what  # and says how to fix it
    assert checksums(project) == before
    assert checksums(home) == home_before


@pytest.mark.parametrize("target", ["html", "clean"])
def test_an_empty_basedir_leaves_the_root_of_the_file_system_untouched(project, target):
    before = sorted(os.listdir("/"))
    result = make_in(project, target, BASEDIR="")
    assert result.returncode == (2 if target == "html" else 0), result.stderr
    if target == "html":
        assert "The content folder /content does not exist: nothing was done" in result.stderr
    assert sorted(os.listdir("/")) == before


def test_the_root_of_the_file_system_is_refused_as_output(project):
    result = make_in(project, "html", OUTPUTDIR="/")
    assert result.returncode == 2
    assert "The output folder / is the root of the file system" in result.stderr


@pytest.mark.parametrize("target", ["html", "clean"])
def test_a_folder_holding_other_files_is_neither_replaced_nor_removed(project, tmp_path, target):
    docroot = tmp_path / "docroot"
    (docroot / ".well-known").mkdir(parents=True)
    (docroot / ".well-known" / "security.txt").write_text("Contact: x", encoding="utf-8")
    (docroot / "index.html").write_text("another site", encoding="utf-8")
    before = checksums(docroot)
    result = make_in(project, target, OUTPUTDIR=docroot)
    assert result.returncode == 2
    assert f"{docroot} holds files that this site's build did not make" in result.stderr
    assert "Empty that folder" in result.stderr and "OUTPUTDIR=" in result.stderr
    assert checksums(docroot) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docroot", "project"]


def test_make_html_publish_and_clean_never_touch_content(project, monkeypatch):
    """Builds write only the site (output/), the lock beside it and Pelican's own cache
    folder (cache/, git-ignored: the reading dictionary, the PDF leaflet)."""
    monkeypatch.setenv("SITEURL", EXAMPLE_SITEURL)  # make publish needs the address
    sign_off(project / "content")  # make publish needs a clinician's sign-off
    before = checksums(project)
    for target in ("html", "publish"):
        result = make_in(project, target)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (project / "output" / "index.html").is_file()
        # generated: the site, and the PDF leaflet kept for the next build (cache/)
        assert {
            k: v
            for k, v in checksums(project).items()
            if not k.startswith(("output/", ".output", "cache/"))
        } == before
    result = make_in(project, "clean")
    assert result.returncode == 0, result.stderr
    assert {
        k: v
        for k, v in checksums(project).items()
        if k != ".output.lock" and not k.startswith("cache/")
    } == before


def test_make_html_fails_on_a_broken_file_and_keeps_the_site(project):
    assert make_in(project, "html").returncode == 0
    site = checksums(project / "output")
    shutil.copy(
        ROOT / "tests" / "broken" / "pages" / "invalid-date.md",
        project / "content" / "pages",
    )
    result = make_in(project, "html")
    assert result.returncode != 0
    assert 'content/pages/invalid-date.md, line 5: "Next-review" is 2024-02-30' in result.stderr
    assert checksums(project / "output") == site
    assert list(project.glob(LEFTOVERS)) == []


def test_the_list_of_built_files_names_only_this_build_s_files_also_after_a_failed_build(
    tmp_path,
):
    """Builds in one process (the tests' own) share the plugin's module: a failed build's
    files never reach the next build's list."""
    failed = tiny_site(tmp_path / "failed", {"pages/broken.md": "Title: no other field\n"})
    assert not failed.ok
    good = tiny_site(tmp_path / "good")
    assert good.ok, good.stderr
    listed = set((good.output / MARKER).read_text(encoding="utf-8").split())
    written = {path.relative_to(good.output).as_posix() for path in good.output.rglob("*")}
    assert listed <= written  # only files of this build (no report, such as readability.txt)
    assert {name for name in written if name.endswith((".html", ".css", ".png"))} <= listed
