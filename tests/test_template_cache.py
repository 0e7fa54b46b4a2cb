"""Templates compiled by one build are reused by the next, and never shown stale."""

import shutil

from conftest import ROOT, checksums
from support import tiny_site


def test_a_build_that_reuses_compiled_templates_writes_the_same_site(tmp_path):
    cache = tmp_path / "cache"
    first = tiny_site(tmp_path / "site", CACHE_PATH=str(cache))  # with its own robots.txt
    assert first.ok, first.stderr
    written = checksums(first.output)
    kept = {path: path.stat().st_mtime_ns for path in cache.glob("jinja-*/*.cache")}
    assert kept, "no compiled template was kept"
    again = tiny_site(tmp_path / "site", CACHE_PATH=str(cache))  # staff build again
    assert again.ok, again.stderr
    # reused as they were: nothing compiled anew
    assert {path: path.stat().st_mtime_ns for path in cache.glob("jinja-*/*.cache")} == kept
    assert checksums(again.output) == written
    # a template of the content folder is not kept: each test's folder would leave one
    other = tiny_site(tmp_path / "other", CACHE_PATH=str(cache))
    assert other.ok, other.stderr
    assert set(cache.glob("jinja-*/*.cache")) == set(kept)


def test_a_changed_template_is_compiled_again(tmp_path):
    cache, theme = tmp_path / "cache", tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    assert tiny_site(tmp_path / "before", CACHE_PATH=str(cache), THEME=str(theme)).ok
    base = theme / "templates" / "base.html"
    base.write_text(
        base.read_text().replace("</main>", '<p class="cache-probe">new</p></main>'), "utf-8"
    )
    after = tiny_site(tmp_path / "after", CACHE_PATH=str(cache), THEME=str(theme))
    assert after.ok, after.stderr
    assert after.read("index.html").select(".cache-probe")


def test_other_jinja_settings_compile_into_their_own_cache(tmp_path):
    cache = tmp_path / "cache"
    assert tiny_site(tmp_path / "default", CACHE_PATH=str(cache)).ok
    settings = {"trim_blocks": False, "lstrip_blocks": False, "autoescape": True, "extensions": []}
    other = tiny_site(tmp_path / "other", CACHE_PATH=str(cache), JINJA_ENVIRONMENT=settings)
    assert other.ok, other.stderr
    assert len(list(cache.glob("jinja-*"))) == 2
    assert (other.output / "index.html").read_bytes() != (
        tmp_path / "default" / "output" / "index.html"
    ).read_bytes()
