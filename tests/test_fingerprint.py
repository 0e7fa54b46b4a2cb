"""Every theme file's URL changes exactly when its content does, so no one sees a stale one,
although hosts keep everything under /theme/ for a year."""

import hashlib
import re
import shutil
import urllib.parse

import pytest

from conftest import GUIDE_SLUGS, OTHER_SLUGS, ROOT, build, read_page


def stylesheet_url(soup):
    links = soup.find_all("link", rel="stylesheet")
    assert len(links) == 1, "one stylesheet, one request"
    return urllib.parse.urlsplit(links[0]["href"])


def test_every_page_links_the_css_with_a_hash_of_its_content(site, page):
    css = (site / "theme" / "css" / "main.css").read_bytes()
    expected = "v=" + hashlib.sha256(css).hexdigest()[:10]
    for slug in GUIDE_SLUGS + OTHER_SLUGS + ["404"]:
        url = stylesheet_url(page(slug))
        assert url.path.endswith("theme/css/main.css") and url.query == expected


def test_changing_the_css_changes_its_url(page, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    with (theme / "static" / "css" / "main.css").open("a", encoding="utf-8") as css:
        css.write("\n.changed { color: #000; }\n")
    output = tmp_path / "output"
    result = build(output, extra=[("THEME", f'"{theme}"')])
    assert result.returncode == 0, result.stderr
    assert stylesheet_url(read_page(output, "index")).query != stylesheet_url(page("index")).query


def theme_urls(folder):
    """(page, URL) of every address under /theme/ in every page of a build."""
    found = []
    for path in sorted(folder.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        found += [
            (path.name, url) for url in re.findall(r'(?:href|src)="([^"]*theme/[^"]*)"', text)
        ]
    return found


@pytest.mark.parametrize("build_name", ["site", "published"])
def test_every_theme_url_in_every_page_carries_its_file_s_content_hash(build_name, request):
    output = request.getfixturevalue(build_name)
    urls = theme_urls(output)
    assert len(urls) >= len(list(output.glob("*.html")))  # at least the stylesheet of each page
    for page_name, url in urls:
        parts = urllib.parse.urlsplit(url)
        theme_path = parts.path.split("theme/", 1)[1]
        content = (output / "theme" / theme_path).read_bytes()
        assert parts.query == "v=" + hashlib.sha256(content).hexdigest()[:10], (page_name, url)
