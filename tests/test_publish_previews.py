"""Shared links show the page's title and summary; the site has its own small icon."""

import pathlib
import struct
import xml.etree.ElementTree as ET

import pytest

from publishing import EXAMPLE_SITEURL, pages_in_every_language, soup_of


def meta(soup, key, value):
    tags = soup.find_all("meta", attrs={key: value})
    assert len(tags) == 1, value
    return tags[0]["content"]


def test_every_page_has_open_graph_tags_from_its_title_and_summary_and_a_twitter_card(published):
    for path in pages_in_every_language(published):
        if path.name == "404.html":
            continue
        soup = soup_of(path)
        title = soup.h1.get_text(strip=True)
        summary = meta(soup, "name", "description")
        assert summary
        assert meta(soup, "property", "og:title") == title
        assert meta(soup, "property", "og:description") == summary
        assert meta(soup, "property", "og:url") == soup.find("link", rel="canonical")["href"]
        assert meta(soup, "name", "twitter:card") == "summary"
        assert meta(soup, "property", "og:site_name") == soup.select_one(
            ".site-header__name"
        ).get_text(strip=True)


@pytest.mark.parametrize(
    "name, kind", [("favicon.svg", "image/svg+xml"), ("favicon.png", "image/png")]
)
def test_every_page_links_the_favicon_at_the_site_root(published, name, kind):
    for path in pages_in_every_language(published):
        icons = soup_of(path).find_all("link", rel="icon", type=kind)
        assert [icon["href"] for icon in icons] == [f"{EXAMPLE_SITEURL}/{name}"], path.name


def test_favicons_are_tiny_valid_images(published):
    svg = pathlib.Path(published) / "favicon.svg"
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.stat().st_size < 1024
    png = (pathlib.Path(published) / "favicon.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (32, 32)
    assert len(png) < 2048
