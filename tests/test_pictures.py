"""Pictures (plugins/pictures): one line of Markdown places a drawing with a caption; the
drawing is named for people who cannot see it, cites the sources of its labels and
draws its numbers from content/shared/numbers.md, as the text does. A picture line with
a mistake is refused with its file and line."""

import copy
import re
import xml.etree.ElementTree as etree

import pytest

import pictures
from conftest import DEFAULT_LANG, ROOT, information_block
from support import content_file, tiny_site
from test_shared_parts import numbers_table

NUMBERS = ROOT / "content" / "shared" / "numbers.md"
# as staff write it: !!! picture <name> "<caption>"
PLACED = re.compile(r'^!!! picture (\S+) "(.*)"$', re.M)
VEIN_NUMBERS = pictures.vein_sizes.NUMBERS


def placed_pictures(lang=DEFAULT_LANG):
    """(page, name, caption) of every picture line in the content of a language, in file
    order; a translation's pages are named with their folder ("es/procedure")."""
    folder, prefix = (
        (ROOT / "content", "") if lang == DEFAULT_LANG else (ROOT / "content" / lang, f"{lang}/")
    )
    found = []
    for path in sorted(folder.glob("*/*.md")):
        slug = information_block(path).get("slug") or path.stem
        found += [
            (prefix + slug, name, caption)
            for name, caption in PLACED.findall(path.read_text(encoding="utf-8"))
        ]
    return found


def numbers_with(**values):
    """content/shared/numbers.md with these values in place of the clinic's."""
    text = NUMBERS.read_text(encoding="utf-8")
    for name, value in numbers_table(NUMBERS):
        if name in values:
            text = text.replace(f"| {name} | {value} |", f"| {name} | {values[name]} |")
    return text


def site_with(tmp_path, body, numbers=None):
    """The tiny site with the clinic's sources and numbers (or `numbers`) and a page x."""
    files = {
        "shared/sources.md": (ROOT / "content" / "shared" / "sources.md").read_text(
            encoding="utf-8"
        ),
        "shared/numbers.md": numbers or NUMBERS.read_text(encoding="utf-8"),
        "pages/x.md": content_file(body, Slug="x"),
    }
    return tiny_site(tmp_path, files)


def refused(tmp_path, body, numbers=None):
    """The problems that stop the build of a page x with `body` under "## A section"
    (so the body starts on line 9)."""
    build = site_with(tmp_path, f"## A section\n\n{body}", numbers)
    assert not build.ok
    return build.problems()


def caption_text(figure):
    """The caption as read, without its source numbers (the page itself is left alone)."""
    caption = copy.copy(figure.figcaption)
    for sup in caption.select("sup"):
        sup.decompose()
    return " ".join(caption.get_text().split())


def cited(element):
    return [link["href"].removeprefix("#source-") for link in element.select("a.citation__link")]


def svg_words(svg, css_class):
    return [" ".join(text.stripped_strings) for text in svg.select(f"text.{css_class}")]


def vein_widths(svg):
    """The width each vein is drawn, from its path "M<x> <y>h<width>…"."""
    return [
        float(re.match(r"M[\d.]+ [\d.]+h([\d.]+)", path["d"])[1])
        for path in svg.select(".picture__vein")
    ]


# --- The pictures on the site ---------------------------------------------------


def test_every_picture_line_shows_its_drawing_named_captioned_and_sourced(page):
    numbers = dict(numbers_table(NUMBERS))
    placed = placed_pictures()
    assert placed, "no page places a picture: the test proves nothing"
    for slug, name, caption in placed:
        html = page(slug)
        figure = html.select_one(f"figure.picture--{name}")
        assert figure is not None, (slug, name)
        svg = figure.find("svg")
        assert svg["role"] == "img" and svg["aria-label"].strip(), (slug, name)
        expected = re.sub(r"\{(\w+)\}", lambda m: numbers[m[1]].replace("-", " to "), caption)
        assert caption_text(figure) == expected
        sources = pictures.PICTURES[name].SOURCES
        assert set(sources) <= set(cited(figure.figcaption)), (slug, name)
        assert all(html.select_one(f".sources #source-{tag}") for tag in sources), (slug, name)


def test_the_vein_picture_on_the_site_shows_the_sizes_of_numbers_md(page):
    numbers = dict(numbers_table(NUMBERS))
    slugs = [slug for slug, name, _ in placed_pictures() if name == "vein-sizes"]
    assert slugs, "no page shows the vein sizes: the test proves nothing"
    low, _, high = numbers["reticular_mm"].partition("-")
    for slug in slugs:
        svg = page(slug).select_one("figure.picture--vein-sizes svg")
        words = " ".join(svg_words(svg, "picture__text"))
        for size in (
            f"{numbers['spider_max_mm']} mm or less",
            f"{low} to {high} mm",
            f"more than {numbers['varicose_min_mm']} mm",
        ):
            assert size in words and size in svg["aria-label"], (slug, size)


# --- Drawn from numbers.md ------------------------------------------------------


def test_the_vein_picture_follows_the_clinics_numbers_to_scale(tmp_path):
    numbers = numbers_with(spider_max_mm="2", reticular_mm="2-4", varicose_min_mm="4")
    build = site_with(tmp_path, '!!! picture vein-sizes "Sizes."', numbers)
    assert build.ok, build.stderr
    svg = build.read("x.html").select_one("figure svg")
    words = " ".join(svg_words(svg, "picture__text"))
    assert all(size in words for size in ("2 mm or less", "2 to 4 mm", "more than 4 mm"))
    # the ruler goes 2 mm past the varicose limit; the varicose vein, which has no top,
    # is drawn 1 mm past it; all on one scale
    assert [t.get_text() for t in svg.select("text.picture__mark")] == [
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "mm",
    ]
    spider, reticular, varicose = vein_widths(svg)
    assert (reticular / spider, varicose / spider) == pytest.approx((2, 2.5), rel=1e-4)


def test_numbers_the_picture_needs_that_numbers_md_lacks_are_named_with_the_line(tmp_path):
    numbers = "\n".join(
        line
        for line in NUMBERS.read_text(encoding="utf-8").splitlines()
        if not line.startswith("| reticular_mm ")
    )
    assert refused(tmp_path, '!!! picture vein-sizes "Sizes."', numbers) == [
        'content/pages/x.md, line 9: the picture "vein-sizes" is drawn from {reticular_mm}, which '
        "content/shared/numbers.md does not have. Add it there."
    ]


def test_a_caption_fills_in_numbers_and_cites_each_source_of_the_picture_once(tmp_path):
    build = site_with(
        tmp_path, '!!! picture vein-sizes "Spider veins: {spider_max_mm} mm or less.[^K6]"'
    )
    assert build.ok, build.stderr
    figure = build.read("x.html").select_one("figure")
    spider = dict(numbers_table(NUMBERS))["spider_max_mm"]
    assert caption_text(figure) == f"Spider veins: {spider} mm or less."
    assert sorted(cited(figure.figcaption)) == sorted(pictures.vein_sizes.SOURCES)


# --- How staff write it ---------------------------------------------------------


def test_text_written_right_above_and_below_a_picture_line_stays_text(tmp_path):
    body = 'Some words above.\n!!! picture injection "How it works."\nSome words below.'
    build = site_with(tmp_path, body)
    assert build.ok, build.stderr
    blocks = (
        build.read("x.html").select_one(".article__body").find_all(["p", "figure"], recursive=False)
    )
    assert [block.name for block in blocks] == ["p", "figure", "p"]
    assert (blocks[0].get_text(), caption_text(blocks[1]), blocks[2].get_text()) == (
        "Some words above.",
        "How it works.",
        "Some words below.",
    )


def test_lines_indented_under_a_picture_are_refused_with_their_line(tmp_path):
    assert refused(tmp_path, '!!! picture injection "How it works."\n    More words.') == [
        "content/pages/x.md, line 10: a picture is one line: its caption goes in quotes on "
        "that line. Write the lines indented under it as text of their own, without the indent."
    ]


def test_a_misspelt_picture_line_is_named_as_a_box_kind_with_picture_suggested(tmp_path):
    problems = refused(tmp_path, '!!! pictrue injection "How it works."')
    assert any(
        m.startswith(
            'content/pages/x.md, line 9: "!!! pictrue" is not a kind of box the site '
            'has. Did you mean "picture"?'
        )
        for m in problems
    ), problems


def test_a_drawing_without_a_name_for_assistive_technology_is_refused():
    from content_checks import markup
    from content_checks.document import Document
    from content_checks.problems import ERROR, Problems

    for svg in ('<svg aria-label="A leg."/>', '<svg role="img" aria-label=" "/>'):
        problems = Problems()
        document = Document("content/pages/x.md", "pages/x.md", problems)
        root = etree.fromstring(
            f'<div><figure class="picture">{svg}<figcaption>Legs.</figcaption></figure></div>'
        )
        document.parsed(root)
        markup.check(document, root)
        assert [p.text for p in problems.of_level(ERROR)] == [
            "a drawing on this page has no text alternative for people who cannot see it. Ask the web team."
        ], svg


# --- What each picture shows ----------------------------------------------------


@pytest.mark.parametrize("name", sorted(pictures.PICTURES))
def test_the_text_alternative_says_every_word_of_the_drawing(tmp_path, name):
    build = site_with(tmp_path, f'!!! picture {name} "A caption."')
    assert build.ok, build.stderr
    svg = build.read("x.html").select_one("figure svg")
    said = " ".join(svg["aria-label"].split()).lower()
    lines = svg_words(svg, "picture__label") + [
        t for t in svg_words(svg, "picture__text") if not t.isdigit()
    ]
    assert lines
    for line in lines:
        assert " ".join(line.strip("✓✗ ").split()).lower() in said, line


def test_the_injection_picture_numbers_its_steps_in_order(tmp_path):
    build = site_with(tmp_path, '!!! picture injection "How it works."')
    svg = build.read("x.html").select_one("figure svg")
    steps = [label for label, _ in pictures.injection.STEPS]
    assert [t.get_text() for t in svg.select("text.picture__mark")] == [
        str(n) for n in range(1, len(steps) + 1)
    ]
    assert svg_words(svg, "picture__label") == steps
    said = svg["aria-label"]
    assert [said.index(f"{n}. {label}:") for n, label in enumerate(steps, 1)] == sorted(
        said.index(f"{n}. {label}:") for n, label in enumerate(steps, 1)
    )


def test_the_knee_high_stocking_stops_below_the_knee_and_the_thigh_high_goes_above(tmp_path):
    build = site_with(tmp_path, '!!! picture stockings "Two lengths."')
    svg = build.read("x.html").select_one("figure svg")
    knee = float(re.match(r"M0 ([\d.]+)", svg.select_one(".picture__line--dashed")["d"])[1])
    tops = [
        float(re.match(r"M[\d.]+ ([\d.]+)", band["d"])[1])
        for band in svg.select(".picture__line--band")
    ]
    names = [t.get_text() for t in svg.select("text.picture__label")]
    assert names == ["Knee-high", "Thigh-high"]
    assert tops[0] > knee > tops[1]  # y grows downwards
