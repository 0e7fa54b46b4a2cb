"""A patient can move through the guide from any page."""

import pytest

from conftest import GUIDE_SLUGS, OTHER_SLUGS


@pytest.mark.parametrize("slug", GUIDE_SLUGS + OTHER_SLUGS)
def test_navigation_reaches_all_five_articles_from_every_page(page, slug):
    nav = page(slug).select_one("nav.site-nav")
    targets = [a["href"].split("/")[-1] for a in nav.find_all("a")]
    assert [t for t in targets if t[:-5] in GUIDE_SLUGS] == [f"{s}.html" for s in GUIDE_SLUGS]


@pytest.mark.parametrize("slug", GUIDE_SLUGS)
def test_current_article_is_marked_in_navigation_and_contents(page, slug):
    soup = page(slug)
    current = soup.select_one("nav.site-nav [aria-current=page]")
    assert current["href"].endswith(f"{slug}.html")
    assert soup.select_one(".contents-list [aria-current=page]").get_text(strip=True) == soup.h1.get_text(strip=True)


@pytest.mark.parametrize("position", range(len(GUIDE_SLUGS)))
def test_previous_and_next_links_follow_the_guide_order(page, position):
    soup = page(GUIDE_SLUGS[position])
    previous = soup.select_one(".pagination a[rel=prev]")
    following = soup.select_one(".pagination a[rel=next]")
    if position == 0:
        assert previous is None
    else:
        assert previous["href"].endswith(f"{GUIDE_SLUGS[position - 1]}.html")
    if position == len(GUIDE_SLUGS) - 1:
        assert following is None
    else:
        assert following["href"].endswith(f"{GUIDE_SLUGS[position + 1]}.html")


def test_home_page_routes_to_each_article_with_its_summary(page):
    items = page("index").select(".guide-overview__item")
    assert [i.a["href"].split("/")[-1] for i in items] == [f"{s}.html" for s in GUIDE_SLUGS]
    for item, slug in zip(items, GUIDE_SLUGS):
        assert item.p.get_text(strip=True) == page(slug).find("meta", attrs={"name": "description"})["content"]


@pytest.mark.parametrize("slug", GUIDE_SLUGS + OTHER_SLUGS)
def test_footer_links_to_accessibility_privacy_and_contact(page, slug):
    hrefs = {a["href"].split("/")[-1] for a in page(slug).select("footer a")}
    assert {"accessibility.html", "privacy.html", "about.html"} <= hrefs
