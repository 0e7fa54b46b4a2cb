"""Each article and page is a complete, well-labelled page, in English and in each translation."""

import re

import pytest

from conftest import (
    DEFAULT_LANG,
    GUIDE_SLUGS,
    OTHER_SLUGS,
    PAGES,
    SETTINGS,
    TRANSLATIONS,
    visible_text,
)
from translations import text

ALL_SLUGS = GUIDE_SLUGS + OTHER_SLUGS
# (language, slug) of every page in every language; the guide's parts alone
CASES = [(DEFAULT_LANG, slug) for slug in ALL_SLUGS] + [
    (lang, slug) for lang, pages in TRANSLATIONS.items() for slug in pages if slug != "404"
]


def metadata_of(lang, slug):
    return PAGES[slug] if lang == DEFAULT_LANG else TRANSLATIONS[lang][slug]


GUIDE_CASES = [(lang, slug) for lang, slug in CASES if "order" in metadata_of(lang, slug)]


def name(lang, slug):
    """The page as the `page` fixture reads it: "risks", "es/risks"."""
    return slug if lang == DEFAULT_LANG else f"{lang}/{slug}"


def words(lang, english):
    """The theme's words in a language (theme/strings.toml)."""
    return text(SETTINGS, lang, english)


@pytest.mark.parametrize(("lang", "slug"), CASES)
def test_page_has_exactly_one_h1_that_is_its_title(page, lang, slug):
    headings = page(name(lang, slug)).find_all("h1")
    assert [h.get_text(strip=True) for h in headings] == [metadata_of(lang, slug)["title"]]


@pytest.mark.parametrize(("lang", "slug"), CASES)
def test_page_declares_its_language(page, lang, slug):
    assert page(name(lang, slug)).html["lang"] == lang


@pytest.mark.parametrize(("lang", "slug"), CASES)
def test_summary_is_the_meta_description(page, lang, slug):
    description = page(name(lang, slug)).find("meta", attrs={"name": "description"})
    assert description["content"] == metadata_of(lang, slug)["summary"]


@pytest.mark.parametrize(("lang", "slug"), CASES)
def test_review_dates_are_shown(page, lang, slug):
    soup = page(name(lang, slug))
    times = {t["datetime"]: t.get_text() for t in soup.select(".review-dates time")}
    meta = metadata_of(lang, slug)
    assert set(times) == {meta["reviewed"], meta["next-review"]}
    shown = visible_text(soup.select_one(".review-dates"))
    label = words(lang, "Page last reviewed" if meta.get("reviewer") else "Page last updated")
    assert label.lower() in shown and words(lang, "Next review due").lower() in shown


@pytest.mark.parametrize(("lang", "slug"), GUIDE_CASES)
def test_article_lists_its_sources_at_the_end(page, lang, slug):
    sources = page(name(lang, slug)).select_one("section.sources")
    assert sources is not None and sources.h2.get_text() == words(lang, "Sources")
    links = [a["href"] for a in sources.select("li a[href^='http']")]
    assert links, "the sources list has no links to the sources"
    # every citation in the text points at an entry of that list, and each entry back at
    # the place its source is first cited
    citations = page(name(lang, slug)).select("a.citation__link")
    for ref in citations:
        assert sources.find(id=ref["href"][1:]) is not None
    for entry in sources.select(".sources__item"):
        first = next(ref for ref in citations if ref["href"] == f"#{entry['id']}")
        assert entry.select_one(".sources__back")["href"] == f"#{first['id']}"


@pytest.mark.parametrize(
    ("lang", "slug"), CASES + [(lang, "404") for lang in (DEFAULT_LANG, *TRANSLATIONS)]
)
def test_nothing_the_site_fills_in_is_left_unfilled_on_any_page(page, lang, slug):
    """A {name} the build should have filled in never reaches a patient, in the text or in
    an address or id made from it."""
    soup = page(name(lang, slug))
    assert not re.search(r"\{[^{}\s]*\}", soup.get_text(" ")), slug
    assert not [
        tag
        for tag in soup.find_all(True)
        for value in tag.attrs.values()
        if "{" in str(value) and tag.name != "script"
    ], slug


@pytest.mark.parametrize(("lang", "slug"), GUIDE_CASES)
def test_emergency_advice_is_on_every_article(page, lang, slug):
    cards = page(name(lang, slug)).select(".care-card--emergency")
    assert cards, "no emergency care card"
    heading = cards[0].select_one(".care-card__heading")
    hidden = heading.select_one(".visually-hidden").get_text()  # read first, by screen readers only
    number = SETTINGS["EMERGENCY_NUMBER"]
    assert hidden == words(lang, "Emergency advice: ")
    assert heading.get_text() == hidden + words(lang, "Call {emergency_number} if:").format(
        emergency_number=number
    )
    assert number in visible_text(cards[0])


def test_no_blog_furniture_is_published(site):
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    unwanted = [
        p
        for p in published
        if p.split("/")[0] in ("category", "tag", "author", "feeds", "drafts")
        or p in ("archives.html", "tags.html", "categories.html", "authors.html")
    ]
    assert unwanted == []
    assert {f"{slug}.html" for slug in ALL_SLUGS} <= published
