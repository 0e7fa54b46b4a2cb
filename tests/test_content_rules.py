"""A mistake in content/ is refused with a message staff can act on; the site stays as it was.

Each file in tests/broken/ has one mistake. It is added to a copy of content/ and built
with build.py, as `make html` does, over a copy of a good site: the build must fail,
name the file, the line and the problem, and leave every file of the site unchanged.
The broken builds run in parallel (about 40 s for the whole corpus on a busy 2-core machine).
"""

import concurrent.futures
import os
import shutil

import pytest

from conftest import ROOT, build, checksums, read_page
from publishing import EXAMPLE_SITEURL

BROKEN = ROOT / "tests" / "broken"
VALID = ROOT / "tests" / "valid"

# file -> (words the message must contain, line it must name or None)
EXPECTED = {
    "pages/misspelt-key.md": ('"Reviwed" is not a field this site knows. Did you mean "Reviewed"?', 4),
    "pages/invalid-date.md": ('"Next-review" is 2024-02-30, which is not a date. Write it as YYYY-MM-DD', 5),
    "pages/date-in-wrong-format.md": ('"Reviewed" is 25/11/2026, which is not a date', 4),
    "pages/next-review-before-reviewed.md": ('"Next-review" (2025-01-01) must be after "Reviewed"', 5),
    "pages/missing-summary.md": ('"Summary" is missing', None),
    "pages/missing-title.md": ('"Title" is missing', None),
    "pages/empty-title.md": ('"Title" is empty', 1),
    "pages/summary-too-long.md": ('"Summary" is 241 characters long', 3),
    "pages/no-metadata.md": ("does not start with the information block", 1),
    "pages/empty.md": ("the file is empty", None),
    "pages/not-utf8.md": ("not saved as UTF-8", 9),
    "pages/missing-colon.md": ('is not written as "Name: value"', 4),
    "pages/key-written-twice.md": ('"Title" is written twice (first on line 1)', 6),
    "pages/slug-with-spaces.md": ('"Slug" is "Slug With Spaces"', 2),
    "pages/duplicate-slug.md": ('the slug "procedure" is also used by content/articles/procedure.md', 2),
    "pages/duplicate-title.md": (
        'the title "What happens during sclerotherapy" is also used by '
        "content/articles/procedure.md", 1,
    ),
    "pages/unknown-template.md": ('"Template" is "fancy", which the site does not have', 6),
    "pages/unknown-status.md": ('"Status" is "publishd"', 6),
    "pages/lang-not-a-language-code.md": ('"Lang" is "English", which is not a language code', 6),
    "pages/link-to-missing-file.md": ('the link "{filename}after-care.md" points to "after-care.md"', 9),
    "pages/link-to-missing-anchor.md": ('points to "#the-next-part", which is not a heading', 9),
    "pages/link-to-missing-anchor-on-other-page.md": (
        'the link "{filename}../articles/procedure.md#no-such-part" points to "#no-such-part"', 9,
    ),
    "pages/link-to-missing-image.md": ('the link "{static}../images/leg.png"', 9),
    "pages/broken-relative-url.md": ('the link "risk.html" points to "risk.html", which is not a page', 9),
    "pages/image-without-alt.md": ("has no text alternative", 9),
    "pages/heading-skips-a-level.md": ('the heading "A sub-sub-section" (####) skips a level', 9),
    "pages/second-h1.md": ('"Another main title" is a main heading (#)', 7),
    "pages/script-tag.md": ("<script> is not allowed", 9),
    "pages/iframe.md": ("<iframe> is not allowed", 9),
    "pages/object-tag.md": ("<object> is not allowed", 9),
    "pages/event-handler.md": ('"onclick=" is not allowed', 9),
    "pages/javascript-url.md": ('the address "javascript:alert(1)" runs code', 9),
    "pages/unknown-box.md": ('"!!! emergancy" is not a kind of box', 9),
    "pages/table-without-header-line.md": ("looks like a table, but the line under its header is missing", 9),
    "pages/table-row-with-extra-cell.md": ("this table row has 3 cells, but the table has 2 columns", 11),
    "pages/citation-without-source.md": ("the citation [^K99] has no source", 9),
    "articles/guide-article-without-sources.md": ("this guide article cites no sources", None),
    "articles/guide-article-without-order.md": ('"Order" must be a whole number', None),
}


@pytest.fixture(scope="module")
def broken_builds(site, tmp_path_factory):
    """name -> (finished build, site checksums before, after), all built in parallel."""
    before = checksums(site)

    def run(name, write):
        scratch = tmp_path_factory.mktemp("broken")
        content = scratch / "content"
        shutil.copytree(ROOT / "content", content)
        write(content)
        output = scratch / "output"
        shutil.copytree(site, output)
        result = build(output, content=content)
        leftovers = sorted(p.name for p in scratch.iterdir() if p.name.startswith(".output-build-"))
        return result, checksums(output), leftovers

    def copy(name):
        return lambda content: shutil.copy(BROKEN / name, content / name)

    def huge(content):  # 2 MB of ordinary prose: refused for its size, in bounded time
        text = (BROKEN / "pages" / "summary-too-long.md").read_text(encoding="utf-8")
        head = text.split("\n\n", 1)[0].replace("summary-too-long", "huge-article")
        head = head.replace(head.splitlines()[2], "Summary: Far too long a page.")
        paragraph = "Walk for 20 minutes every day, and wear the stocking as you were told. " * 20
        (content / "pages" / "huge-article.md").write_text(
            head + "\n\n## A section\n\n" + (paragraph + "\n\n") * 1400, encoding="utf-8"
        )

    jobs = {name: copy(name) for name in EXPECTED} | {"pages/huge-article.md": huge}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {name: pool.submit(run, name, write) for name, write in jobs.items()}
        return {name: (*future.result(), before) for name, future in futures.items()}


def test_the_corpus_has_one_file_per_mistake_and_every_file_is_checked():
    files = {p.relative_to(BROKEN).as_posix() for p in BROKEN.rglob("*.md")}
    assert files == set(EXPECTED) | {"pages/review-overdue.md"}
    assert len(files) + 1 >= 25  # plus the 2 MB article, made by the test


def message_lines(result):
    return [line.strip() for line in result.stderr.splitlines()]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_fails_the_build_with_a_message_naming_file_line_and_problem(
    broken_builds, name
):
    result, _, _, _ = broken_builds[name]
    words, line = EXPECTED[name]
    where = f"content/{name}, line {line}: " if line else f"content/{name}: "
    assert result.returncode != 0
    assert any(m.startswith(where) and words in m for m in message_lines(result)), result.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED) + ["pages/huge-article.md"])
def test_broken_file_leaves_the_previous_site_byte_for_byte_unchanged(broken_builds, name):
    result, after, leftovers, before = broken_builds[name]
    assert result.returncode != 0
    assert after == before
    assert leftovers == []


def test_a_2_mb_article_is_refused_for_its_size(broken_builds):
    result, _, _, _ = broken_builds["pages/huge-article.md"]
    assert "content/pages/huge-article.md: the file is 2.0 MB; the site accepts pages up to 1 MB" in (
        result.stderr
    )


def test_every_problem_is_reported_together_not_just_the_first(tmp_path, content_copy):
    names = ["pages/invalid-date.md", "pages/script-tag.md", "pages/link-to-missing-file.md",
             "pages/not-utf8.md", "pages/missing-title.md"]
    for name in names:
        shutil.copy(BROKEN / name, content_copy / name)
    result = build(tmp_path / "output", content=content_copy)
    assert result.returncode != 0
    assert "5 problem(s) in the content must be fixed" in result.stderr
    for name in names:
        assert f"content/{name}" in result.stderr
    assert not (tmp_path / "output").exists()


def test_valid_edge_cases_build_and_keep_their_titles(tmp_path, content_copy):
    for path in (VALID / "pages").glob("*.md"):
        shutil.copy(path, content_copy / "pages" / path.name)
    result = build(tmp_path / "output", content=content_copy)
    assert result.returncode == 0, result.stderr
    for path in (VALID / "pages").glob("*.md"):
        title = path.read_text(encoding="utf-8-sig").splitlines()[0].removeprefix("Title: ")
        assert read_page(tmp_path / "output", path.stem).h1.get_text() == title
    table = read_page(tmp_path / "output", "table").table
    assert len(table.find_all("tr")) == 3


def test_overdue_review_is_a_warning_in_html_and_an_error_in_publish(tmp_path, content_copy, monkeypatch):
    monkeypatch.setenv("SITEURL", EXAMPLE_SITEURL)  # make publish needs the address
    shutil.copy(BROKEN / "pages" / "review-overdue.md", content_copy / "pages")
    message = (
        "content/pages/review-overdue.md, line 5: this page was due for review on 2020-01-01, "
        "which has passed."
    )
    html = build(tmp_path / "html", content=content_copy)
    assert html.returncode == 0, html.stderr
    assert message in html.stderr and "1 warning(s)" in html.stderr
    publish = build(tmp_path / "publish", content=content_copy, settings="publishconf.py")
    assert publish.returncode != 0
    assert message in publish.stderr and "1 problem(s) in the content must be fixed" in publish.stderr
    assert not (tmp_path / "publish").exists()


def test_the_real_content_has_no_problems_or_warnings(site):
    result = build(site.parent / "again", content=ROOT / "content")
    assert result.returncode == 0, result.stderr
    assert "problem(s)" not in result.stderr and "warning(s)" not in result.stderr


def test_a_warning_from_pelican_itself_still_fails_the_build(tmp_path, content_copy):
    """What no rule covers, Pelican may still warn about: that stops the build too."""
    (content_copy / "images").mkdir(exist_ok=True)
    (content_copy / "images" / "leg.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (content_copy / "pages" / "static-via-filename.md").write_text(
        "Title: Static via filename\nSlug: static-via-filename\nSummary: A test page.\n"
        "Reviewed: 2026-11-25\nNext-review: 2027-11-25\n\n## A section\n\n"
        "![A leg]({filename}../images/leg.png)\n",
        encoding="utf-8",
    )
    result = build(tmp_path / "output", content=content_copy)
    assert result.returncode != 0
    assert "Pelican reported: {filename} used for linking to static content" in result.stderr
    assert not (tmp_path / "output").exists()
