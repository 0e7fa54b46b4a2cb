"""A page marked `Status: draft` is in the `make html` preview, never in the published site."""

import datetime

import pytest

from conftest import TODAY, build
from publishing import EXAMPLE_SITEURL, make, sign_off

DRAFT = """Title: Unfinished page
Slug: unfinished
Summary: Not ready for patients.
Reviewed: {today}
Next-review: {next_year}
Status: draft
{extra}
## A section

Not checked by a clinician yet.
"""


@pytest.mark.parametrize("extra", ["", "Save_as: unfinished.html\nURL: unfinished.html\n"])
def test_a_draft_page_is_never_published(tmp_path, content_copy, extra):
    (content_copy / "pages" / "unfinished.md").write_text(
        DRAFT.format(today=TODAY, next_year=TODAY + datetime.timedelta(days=365), extra=extra),
        encoding="utf-8",
    )
    output = tmp_path / "published"
    sign_off(content_copy)  # make publish needs a clinician's sign-off on every page
    result = make("publish", EXAMPLE_SITEURL, content=content_copy, output=output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "index.html").is_file()
    assert not (output / "drafts").exists()
    files = [path for path in output.rglob("*") if path.is_file()]
    assert [path for path in files if "unfinished" in path.name] == []
    assert [path for path in files if b"unfinished" in path.read_bytes()] == []  # nor linked


def test_a_draft_page_is_in_the_preview(tmp_path, content_copy):
    (content_copy / "pages" / "unfinished.md").write_text(
        DRAFT.format(today=TODAY, next_year=TODAY + datetime.timedelta(days=365), extra=""),
        encoding="utf-8",
    )
    result = build(tmp_path / "output", content=content_copy)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "drafts" / "pages" / "unfinished.html").is_file()
