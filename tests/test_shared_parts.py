"""One voice on safety: each help card is written once and reads the same on every page.

The cards live in content/shared/ and a page shows one with a single line (`!!! emergency`);
a page that writes its own card text is refused (tests/broken/pages/card-written-on-page.md).
"""

import collections
import re

import pytest

from components.extension import RANGE_WORD
from conftest import DEFAULT_LANG, PAGES, ROOT, TRANSLATIONS, visible_text
from support import content_file, tiny_site

KINDS = ["emergency", "urgent", "non-urgent"]
# Each language's pages, as the `page` fixture names them: "faq", "es/faq".
PAGES_BY_LANGUAGE = {
    DEFAULT_LANG: list(PAGES),
    **{lang: [f"{lang}/{slug}" for slug in pages] for lang, pages in TRANSLATIONS.items()},
}


def card_text(card):
    """What a reader sees in a card, without the page's own citation numbers."""
    for sup in card.select("sup"):
        sup.decompose()
    return visible_text(card)


def cards_by_kind(page, lang=DEFAULT_LANG):
    found = collections.defaultdict(list)
    for slug in PAGES_BY_LANGUAGE[lang]:
        for kind in KINDS:
            for card in page(slug).select(f".care-card--{kind}"):
                found[kind].append((slug, card))
    return found


@pytest.mark.parametrize("lang", PAGES_BY_LANGUAGE)
@pytest.mark.parametrize("kind", KINDS)
def test_every_help_card_reads_word_for_word_the_same_wherever_it_appears(page, kind, lang):
    cards = cards_by_kind(page, lang)[kind]
    assert cards, f"no page shows the {kind} card"
    texts = {card_text(card.__copy__()) for _, card in cards}
    assert len(texts) == 1, [slug for slug, _ in cards]
    cited = {tuple(a["href"] for a in card.select("a.citation__link")) for _, card in cards}
    assert len(cited) == 1, "the same card cites the same sources in the same order"


@pytest.mark.parametrize("lang", PAGES_BY_LANGUAGE)
def test_a_card_cites_its_sources_in_each_page_s_sources_list(page, lang):
    for kind, cards in cards_by_kind(page, lang).items():
        for slug, card in cards:
            for link in card.select("a.citation__link"):
                assert page(slug).select_one(f"section.sources li{link['href']}") is not None, (
                    kind,
                    slug,
                )


def test_changing_a_card_changes_it_on_every_page_that_shows_it(tmp_path):
    other = content_file("## Help\n\n!!! emergency", Title="Another page", Slug="another")
    build = tiny_site(
        tmp_path,
        {
            "pages/another.md": other,
            "shared/emergency.md": content_file(
                "- you faint and cannot be woken.", Title="Emergency card"
            ),
        },
    )
    assert build.ok, build.stderr
    for name in ("procedure.html", "another.html"):
        assert "you faint and cannot be woken" in visible_text(
            build.read(name).select_one(".care-card--emergency")
        )


def test_the_build_lists_the_pages_each_shared_part_is_shown_on(tmp_path):
    build = tiny_site(tmp_path, {"pages/another.md": content_file("!!! emergency", Slug="another")})
    assert (
        "emergency: 2 page(s): procedure.md, another.md" in build.stdout
        or "emergency: 2 page(s): another.md, procedure.md" in build.stdout
    )


def numbers_table(path):
    """(name, value) rows of the numbers table, read with Markdown's table parser."""
    import markdown
    from bs4 import BeautifulSoup

    html = markdown.markdown(
        path.read_text(encoding="utf-8").split("\n\n", 1)[1], extensions=["tables"]
    )
    rows = BeautifulSoup(html, "html.parser").select("tbody tr")
    return [(row.find_all("td")[0].get_text(), row.find_all("td")[1].get_text()) for row in rows]


@pytest.fixture(scope="module")
def renumbered(tmp_path_factory):
    """The real content with every number of content/shared/numbers.md replaced by a
    value no page could have typed itself (901-902, 903-904 …)."""
    path = ROOT / "content" / "shared" / "numbers.md"
    rows = numbers_table(path)
    text = path.read_text(encoding="utf-8")
    new = {}
    for index, (name, value) in enumerate(rows):
        new[name] = f"{901 + 2 * index}-{902 + 2 * index}" if "-" in value else str(901 + 2 * index)
        text = text.replace(f"| {name} | {value} |", f"| {name} | {new[name]} |")
    build = tiny_site(
        tmp_path_factory.mktemp("renumbered"), {"shared/numbers.md": text}, base=ROOT / "content"
    )
    assert build.ok, build.stderr
    return build, rows, new


def shown_numbers(element):
    for sup in element.select("sup"):
        sup.decompose()
    return re.findall(r"\d+", element.get_text(" "))


def test_every_number_of_the_aftercare_plan_comes_from_numbers_md(renumbered):
    """In the timeline, the Do and Don't lists and every shared part that uses the numbers,
    every number on every page, in every language, changes with content/shared/numbers.md:
    none is typed there."""
    build, rows, new = renumbered
    users = {
        path.stem
        for path in (ROOT / "content").glob("**/shared/*.md")
        if any("{" + name + "}" in path.read_text(encoding="utf-8") for name, _ in rows)
    }
    allowed = {n for value in new.values() for n in value.split("-")}
    checked = 0
    for html in sorted(build.output.rglob("*.html")):
        soup = build.read(html.relative_to(build.output).as_posix())
        parts = soup.select(".timeline, .do-dont-list") + [
            part
            for part in soup.select(".shared-part")
            if any(f"shared-part--{name}" in part["class"] for name in users)
        ]
        for part in parts:
            checked += 1
            assert set(shown_numbers(part)) <= allowed, (html.name, part.get("class"))
    assert checked, "no page shows the aftercare plan: the test proves nothing"


UNITS = {"minutes": "minutes", "days": "days", "weeks": "weeks", "mm": "mm", "ml": "mL"}
UNITS_BY_LANGUAGE = {
    "en": UNITS,
    "es": {"minutes": "minutos", "days": "días", "weeks": "semanas", "mm": "mm", "ml": "mL"},
}


def test_no_page_types_a_number_of_numbers_md_itself(renumbered):
    """A range of numbers.md with its unit ("2 to 3 days", "2 a 3 días") written anywhere
    by hand would survive the renumbering: none does, on any page in any language."""
    build, rows, new = renumbered
    for lang, units in UNITS_BY_LANGUAGE.items():
        word = RANGE_WORD[lang]
        ranges = {
            f"{value.replace('-', f' {word} ')} {units[name.rsplit('_', 1)[-1]]}"
            for name, value in rows
            if "-" in value and name.rsplit("_", 1)[-1] in units
        }
        assert ranges, "numbers.md has no range with a unit: the test proves nothing"
        pages = [h.relative_to(build.output).as_posix() for h in build.output.rglob("*.html")]
        pages = [name for name in pages if (name.split("/")[0] == lang) == (lang != DEFAULT_LANG)]
        assert pages
        for name in pages:
            main = build.read(name).select_one("main")
            for sup in main.select("sup"):
                sup.decompose()
            text = " ".join(main.get_text(" ").split())
            assert not [r for r in ranges if re.search(rf"\b{r}\b", text)], name
        shown = " ".join(build.read(name).get_text(" ") for name in pages)
        assert all(value.replace("-", f" {word} ") in shown for value in new.values()), lang


def test_a_mistake_in_a_shared_part_is_reported_once_with_its_own_file_and_line(tmp_path):
    card = content_file("- you feel faint; call {emergency numbr}.", Title="Emergency card")
    build = tiny_site(
        tmp_path,
        {
            "shared/emergency.md": card,
            "pages/another.md": content_file("!!! emergency", Slug="another"),
        },
    )
    assert not build.ok
    mistakes = [m for m in build.problems() if "{emergency numbr}" in m]
    assert len(mistakes) == 1 and mistakes[0].startswith("content/shared/emergency.md, line 6: ")


def test_a_shared_part_that_no_page_shows_is_still_checked(tmp_path):
    build = tiny_site(
        tmp_path, {"shared/unused.md": content_file("Some <b>bold</b> text.", Title="Unused")}
    )
    assert not build.ok
    assert any(
        m.startswith("content/shared/unused.md, line 6: <b> is not allowed")
        for m in build.problems()
    )
