"""The published site carries .gz and .br copies of its text files, for hosts that serve them."""

import gzip
import pathlib

import brotli

from conftest import PAGE_BUDGET, SETTINGS, SITE_ICON, WHOLE_GUIDE_BUDGET_PER_PART
from publishing import EXAMPLE_SITEURL, pages_in_every_language, soup_of

TEXT = {".html", ".css", ".svg", ".xml", ".txt"}


def text_files(output):
    return [path for path in pathlib.Path(output).rglob("*") if path.suffix in TEXT]


def test_every_page_and_stylesheet_has_identical_gzip_and_brotli_copies(published):
    files = text_files(published)
    assert any(path.suffix == ".css" for path in files)
    for path in files:
        data = path.read_bytes()
        for suffix, decompress in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            copy = path.with_name(path.name + suffix)
            if path.suffix in {".html", ".css"} or copy.exists():
                # Only a few tiny files (robots.txt) are skipped, where compression does not pay.
                assert decompress(copy.read_bytes()) == data, copy.name
                assert copy.stat().st_size < len(data)


def test_the_preview_build_has_no_compressed_copies(site):
    assert list(pathlib.Path(site).rglob("*.gz")) == list(pathlib.Path(site).rglob("*.br")) == []


def served_gzip(output, address):
    """Bytes a host sends for a file of the site: its shipped .gz copy."""
    path = pathlib.Path(output) / address.removeprefix(EXAMPLE_SITEURL + "/").split("?")[0]
    return path.with_name(path.name + ".gz").stat().st_size


def test_every_published_page_weighs_at_most_its_budget_with_its_stylesheet_and_icon(published):
    """What a patient downloads: the published page (longer than the preview's, with its
    canonical address, link previews and schema.org data), its stylesheet and the icon."""
    for path in pages_in_every_language(published):
        soup = soup_of(path)
        address = path.relative_to(published).as_posix()
        stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        assert stylesheets, address
        weight = sum(served_gzip(published, href) for href in [address, *stylesheets, SITE_ICON])
        budget = PAGE_BUDGET
        if path.name == SETTINGS["WHOLE_GUIDE_SAVE_AS"]:
            parts = soup_of(path.with_name("index.html")).select(".guide-overview__link")
            budget = WHOLE_GUIDE_BUDGET_PER_PART * len(parts)
        print(f"{address}: {weight} bytes gzip")
        assert weight <= budget, f"{address}: {weight} bytes gzip, over {budget}"
