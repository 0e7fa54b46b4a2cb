"""`make rsync_upload` uploads the published site, and never a failed build."""

import shutil

import pytest

from conftest import ROOT
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
    assert uploaded == published
    for name in ("index.html", "sitemap.xml", "robots.txt", ".htaccess", "_headers", "index.html.gz"):
        assert (destination / name).read_bytes() == (output / name).read_bytes(), name


def test_a_broken_content_file_stops_the_upload(tmp_path, destination):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    article = content / "articles" / "risks.md"
    article.write_text(article.read_text() + "\nSee [a page that is gone]({filename}gone.md).\n")
    result = make("rsync_upload", EXAMPLE_SITEURL, content=content, output=tmp_path / "output",
                  RSYNC_DEST=destination)
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
    result = make(target, EXAMPLE_SITEURL, flags=["-n"])
    commands = result.stdout.splitlines()
    publish = next(i for i, line in enumerate(commands) if "publishconf.py" in line)
    assert publish < next(i for i, line in enumerate(commands) if upload in line)
