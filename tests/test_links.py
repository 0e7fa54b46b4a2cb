"""No link or image on the site leads nowhere."""

import pathlib
import urllib.parse

from bs4 import BeautifulSoup


def internal_targets(site):
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        ids = {tag["id"] for tag in soup.find_all(id=True)}
        for tag in soup.find_all(["a", "link", "img", "script", "source"]):
            url = tag.get("href") or tag.get("src")
            if url is None:
                continue
            parts = urllib.parse.urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # external, mailto:, tel:
            yield html, parts, ids


def test_every_internal_href_and_src_resolves_to_a_file(site):
    missing = []
    for html, parts, _ in internal_targets(site):
        if not parts.path:
            continue
        target = (html.parent / urllib.parse.unquote(parts.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            missing.append(f"{html.relative_to(site)} -> {parts.path}")
    assert missing == []


def test_every_in_page_anchor_exists(site):
    missing = [
        f"{html.relative_to(site)} -> #{parts.fragment}"
        for html, parts, ids in internal_targets(site)
        if not parts.path and parts.fragment and parts.fragment not in ids
    ]
    assert missing == []


def test_links_were_found_at_all(site):
    assert sum(1 for _ in internal_targets(site)) > 50
