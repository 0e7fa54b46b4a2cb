"""The published site names its absolute address, and works at the root or under a sub-path."""

import pathlib
import urllib.parse

from publishing import EXAMPLE_SITEURL, make, pages_in_every_language, soup_of


def test_publish_without_a_site_address_stops_and_says_how_to_set_it(tmp_path):
    result = make("publish", "", output=tmp_path / "output")
    assert result.returncode != 0
    assert "SITEURL=https://" in result.stdout + result.stderr
    assert not (tmp_path / "output" / "index.html").exists()


def test_every_page_names_its_absolute_canonical_address(published):
    for path in pages_in_every_language(published):
        if path.name == "404.html":
            continue
        canonical = soup_of(path).find_all("link", rel="canonical")
        address = path.relative_to(published).as_posix()  # a home page by its folder: /, /es/
        expected = f"{EXAMPLE_SITEURL}/" + address.removesuffix(
            "index.html" if path.name == "index.html" else ""
        )
        assert [link["href"] for link in canonical] == [expected], address


def local_file(output, url):
    """The file a link under SITEURL points at, or None for other addresses."""
    if not url.startswith(EXAMPLE_SITEURL + "/"):
        return None
    path = urllib.parse.urlsplit(url).path.removeprefix(urllib.parse.urlsplit(EXAMPLE_SITEURL).path)
    path = path.lstrip("/")
    return pathlib.Path(output) / (path + "index.html" if path.endswith("/") or not path else path)


def test_under_a_sub_path_every_link_and_file_stays_inside_the_site(published):
    checked = 0
    for path in pages_in_every_language(published):
        soup = soup_of(path)
        for tag in soup.find_all(["a", "link", "img", "script"]):
            url = tag.get("href") or tag.get("src")
            if not url or url.startswith(("#", "mailto:", "tel:")):
                continue
            # A root-relative or relative link would leave the sub-path.
            assert url.startswith(("https://", "http://")), (path.name, url)
            target = local_file(published, url)
            if target is not None:
                assert target.is_file(), (path.name, url)
                checked += 1
    assert checked > 100


def test_the_preview_build_keeps_relative_links_and_no_public_addresses(site):
    soup = soup_of(pathlib.Path(site) / "procedure.html")
    assert soup.find("link", rel="canonical") is None
    assert soup.find("link", rel="stylesheet")["href"].startswith("./theme/")
    assert not (pathlib.Path(site) / "sitemap.xml").exists()
