"""One voice on safety: each help card is written once and reads the same on every page.

The cards live in content/shared/ and a page shows one with a single line (`!!! emergency`);
a page that writes its own card text is refused (tests/broken/pages/card-written-on-page.md).
"""

import collections

import pytest

from conftest import PAGES, visible_text
from support import content_file, tiny_site

KINDS = ["emergency", "urgent", "non-urgent"]


def card_text(card):
    """What a reader sees in a card, without the page's own citation numbers."""
    for sup in card.select("sup"):
        sup.decompose()
    return visible_text(card)


def cards_by_kind(page):
    found = collections.defaultdict(list)
    for slug in PAGES:
        for kind in KINDS:
            for card in page(slug).select(f".care-card--{kind}"):
                found[kind].append((slug, card))
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_every_help_card_reads_word_for_word_the_same_wherever_it_appears(page, kind):
    cards = cards_by_kind(page)[kind]
    assert cards, f"no page shows the {kind} card"
    texts = {card_text(card.__copy__()) for _, card in cards}
    assert len(texts) == 1, [slug for slug, _ in cards]
    cited = {tuple(a["href"] for a in card.select("a.citation__link")) for _, card in cards}
    assert len(cited) == 1, "the same card cites the same sources in the same order"


def test_a_card_cites_its_sources_in_each_page_s_sources_list(page):
    for kind, cards in cards_by_kind(page).items():
        for slug, card in cards:
            for link in card.select("a.citation__link"):
                assert page(slug).select_one(f"section.sources li{link['href']}") is not None, (kind, slug)


def test_changing_a_card_changes_it_on_every_page_that_shows_it(tmp_path):
    other = content_file("## Help\n\n!!! emergency", Title="Another page", Slug="another")
    build = tiny_site(tmp_path, {"pages/another.md": other,
                                 "shared/emergency.md": content_file("- you faint and cannot be woken.", Title="Emergency card")})
    assert build.ok, build.stderr
    for name in ("procedure.html", "another.html"):
        assert "you faint and cannot be woken" in visible_text(build.read(name).select_one(".care-card--emergency"))


def test_the_build_lists_the_pages_each_shared_part_is_shown_on(tmp_path):
    build = tiny_site(tmp_path, {"pages/another.md": content_file("!!! emergency", Slug="another")})
    assert "emergency: 2 page(s): procedure.md, another.md" in build.stdout or \
        "emergency: 2 page(s): another.md, procedure.md" in build.stdout
