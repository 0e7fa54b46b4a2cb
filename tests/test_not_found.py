"""A wrong address gets a friendly page that leads back into the guide."""

from conftest import GUIDE_SLUGS, visible_text


def test_not_found_page_is_written_as_404_html_and_says_what_happened(page):
    soup = page("404")
    assert soup.h1.get_text(strip=True) == "Page not found"
    assert "check it is correct" in visible_text(soup.select_one("main"))
    assert soup.select(".review-dates time"), "review dates missing"


def test_not_found_page_leads_home_and_into_the_guide_but_is_not_part_of_it(page):
    soup = page("404")
    targets = {a["href"].split("/")[-1].split("#")[0] for a in soup.select("main a")}
    assert "risks.html" in targets
    assert targets & {"", "index.html"}, "no link to the home page"  # the home page's URL is ""
    assert soup.select_one(".contents-list") is None and soup.select_one(".pagination") is None
    guide = [a["href"].split("/")[-1] for a in soup.select("nav.site-nav a")][: len(GUIDE_SLUGS)]
    assert guide == [f"{slug}.html" for slug in GUIDE_SLUGS]
