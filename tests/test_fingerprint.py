"""The stylesheet's URL changes exactly when its content does, so no one sees a stale one."""

import hashlib
import shutil
import urllib.parse

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
