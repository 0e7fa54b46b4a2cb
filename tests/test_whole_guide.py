"""The whole guide on one page: every part in order with all it says, each help card once,
ids unique, and links between parts kept within the page (issue 15).

What is expected comes from the build itself: the guide's articles and their order as the
home page lists them, and each article's own page.
"""

import copy
import itertools
import sys
import urllib.parse

from conftest import ROOT, SETTINGS, visible_text
from support import tiny_site

sys.path.insert(0, str(ROOT / "plugins"))  # as Pelican's PLUGIN_PATHS does
from whole_guide.combine import Rewriter

WHOLE_GUIDE = SETTINGS["WHOLE_GUIDE_SAVE_AS"].removesuffix(".html")
BOXES = (
    ".warning-callout",
    ".inset-text",
    ".do-dont-list",
    ".timeline",
    ".timeline svg",
    "table",
    ".sources li",
)
TEXT = ".article__body :is(h2, h3, h4, p, li, td)"


def guide(page):
    """(page name, title) of each article of the guide, in order."""
    return [
        (a["href"].split("/")[-1].removesuffix(".html"), a.get_text(strip=True))
        for a in page("index").select(".guide-overview__link")
    ]


def parts(page):
    return page(WHOLE_GUIDE).select(".whole-guide__part")


def kind(card):
    return next(name.split("--")[1] for name in card["class"] if "--" in name)


def first_cards(page):
    """{kind: (page name, card)}: where each kind of help card first appears in the guide."""
    first = {}
    for name, _ in guide(page):
        for card in page(name).select(".care-card"):
            first.setdefault(kind(card), (name, card))
    return first


def guide_page_linked(href, names):
    """(page name, fragment) when `href` leads to a page of the guide on this site, else None."""
    address = urllib.parse.urlsplit(href)
    name = address.path.split("/")[-1].removesuffix(".html")
    if address.scheme or address.netloc or name not in names:
        return None
    return name, address.fragment


def without(soup, selector):
    """A copy of `soup` without the elements `selector` finds."""
    soup = copy.copy(soup)
    for element in soup.select(selector):
        element.decompose()
    return soup


def test_the_whole_guide_has_every_part_in_the_guide_order(page):
    expected = guide(page)
    titles = [part.select_one(".whole-guide__part-title") for part in parts(page)]
    assert len(expected) >= 2
    assert [title.get_text(" ", strip=True) for title in titles] == [
        f"Part {number}: {name}" for number, (_, name) in enumerate(expected, start=1)
    ]
    contents = page(WHOLE_GUIDE).select(".whole-guide__contents a")
    assert [a["href"] for a in contents] == [f"#{title['id']}" for title in titles]
    assert [a.get_text(strip=True) for a in contents] == [name for _, name in expected]


def test_each_part_says_all_its_page_says_with_its_boxes_timeline_sources_and_review_dates(page):
    for (name, _), part in zip(guide(page), parts(page), strict=True):
        original = without(page(name).select_one("article"), ".care-card, .sources__back")
        part = without(part, ".sources__back")
        said = {visible_text(element) for element in part.select(TEXT)}
        assert [visible_text(e) for e in original.select(TEXT) if visible_text(e) not in said] == []
        for box in BOXES:
            assert len(part.select(box)) == len(original.select(box)), (name, box)
        assert visible_text(part.select_one(".review-dates")) == visible_text(
            original.select_one(".review-dates")
        )


def test_each_kind_of_help_card_is_shown_once_where_it_first_appears(page):
    first = first_cards(page)
    cards = page(WHOLE_GUIDE).select(".care-card")
    assert first, "the guide has help cards"
    assert sorted(kind(card) for card in cards) == sorted(first)
    names = [name for name, _ in guide(page)]
    for card in cards:
        name, original = first[kind(card)]
        assert card.find_parent(class_="whole-guide__part") is parts(page)[names.index(name)]
        assert visible_text(card) == visible_text(original)


def test_a_help_card_repeated_in_a_later_part_becomes_a_link_to_the_one_shown(page):
    shown = {kind(card): card for card in page(WHOLE_GUIDE).select(".care-card")}
    first = first_cards(page)
    repeats = 0
    for (name, _), part in zip(guide(page), parts(page), strict=True):
        repeated = [
            kind(card)
            for card in page(name).select(".care-card")
            if first[kind(card)][1] is not card
        ]
        links = part.select(".whole-guide__see-card a")
        assert [a["href"] for a in links] == [f"#{shown[k]['id']}" for k in repeated], name
        for a, k in zip(links, repeated, strict=True):
            heading = without(shown[k].select_one(".care-card__heading"), ".visually-hidden")
            assert visible_text(heading).rstrip(":") in visible_text(a)
        repeats += len(repeated)
    assert repeats, "the guide repeats help cards, so this test checks something"


def test_every_id_on_the_whole_guide_page_is_unique_and_every_source_is_there(page):
    ids = [element["id"] for element in page(WHOLE_GUIDE).find_all(id=True)]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    sources = sum(len(page(name).select(".sources li[id]")) for name, _ in guide(page))
    assert len(page(WHOLE_GUIDE).select(".sources li[id]")) == sources > 0


def test_headings_go_down_one_level_at_a_time_with_each_part_under_its_title(page):
    levels = [int(h.name[1]) for h in page(WHOLE_GUIDE).select("main :is(h1, h2, h3, h4, h5, h6)")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1] == []
    for part in parts(page):
        title, *inside = part.select(":is(h1, h2, h3, h4, h5, h6)")
        assert title.name == "h2" and inside and min(int(h.name[1]) for h in inside) == 3


def test_links_between_parts_lead_to_the_same_place_within_the_page(page):
    whole = page(WHOLE_GUIDE)
    names = [name for name, _ in guide(page)]
    checked = 0
    for name, part in zip(names, parts(page), strict=True):
        for link in page(name).select(".article__body a[href]"):
            linked = guide_page_linked(link["href"], names)
            if linked is None or link.find_parent(class_="care-card"):
                continue
            target, fragment = linked
            copies = [
                a for a in part.select("a[href^='#']") if visible_text(a) == visible_text(link)
            ]
            assert copies, (name, link["href"])
            for a in copies:
                element = whole.find(id=a["href"][1:])
                assert element is not None, a["href"]
                assert parts(page)[names.index(target)] in element.parents, a["href"]
                if fragment:
                    assert visible_text(element) == visible_text(page(target).find(id=fragment))
            checked += 1
    assert checked, "the guide's parts link to each other, so this test checks something"
    leaving = [
        a["href"]
        for part in parts(page)
        for a in part.select("a[href]")
        if guide_page_linked(a["href"], names)
    ]
    assert leaving == []
    dangling = [
        a["href"] for a in whole.select("a[href^='#']") if whole.find(id=a["href"][1:]) is None
    ]
    assert dangling == []


def test_the_whole_guide_gives_the_newest_review_and_the_earliest_next_review(page):
    dates = [
        [time["datetime"] for time in page(name).select(".review-dates time")]
        for name, _ in guide(page)
    ]
    shown = [time["datetime"] for time in page(WHOLE_GUIDE).select(".whole-guide__header time")]
    assert shown == [max(reviewed for reviewed, _ in dates), min(due for _, due in dates)]


def test_every_guide_page_links_to_the_whole_guide_and_make_html_makes_and_links_no_pdf(page, site):
    for name, _ in guide(page):
        links = page(name).select(".whole-guide-links a")
        assert [a["href"].split("/")[-1] for a in links] == [SETTINGS["WHOLE_GUIDE_SAVE_AS"]]
        assert links[0].get_text(strip=True) == "Print or save the whole guide"
    assert list(site.rglob("*.pdf")) == []
    assert [a for p in site.glob("*.html") for a in page(p.stem).select("a[href$='.pdf']")] == []


CLINIC_DETAILS = ("CLINIC_NAME", "CLINIC_PHONE", "CLINIC_EMAIL", "CLINIC_ADDRESS", "CLINIC_HOURS")


def test_the_whole_guide_shows_the_clinic_s_details_and_none_made_up_when_none_are_set(tmp_path):
    none = tiny_site(tmp_path / "none", **dict.fromkeys(CLINIC_DETAILS, ""))
    assert none.ok, none.stderr
    assert none.read(SETTINGS["WHOLE_GUIDE_SAVE_AS"]).select(".clinic-details") == []
    phone = tiny_site(
        tmp_path / "phone", **{**dict.fromkeys(CLINIC_DETAILS, ""), "CLINIC_PHONE": "020 7946 0000"}
    )
    assert phone.ok, phone.stderr
    details = phone.read(SETTINGS["WHOLE_GUIDE_SAVE_AS"]).select_one(".clinic-details")
    assert "020 7946 0000" in visible_text(details)


def test_the_rewriter_writes_back_what_it_read_byte_for_byte_unless_told_otherwise(site, published):
    for path in sorted([*site.glob("*.html"), *published.glob("*.html")]):
        text = path.read_text(encoding="utf-8")
        assert Rewriter().rewrite(text) == text, path.name
    stray = '<p>a &amp; b&#160;<br><svg viewBox="0 0 2 2"><path d="M0 0"/></svg></p></div>'
    assert Rewriter().rewrite(stray) == stray
