"""Pages read without a problem are kept between builds (plugins kept_results and
content_checks.kept): staff get the same site, the same report and the same errors as
from a fresh build, only sooner. Every build here has its own cache folder."""

import hashlib
import os

import pytest
from pelican.settings import read_settings

from conftest import ROOT, build, checksums
from support import content_file, tiny_site


def entries(cache):
    """{name: time last used} of the kept results."""
    folder = cache / "kept"
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if len(p.name) == 64}


def test_the_real_site_built_again_from_kept_pages_is_the_same_site_with_the_same_report(
    tmp_path,
):
    cache = ("CACHE_PATH", f'"{tmp_path / "cache"}"')
    first = build(tmp_path / "first", extra=[cache])
    assert first.returncode == 0, first.stderr
    kept = entries(tmp_path / "cache")
    assert kept, "nothing was kept"
    again = build(tmp_path / "again", extra=[cache])
    assert again.returncode == 0, again.stderr
    assert set(entries(tmp_path / "cache")) == set(kept), "a page was read afresh"
    assert checksums(tmp_path / "again") == checksums(tmp_path / "first")
    assert again.stdout.split("Done:")[0] == first.stdout.split("Done:")[0]  # the report


def test_an_unchanged_page_is_taken_from_the_kept_results(tmp_path):
    cache = tmp_path / "cache"
    assert tiny_site(tmp_path, CACHE_PATH=str(cache)).ok
    before = entries(cache)
    again = tiny_site(tmp_path, CACHE_PATH=str(cache))
    assert again.ok, again.stderr
    after = entries(cache)
    assert set(after) == set(before)
    assert all(after[name] >= before[name] for name in before)
    assert any(after[name] > before[name] for name in before), "no kept page was used"


def test_a_copy_of_the_content_folder_elsewhere_reads_the_same_kept_pages(tmp_path):
    cache = tmp_path / "cache"
    first = tiny_site(tmp_path / "here", CACHE_PATH=str(cache))
    assert first.ok, first.stderr
    before = entries(cache)
    copy = tiny_site(tmp_path / "elsewhere", CACHE_PATH=str(cache))
    assert copy.ok, copy.stderr
    assert set(entries(cache)) == set(before), "a page of the copy was read afresh"
    assert checksums(copy.output) == checksums(first.output)


def test_a_changed_page_is_read_again(tmp_path):
    cache = tmp_path / "cache"
    assert tiny_site(tmp_path, CACHE_PATH=str(cache)).ok
    page = content_file("## A section\n\nThe first words.", Title="Privacy", Slug="privacy")
    assert tiny_site(tmp_path, {"pages/privacy.md": page}, CACHE_PATH=str(cache)).ok
    changed = tiny_site(
        tmp_path,
        {"pages/privacy.md": page.replace("The first words.", "The second words.")},
        CACHE_PATH=str(cache),
    )
    assert changed.ok, changed.stderr
    assert "The second words." in changed.read("privacy.html").get_text()


def test_a_changed_shared_card_is_shown_changed_on_a_kept_page(tmp_path):
    cache = tmp_path / "cache"
    first = tiny_site(tmp_path, CACHE_PATH=str(cache))
    assert first.ok, first.stderr
    card = tmp_path / "content" / "shared" / "emergency.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("short of breath", "suddenly dizzy"), "utf-8")
    assert "short of breath" in first.read("procedure.html").get_text()
    again = tiny_site(tmp_path, CACHE_PATH=str(cache))
    assert again.ok, again.stderr
    shown = again.read("procedure.html").get_text()
    assert "suddenly dizzy" in shown and "short of breath" not in shown


def test_a_changed_number_is_shown_changed_on_a_kept_page(tmp_path):
    cache = tmp_path / "cache"
    first = tiny_site(tmp_path, CACHE_PATH=str(cache))
    assert first.ok, first.stderr
    assert "walk for 15 to 20 minutes" in first.read("procedure.html").get_text()
    numbers = tmp_path / "content" / "shared" / "numbers.md"
    numbers.write_text(numbers.read_text(encoding="utf-8").replace("15-20", "25-30"), "utf-8")
    again = tiny_site(tmp_path, CACHE_PATH=str(cache))
    assert again.ok, again.stderr
    assert "walk for 25 to 30 minutes" in again.read("procedure.html").get_text()


def test_a_changed_setting_is_shown_on_kept_pages(tmp_path):
    cache = tmp_path / "cache"
    assert tiny_site(tmp_path, CACHE_PATH=str(cache)).ok
    again = tiny_site(tmp_path, CACHE_PATH=str(cache), EMERGENCY_NUMBER="112")
    assert again.ok, again.stderr
    assert "call 112" in again.read("procedure.html").get_text().lower()


def test_a_page_with_a_mistake_is_reported_at_every_build(tmp_path):
    cache = tmp_path / "cache"
    mistake = {"pages/privacy.md": content_file("## A section\n\nCall {emergency number}.")}
    for _ in range(2):
        broken = tiny_site(tmp_path, mistake, CACHE_PATH=str(cache))
        assert not broken.ok
        assert any("did you mean" in line.lower() for line in broken.problems()), broken.stderr


def test_a_mistake_in_a_shared_card_is_reported_at_every_build(tmp_path):
    cache = tmp_path / "cache"
    assert tiny_site(tmp_path, CACHE_PATH=str(cache)).ok
    card = tmp_path / "content" / "shared" / "emergency.md"
    card.write_text(card.read_text(encoding="utf-8") + "\nCall {EMERGENCY_NUMBER}.\n", "utf-8")
    reports = []
    for _ in range(2):
        broken = tiny_site(tmp_path, CACHE_PATH=str(cache))
        assert not broken.ok
        reports.append([p for p in broken.problems() if "content/shared/emergency.md" in p])
    assert reports[0] and reports[1] == reports[0]


def test_a_review_that_falls_due_is_reported_on_a_kept_page(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    assert tiny_site(tmp_path, CACHE_PATH=str(cache)).ok
    later = 4 * 365 * 24 * 3600  # past every Next-review of the fixture
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(os.environ["SOURCE_DATE_EPOCH"]) + later))
    due = tiny_site(tmp_path, CACHE_PATH=str(cache))  # the same settings: a warning
    assert any("content/articles/procedure.md" in p for p in due.problems()), due.stderr


def test_a_damaged_kept_page_is_read_afresh(tmp_path):
    cache = tmp_path / "cache"
    first = tiny_site(tmp_path, CACHE_PATH=str(cache))
    assert first.ok
    written = checksums(first.output)
    for name in entries(cache):
        (cache / "kept" / name).write_bytes(b"not what was kept")
    again = tiny_site(tmp_path, CACHE_PATH=str(cache))
    assert again.ok, again.stderr
    assert checksums(again.output) == written


def test_old_kept_results_are_removed_beyond_the_limit_and_nothing_else(tmp_path, monkeypatch):
    import kept_results

    cache = tmp_path / "cache"
    folder = cache / "kept"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("a file someone put here")
    old = [folder / (f"{number:x}" * 64)[:64] for number in range(1, 6)]
    for path in old:
        path.write_bytes(b"an entry of an earlier build")
        os.utime(path, (1, 1))  # unused for decades
    beside = folder / ("f" * 64)
    beside.write_bytes(b"an entry a build beside this one has just used")
    kept_results.used(beside)
    monkeypatch.setattr(kept_results, "MAX_ENTRIES", 0)
    assert tiny_site(tmp_path, CACHE_PATH=str(cache)).ok
    assert not any(path.exists() for path in old)
    assert beside.exists()  # used in the last hour
    assert len(entries(cache)) > 1, "the entries this build made must stay"
    assert (folder / "notes.txt").read_text() == "a file someone put here"


@pytest.fixture
def settings(tmp_path):
    plugins, theme = tmp_path / "plugins", tmp_path / "theme"
    (plugins / "a_plugin").mkdir(parents=True)
    (plugins / "a_plugin" / "__init__.py").write_text("X = 1\n")
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "base.html").write_text("<main></main>")
    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PLUGIN_PATHS": [str(plugins)], "THEME": str(theme)},
    )


def key(settings):
    from kept_results import fingerprint

    return hashlib.sha256(fingerprint(settings)).hexdigest()


@pytest.mark.parametrize(
    "change",
    [
        "a plugin's code",
        "a template",
        "a setting",
        "the day",
    ],
)
def test_what_a_kept_page_depends_on_is_in_its_key(settings, tmp_path, monkeypatch, change):
    before = key(settings)
    if change == "a plugin's code":
        (tmp_path / "plugins" / "a_plugin" / "__init__.py").write_text("X = 2\n")
    elif change == "a template":
        (tmp_path / "theme" / "templates" / "base.html").write_text("<main>new</main>")
    elif change == "a setting":
        settings = dict(settings, CLINIC_PHONE="555 0100")
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(os.environ["SOURCE_DATE_EPOCH"]) + 86400))
    assert key(settings) != before


def test_where_output_and_content_are_does_not_change_the_key_and_a_function_counts_by_its_code(
    settings,
):
    before = key(settings)
    assert key(dict(settings, OUTPUT_PATH="/elsewhere/.output-build-x1y2")) == before
    assert key(dict(settings, PATH="/elsewhere/content")) == before  # the same folder's name
    assert key(dict(settings, PATH="/elsewhere/pages")) != before  # messages name the folder
    same = [key(dict(settings, JINJA_FILTERS={"f": lambda value: value})) for _ in range(2)]
    assert same[0] == same[1]  # the same function made again, at another address
    assert key(dict(settings, JINJA_FILTERS={"f": lambda value: value.upper()})) != same[0]
