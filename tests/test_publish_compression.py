"""The published site carries .gz and .br copies of its text files, for hosts that serve them."""

import gzip
import pathlib

import brotli

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
