"""No link or image on the site leads nowhere."""

import urllib.parse

from bs4 import BeautifulSoup


def ids_in(html):
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return {tag["id"] for tag in soup.find_all(id=True)}


def internal_targets(site):
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "img", "script", "source"]):
            url = tag.get("href") or tag.get("src")
            if url is None:
                continue
            parts = urllib.parse.urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # external, mailto:, tel:
            target = (
                (html.parent / urllib.parse.unquote(parts.path)).resolve() if parts.path else html
            )
            if target.is_dir():
                target = target / "index.html"
            yield html, parts, target


def test_every_internal_href_and_src_resolves_to_a_file(site):
    missing = [
        f"{html.relative_to(site)} -> {parts.path}"
        for html, parts, target in internal_targets(site)
        if not target.is_file()
    ]
    assert missing == []


def test_every_anchor_names_an_element_of_its_page(site):
    missing = [
        f"{html.relative_to(site)} -> {parts.path}#{parts.fragment}"
        for html, parts, target in internal_targets(site)
        if parts.fragment and target.is_file() and parts.fragment not in ids_in(target)
    ]
    assert missing == []


def test_links_were_found_at_all(site):
    assert sum(1 for _ in internal_targets(site)) > 50
