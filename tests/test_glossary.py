"""Every medical word is explained where a patient meets it: the first use of each glossary
word on a page links to its meaning (WCAG 3.1.3, technique G62), from one file staff edit."""

import pytest

from conftest import GUIDE_SLUGS, ROOT, SETTINGS
from support import content_file, tiny_site

GLOSSARY = content_file(
    "## Deep vein thrombosis (DVT)\n\nA blood clot in a deep vein.[^K1]\n\n"
    "## Spider veins (telangiectasia)\n\nTiny veins in the skin.[^K1]\n",
    Title="Medical words explained",
)
GLOSSARY_PAGE = content_file("Words.\n\n!!! shared glossary", Title="Words", Slug="glossary")


def glossary_site(tmp_path, body, **settings):
    page = content_file(body, Title="A page", Slug="a-page")
    return tiny_site(
        tmp_path,
        {
            "shared/glossary.md": GLOSSARY,
            "pages/glossary.md": GLOSSARY_PAGE,
            "pages/a-page.md": page,
        },
        **settings,
    )


def glossary_links(soup):
    return [(a.get_text(), a["href"]) for a in soup.select("main a.glossary-link")]


def test_the_first_use_of_each_word_links_to_its_entry_and_later_uses_do_not(tmp_path):
    build = glossary_site(
        tmp_path, "A DVT is rare. Another DVT is rarer. Spider veins fade. Spider veins fade."
    )
    assert build.ok, build.stderr
    assert glossary_links(build.read("a-page.html")) == [
        ("DVT", "./glossary.html#deep-vein-thrombosis"),
        ("Spider veins", "./glossary.html#spider-veins"),
    ]


def test_each_entry_has_its_own_anchor_named_after_its_word(tmp_path):
    build = glossary_site(tmp_path, "Text.")
    assert build.ok, build.stderr
    headings = {
        h.get_text(): h["id"]
        for h in build.read("glossary.html").select(".shared-part--glossary h2")
    }
    assert headings == {
        "Deep vein thrombosis (DVT)": "deep-vein-thrombosis",
        "Spider veins (telangiectasia)": "spider-veins",
    }


def test_any_form_of_a_word_links_singular_or_plural_and_capitals_only_where_written_so(tmp_path):
    build = glossary_site(
        tmp_path, "One spider vein. Then dvt in lower case, then a deep vein thrombosis."
    )
    assert build.ok, build.stderr
    assert glossary_links(build.read("a-page.html")) == [
        ("spider vein", "./glossary.html#spider-veins"),
        ("deep vein thrombosis", "./glossary.html#deep-vein-thrombosis"),
    ]


def test_words_are_never_linked_in_headings_links_help_cards_or_citations(tmp_path):
    emergency = content_file("- you have signs of a DVT.[^K1]", Title="Emergency card")
    body = (
        "## What is a DVT?\n\n[A DVT]({filename}/articles/procedure.md) is a clot.[^K1]\n\n"
        "!!! emergency\n\nNow DVT in the text."
    )
    build = tiny_site(
        tmp_path,
        {
            "shared/glossary.md": GLOSSARY,
            "pages/glossary.md": GLOSSARY_PAGE,
            "shared/emergency.md": emergency,
            "pages/a-page.md": content_file(body, Title="A page", Slug="a-page"),
        },
    )
    assert build.ok, build.stderr
    soup = build.read("a-page.html")
    assert glossary_links(soup) == [("DVT", "./glossary.html#deep-vein-thrombosis")]
    assert soup.select_one("main a.glossary-link").find_parent("p").get_text().startswith("Now DVT")
    assert not soup.select(
        "h2 a.glossary-link, .care-card a.glossary-link, a a, sup a.glossary-link"
    )


def test_the_glossary_page_itself_links_nothing(tmp_path):
    build = glossary_site(tmp_path, "Text.")
    assert build.ok, build.stderr
    assert build.read("glossary.html").select("a.glossary-link") == []


def test_without_a_glossary_nothing_is_linked_and_the_build_is_quiet(tmp_path):
    build = tiny_site(
        tmp_path, {"pages/a-page.md": content_file("A DVT.", Slug="a-page")}, JARGON=[]
    )
    assert build.ok and build.problems() == [], build.stderr
    assert build.read("a-page.html").select("a.glossary-link") == []


@pytest.mark.parametrize(
    "body",
    [
        "The artery was hit.",
        "The artery was hit. Later the artery healed.",
    ],
)
def test_a_jargon_word_neither_in_the_glossary_nor_explained_is_a_warning_naming_file_and_line(
    tmp_path, body
):
    build = glossary_site(tmp_path, "## Part\n\n" + body, JARGON=["artery"])
    assert build.ok, build.stderr  # a warning, not an error
    assert [m for m in build.problems() if "artery" in m] == [
        'content/pages/a-page.md, line 9: "artery" is a medical word that the glossary (content/shared/'
        "glossary.md) does not explain, and this page does not explain it either. Use a plain word, "
        'explain it where it is first used ("artery (…)"), or add it to the glossary.'
    ]


@pytest.mark.parametrize(
    "body",
    [
        "It went into an artery (a blood vessel from the heart).",
        "It went into an artery. An artery is a blood vessel from the heart.",
        "It went into a blood vessel, called an artery.",
        "It went into a blood vessel (an artery).",
        "Clots (DVT and telangiectasia are glossary words) and a deep vein thrombosis.",
    ],
)
def test_a_jargon_word_explained_on_the_page_or_in_the_glossary_is_no_warning(tmp_path, body):
    build = glossary_site(tmp_path, body, JARGON=["artery", "thrombosis", "DVT", "telangiectasia"])
    assert build.ok and build.problems() == [], build.stderr


def test_a_glossary_word_without_a_meaning_is_an_error_naming_its_line(tmp_path):
    broken = GLOSSARY.replace("Tiny veins in the skin.[^K1]", "")
    build = tiny_site(tmp_path, {"shared/glossary.md": broken, "pages/glossary.md": GLOSSARY_PAGE})
    assert not build.ok
    assert any(
        m.startswith('content/shared/glossary.md, line 10: "Spider veins" has no meaning under it')
        for m in build.problems()
    ), build.stderr


def test_a_word_written_for_two_entries_is_an_error(tmp_path):
    broken = GLOSSARY.replace("Spider veins (telangiectasia)", "Spider veins (DVT)")
    build = tiny_site(tmp_path, {"shared/glossary.md": broken, "pages/glossary.md": GLOSSARY_PAGE})
    assert not build.ok
    assert any(
        '"DVT" is written for "Deep vein thrombosis" and for "Spider veins"' in m
        for m in build.problems()
    ), build.stderr


# --- the real site ---


def glossary_words():
    """Every word of the real glossary file, as its headings give them."""
    text = (ROOT / "content" / "shared" / "glossary.md").read_text(encoding="utf-8")
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


def test_the_glossary_page_explains_every_word_of_the_data_file(page):
    slug = SETTINGS["GLOSSARY_PAGE"].rsplit("/", 1)[-1].removesuffix(".md")
    soup = page(slug)
    shown = [h.get_text() for h in soup.select(".shared-part--glossary h2")]
    assert shown == glossary_words() and len(shown) >= 10
    for heading in soup.select(".shared-part--glossary h2"):
        meaning = heading.find_next_sibling()
        assert meaning.name == "p" and meaning.select("a.citation__link"), heading.get_text()


@pytest.mark.parametrize("slug", GUIDE_SLUGS)
def test_every_guide_page_links_its_glossary_words_to_entries_that_exist(page, slug):
    links = page(slug).select("main a.glossary-link")
    assert links, "no glossary word is linked on this guide page"
    glossary = SETTINGS["GLOSSARY_PAGE"].rsplit("/", 1)[-1].replace(".md", ".html")
    anchors = {h["id"] for h in page(glossary[:-5]).select(".shared-part--glossary h2")}
    targets = [a["href"].split("/")[-1] for a in links]
    assert all(t.startswith(glossary + "#") and t.split("#")[1] in anchors for t in targets)
    assert len(targets) == len(set(targets)), "a word is linked more than once"
    for link in links:
        assert not link.find_parent(["h1", "h2", "h3", "h4", "a", "sup"])
        assert not link.find_parent(class_="care-card")
