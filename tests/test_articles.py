"""Each of the five articles is a complete, well-labelled page."""

import re

import pytest

from conftest import GUIDE_SLUGS, OTHER_SLUGS, PAGES, SETTINGS, visible_text

ALL_SLUGS = GUIDE_SLUGS + OTHER_SLUGS


def metadata(slug):
    return PAGES[slug]


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_page_has_exactly_one_h1_that_is_its_title(page, slug):
    headings = page(slug).find_all("h1")
    assert [h.get_text(strip=True) for h in headings] == [metadata(slug)["title"]]


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_page_declares_its_language(page, slug):
    assert page(slug).html["lang"] == "en"


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_summary_is_the_meta_description(page, slug):
    description = page(slug).find("meta", attrs={"name": "description"})
    assert description["content"] == metadata(slug)["summary"]


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_review_dates_are_shown(page, slug):
    times = {t["datetime"]: t.get_text() for t in page(slug).select(".review-dates time")}
    meta = metadata(slug)
    assert set(times) == {meta["reviewed"], meta["next-review"]}
    text = visible_text(page(slug).select_one(".review-dates"))
    label = "page last reviewed" if meta.get("reviewer") else "page last updated"
    assert label in text and "next review due" in text


@pytest.mark.parametrize("slug", GUIDE_SLUGS)
def test_article_lists_its_sources_at_the_end(page, slug):
    sources = page(slug).select_one("section.sources")
    assert sources is not None and sources.h2.get_text() == "Sources"
    links = [a["href"] for a in sources.select("li a[href^='http']")]
    assert links, "the sources list has no links to the sources"
    # every citation in the text points at an entry of that list
    for ref in page(slug).select("a.footnote-ref"):
        assert sources.find(id=ref["href"][1:]) is not None


@pytest.mark.parametrize("slug", ALL_SLUGS + ["404"])
def test_nothing_the_site_fills_in_is_left_unfilled_on_any_page(page, slug):
    """A {name} the build should have filled in never reaches a patient, in the text or in
    an address or id made from it."""
    soup = page(slug)
    assert not re.search(r"\{[^{}\s]*\}", soup.get_text(" ")), slug
    assert not [tag for tag in soup.find_all(True) for value in tag.attrs.values()
                if "{" in str(value) and tag.name != "script"], slug


@pytest.mark.parametrize("slug", GUIDE_SLUGS)
def test_emergency_advice_is_on_every_article(page, slug):
    cards = page(slug).select(".care-card--emergency")
    assert cards, "no emergency care card"
    heading = cards[0].select_one(".care-card__heading")
    assert visible_text(heading) == f"emergency advice: call {SETTINGS['EMERGENCY_NUMBER']} if:"
    assert "emergency advice:" in visible_text(cards[0].select_one(".visually-hidden"))


def test_no_blog_furniture_is_published(site):
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    unwanted = [p for p in published if p.split("/")[0] in
                ("category", "tag", "author", "feeds", "drafts")
                or p in ("archives.html", "tags.html", "categories.html", "authors.html")]
    assert unwanted == []
    assert {f"{slug}.html" for slug in ALL_SLUGS} <= published
