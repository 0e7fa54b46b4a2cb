"""The benchmark's synthetic sites are real sites: N unique articles whose links all work."""

import importlib.util
import posixpath

import pytest

from conftest import ROOT, build

spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
synth = importlib.util.module_from_spec(spec)
spec.loader.exec_module(synth)


def link_targets(site, folder):
    """(copy, target) for every {filename} link in the copies, as paths in the site."""
    for copy in sorted((site / folder).glob("*-copy-*.md")):
        for kind, link in synth.LINK.findall(copy.read_text(encoding="utf-8")):
            if kind == "filename":
                yield copy, posixpath.normpath(posixpath.join(folder, link))


@pytest.mark.parametrize("beside", [None, "pages/copies"])
def test_synthetic_site_has_n_unique_articles_whose_links_stay_in_the_site(tmp_path, beside):
    site = tmp_path / "site"
    slugs = synth.make_site(ROOT / "content", site, 13, beside=beside)
    folder = beside or "articles"
    copies = [
        synth.metadata(synth.split_header(p.read_text(encoding="utf-8"))[0])
        for p in (site / folder).glob("*-copy-*.md")
    ]
    real = len(list((ROOT / "content" / "articles").glob("*.md")))

    assert len(slugs) == len(set(slugs)) == 13
    assert len(copies) == 13 - real
    assert len({c["title"] for c in copies}) == len({c["slug"] for c in copies}) == len(copies)
    links = list(link_targets(site, folder))
    assert all((site / target).is_file() for _, target in links)
    # A copy links to the other copies of its own set, not back to the real articles.
    assert any(
        copy.stem.rsplit("-", 1)[1] == target.rsplit("-", 1)[-1][:-3]
        for copy, target in links
        if "-copy-" in target
    )


def test_synthetic_guide_builds_without_a_warning(tmp_path):
    synth.make_site(ROOT / "content", tmp_path / "site", 13)
    real = len(list((ROOT / "content" / "articles").glob("*.md")))
    result = build(tmp_path / "out", content=tmp_path / "site")  # --fatal warnings
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list((tmp_path / "out").glob("*-copy-*.html"))) == 13 - real
