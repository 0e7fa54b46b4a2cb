"""The uploads publish the site where they are told, and nowhere else: never a failed
build, never without a destination, never over a folder that is not the site's."""

import os
import shutil
import subprocess

import pytest

from conftest import ROOT, checksums, make_in
from publishing import EXAMPLE_SITEURL, make


@pytest.fixture
def destination(tmp_path):
    """A folder standing in for the web server's, already holding the last good upload."""
    folder = tmp_path / "www"
    folder.mkdir()
    (folder / "index.html").write_text("last good upload")
    return folder


def test_rsync_upload_publishes_then_copies_the_whole_site(tmp_path, destination):
    output = tmp_path / "output"
    result = make("rsync_upload", EXAMPLE_SITEURL, output=output, RSYNC_DEST=destination)
    assert result.returncode == 0, result.stdout + result.stderr
    published = sorted(path.relative_to(output) for path in output.rglob("*"))
    uploaded = sorted(path.relative_to(destination) for path in destination.rglob("*"))
    # The list of built files is for build.py on this machine, not for the web.
    assert uploaded == [path for path in published if path.name != ".site-build"]
    for name in (
        "index.html",
        "sitemap.xml",
        "robots.txt",
        ".htaccess",
        "_headers",
        "index.html.gz",
    ):
        assert (destination / name).read_bytes() == (output / name).read_bytes(), name


def test_a_broken_content_file_stops_the_upload(tmp_path, destination):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    article = content / "articles" / "risks.md"
    article.write_text(article.read_text() + "\nSee [a page that is gone]({filename}gone.md).\n")
    result = make(
        "rsync_upload",
        EXAMPLE_SITEURL,
        content=content,
        output=tmp_path / "output",
        RSYNC_DEST=destination,
    )
    assert result.returncode != 0
    assert "rsync" not in result.stdout
    assert [path.name for path in destination.iterdir()] == ["index.html"]
    assert (destination / "index.html").read_text() == "last good upload"


def test_a_missing_site_address_stops_the_upload(tmp_path, destination):
    result = make("rsync_upload", "", output=tmp_path / "output", RSYNC_DEST=destination)
    assert result.returncode != 0
    assert (destination / "index.html").read_text() == "last good upload"


@pytest.mark.parametrize("target, upload", [("s3_upload", "aws s3 sync"), ("github", "ghp-import")])
def test_other_uploads_run_only_after_publish(target, upload):
    # A dry run (-n) lists the commands in order without running them.
    result = make(
        target, EXAMPLE_SITEURL, flags=["-n"], S3_BUCKET="site", GITHUB_PAGES_BRANCH="gh-pages"
    )
    commands = result.stdout.splitlines()
    publish = next(i for i, line in enumerate(commands) if "publishconf.py" in line)
    assert publish < next(i for i, line in enumerate(commands) if upload in line)


def test_rsync_upload_has_no_default_destination_and_builds_nothing_without_one(project):
    result = make_in(project, "rsync_upload")
    assert result.returncode == 2
    for variable in ("SSH_HOST", "SSH_TARGET_DIR", "RSYNC_DEST"):
        assert variable in result.stderr
    assert "Nothing was uploaded" in result.stderr
    assert not (project / "output").exists()


@pytest.mark.parametrize("target_dir", ["", "/", "~", "."])
def test_rsync_upload_refuses_a_server_folder_that_is_not_the_site_s_own(project, target_dir):
    result = make_in(project, "rsync_upload", SSH_HOST="web1.invalid", SSH_TARGET_DIR=target_dir)
    assert result.returncode == 2
    assert "Set SSH_TARGET_DIR to the site's folder" in result.stderr
    assert not (project / "output").exists()


def test_rsync_upload_refuses_a_local_folder_that_holds_the_project_or_home(project, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), SITEURL=EXAMPLE_SITEURL)
    before = checksums(tmp_path)
    for destination in (project, project.parent, home, "/"):
        result = make_in(project, "rsync_upload", env=env, RSYNC_DEST=destination)
        assert result.returncode == 2, destination
        assert "nothing was done" in result.stderr, destination
    assert checksums(tmp_path) == before


def test_rsync_upload_with_an_empty_output_folder_uploads_nothing(project, destination):
    env = dict(os.environ, SITEURL=EXAMPLE_SITEURL)
    result = make_in(project, "rsync_upload", env=env, OUTPUTDIR="", RSYNC_DEST=destination)
    assert result.returncode == 2
    assert "The output folder is empty (OUTPUTDIR=)" in result.stderr
    assert [path.name for path in destination.iterdir()] == ["index.html"]


def test_s3_upload_needs_the_bucket(project):
    result = make_in(project, "s3_upload")
    assert result.returncode == 2
    assert "S3_BUCKET=" in result.stderr and "Nothing was uploaded" in result.stderr
    assert not (project / "output").exists()


def test_github_needs_a_branch_other_than_the_one_being_worked_on(project):
    subprocess.run(["git", "init", "-q", "-b", "work", str(project)], check=True)
    result = make_in(project, "github", GITHUB_PAGES_BRANCH="")
    assert result.returncode == 2 and "GITHUB_PAGES_BRANCH=gh-pages" in result.stderr
    result = make_in(project, "github", GITHUB_PAGES_BRANCH="work")
    assert result.returncode == 2
    assert "GITHUB_PAGES_BRANCH=work is the branch you are working on" in result.stderr
    assert not (project / "output").exists()
