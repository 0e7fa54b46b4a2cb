"""The site never claims a review that has not happened, and nothing unsigned goes live.

A page is signed off when its information block names the clinician who checked it
(`Reviewer:`). An unsigned page builds with `make html` and says, once, that no clinician
has checked it yet; `make publish` refuses every unsigned file and names each one.
"""

import pytest

from conftest import PAGES, signed, signed_off
from support import TINY, content_file, tiny_site

UNSIGNED = [slug for slug, meta in PAGES.items() if not meta.get("reviewer")]


@pytest.mark.parametrize("slug", list(PAGES))
def test_a_page_says_it_is_unchecked_exactly_when_no_clinician_signed_it(page, slug):
    notices = page(slug).select(".review-notice")
    dates = page(slug).select_one(".review-dates").get_text(" ", strip=True)
    if slug in UNSIGNED:
        assert len(notices) == 1
        assert "not yet checked by a clinician" in notices[0].get_text().lower()
        assert not notices[0].find_parents(attrs={"aria-live": True}) and not notices[0].get("role")
        assert "Reviewed by" not in dates and "Page last updated" in dates
    else:
        assert notices == []
        assert f"Reviewed by {PAGES[slug]['reviewer']}" in dates


def test_a_signed_page_names_its_reviewer_and_has_no_notice(tmp_path):
    build = tiny_site(
        tmp_path,
        {
            "pages/checked.md": signed(
                content_file(Slug="checked"), "Dr Ada Example, vascular surgeon"
            )
        },
    )
    assert build.ok, build.stderr
    soup = build.read("checked.html")
    assert soup.select(".review-notice") == []
    assert (
        "Reviewed by Dr Ada Example, vascular surgeon"
        in soup.select_one(".review-dates").get_text()
    )
    assert "Page last reviewed" in soup.select_one(".review-dates").get_text()


def test_publish_refuses_every_unsigned_file_and_says_what_to_add(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://example.org")
    build = tiny_site(tmp_path, settings="publishconf.py")
    assert not build.ok
    unsigned = sorted(p.relative_to(TINY).as_posix() for p in TINY.rglob("*.md"))
    refused = sorted(
        m.split(":")[0].removeprefix("content/")
        for m in build.problems()
        if "no clinician has signed this file off yet" in m
    )
    assert refused == unsigned
    clinician = [m for m in build.problems() if "no clinician has signed this file off yet" in m]
    assert all('add the line "Reviewer: <their name and role>"' in m for m in clinician)
    # the only other refusals: the translations, which no qualified translator has checked
    translated = sorted(p.relative_to(TINY).as_posix() for p in TINY.glob("es/**/*.md"))
    others = [m for m in build.problems() if m not in clinician]
    assert sorted(m.split(":")[0].removeprefix("content/") for m in others) == translated
    assert all("no qualified translator has checked this translation yet" in m for m in others)
    assert not build.output.exists() or not any(build.output.glob("*.html"))


def test_publish_goes_ahead_once_every_file_is_signed(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://example.org")
    files = {p.relative_to(TINY).as_posix(): signed_off(p.read_text()) for p in TINY.rglob("*.md")}
    build = tiny_site(tmp_path, files, settings="publishconf.py")
    assert build.ok, build.stderr
    assert build.read("procedure.html").select(".review-notice") == []
