"""A patient can move through the guide from any page."""

import pytest

from conftest import GUIDE_SLUGS, OTHER_SLUGS, PAGES, SETTINGS
from support import TINY, content_file, tiny_site


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
    assert soup.select_one(".contents-list [aria-current=page]").get_text(
        strip=True
    ) == soup.h1.get_text(strip=True)


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
    for item, slug in zip(items, GUIDE_SLUGS, strict=True):
        assert (
            item.p.get_text(strip=True)
            == page(slug).find("meta", attrs={"name": "description"})["content"]
        )


@pytest.mark.parametrize("slug", GUIDE_SLUGS + OTHER_SLUGS)
def test_footer_links_to_the_pages_the_settings_name(page, slug):
    links = [
        (a["href"].split("/")[-1], a.get_text()) for a in page(slug).select(".site-footer__links a")
    ]
    assert links == [(f"{s}.html", PAGES[s]["title"]) for s in SETTINGS["FOOTER_PAGES"]]


@pytest.mark.parametrize("slug", GUIDE_SLUGS + OTHER_SLUGS)
def test_the_header_lists_the_guide_then_the_menu_pages_by_their_titles(page, slug):
    links = [(a["href"].split("/")[-1], a.get_text()) for a in page(slug).select("nav.site-nav a")]
    expected = [(f"{s}.html", PAGES[s]["title"]) for s in GUIDE_SLUGS + SETTINGS["MENU_PAGES"]]
    assert links == expected


def test_a_page_added_to_the_menu_setting_appears_in_every_header(tmp_path):
    build = tiny_site(
        tmp_path,
        {"pages/costs.md": content_file(Title="Costs", Slug="costs")},
        MENU_PAGES=["costs"],
    )
    assert build.ok, build.stderr
    for name in ("index.html", "procedure.html", "costs.html"):
        assert ("costs.html", "Costs") in [
            (a["href"].split("/")[-1], a.get_text())
            for a in build.read(name).select("nav.site-nav a")
        ]


def test_a_menu_setting_naming_no_page_is_an_error_naming_the_setting(tmp_path):
    build = tiny_site(tmp_path, MENU_PAGES=["faq"])
    assert not build.ok
    assert 'MENU_PAGES names "faq", but no page has that Slug' in build.stderr


def test_the_home_page_counts_the_parts_of_the_guide_as_they_are(tmp_path):
    second = content_file("## Part two\n\nText.[^K1]", Title="Part two", Slug="two", Order=2)
    text = "This guide has {guide_parts} short parts."
    build = tiny_site(
        tmp_path,
        {
            "articles/two.md": second,
            "pages/index.md": (TINY / "pages" / "index.md").read_text() + "\n" + text,
        },
    )
    assert build.ok, build.stderr
    assert "This guide has 2 short parts." in build.read("index.html").get_text()
