"""Search engines find every page, in every language, with the date a clinician last reviewed
it and the page in its other languages."""

import pathlib
import xml.etree.ElementTree as ET

from publishing import EXAMPLE_SITEURL, pages_in_every_language, soup_of

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(output):
    root = ET.parse(pathlib.Path(output) / "sitemap.xml").getroot()
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_page_by_its_canonical_address_and_nothing_else(published):
    expected = {
        soup_of(path).find("link", rel="canonical")["href"]
        for path in pages_in_every_language(published)
        if path.name != "404.html"
    }
    assert len(expected) >= 10
    assert set(sitemap(published)) == expected


def test_sitemap_last_modified_is_the_review_date_the_page_shows(published):
    urls = sitemap(published)
    for path in pages_in_every_language(published):
        if path.name == "404.html":
            continue
        soup = soup_of(path)
        shown = soup.select_one(".review-dates time")["datetime"]
        lastmod = urls[soup.find("link", rel="canonical")["href"]]
        # The start of the review day, not the time of the build.
        assert lastmod[:19] == f"{shown}T00:00:00", (path.name, lastmod, shown)


def test_robots_txt_points_at_the_sitemap_by_its_absolute_address(published):
    lines = (pathlib.Path(published) / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {EXAMPLE_SITEURL}/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_the_preview_s_robots_txt_names_no_sitemap(site):
    """The preview has no sitemap, and robots.txt may only name one by its full address."""
    lines = (pathlib.Path(site) / "robots.txt").read_text().splitlines()
    assert "User-agent: *" in lines and "Disallow: /" not in lines
    assert not [line for line in lines if line.lower().startswith("sitemap:")]
