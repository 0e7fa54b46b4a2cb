"""The PDF leaflet (issue 15): the whole guide on paper, made at `make publish` and
`make pdf`, read back with poppler's pdftohtml (the text printed on each page, where, and
whether bold) and pypdf (tags, metadata, links, embedded fonts).

What is expected comes from the settings and from the built site (the guide's parts as
the home page lists them, the cards and sources of the whole-guide page), so the tests
hold whatever the clinic writes.
"""

import dataclasses
import json
import pathlib
import posixpath
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cached_property

import pypdf
import pytest

from conftest import DEFAULT_LANG, ROOT, SETTINGS, information_block
from publishing import EXAMPLE_SITEURL, make, sign_off, soup_of
from translations import in_language, sitename, text

LEAFLET = SETTINGS["PDF_LEAFLET_SAVE_AS"]
CLINIC = {
    "CLINIC_NAME": "Riverside Vein Clinic",
    "CLINIC_PHONE": "555 0100",
    "CLINIC_EMAIL": "help@example.org",
    "CLINIC_ADDRESS": "1 Main Street, Springfield",
    "PDF_LEAFLET_REFERENCE": "PIL-0421",
}
# None of the clinic's details, whatever pelicanconf.py sets.
NO_CLINIC = dict.fromkeys([*CLINIC, "CLINIC_HOURS"], "")
LETTER, A4 = (612, 792), (595, 842)  # points


def site_file(href, page):
    """The file of the site a link on `page` (a file of the site) leads to."""
    if href.startswith(EXAMPLE_SITEURL + "/"):
        return href.removeprefix(EXAMPLE_SITEURL + "/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


def pelican_options(**settings):
    """PELICANOPTS giving Pelican these settings (as JSON), quoted for make's shell."""
    return "-e " + " ".join(
        shlex.quote(f"{name}={json.dumps(value)}") for name, value in settings.items()
    )


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@dataclass
class Leaflet:
    """A built site with its PDF leaflet (in language `lang`: each language has its own)."""

    output: pathlib.Path
    log: str
    lang: str = DEFAULT_LANG

    def in_language(self, name):
        """A file of the site in the leaflet's language: guide.html, es/guide.html."""
        return in_language(name, self.lang, SETTINGS)

    def say(self, english):
        """The theme's words in the leaflet's language."""
        return text(SETTINGS, self.lang, english)

    @property
    def title(self):
        return sitename(SETTINGS, self.lang)

    @property
    def path(self):
        return self.output / self.in_language(LEAFLET)

    @cached_property
    def layout(self):
        """Per page, each piece of text printed, top to bottom: (top, left, bold, text).

        Without the words for screen readers only ("Source", "Emergency advice:"): they are
        in the PDF, for screen readers, but clipped out of sight."""
        hidden = {
            " ".join(e.get_text().split()) for e in self.whole_guide.select(".visually-hidden")
        }
        root = ET.fromstring(run("pdftohtml", "-xml", "-i", "-q", "-stdout", str(self.path)))
        pages = []
        for page in root.iter("page"):
            texts = [
                (
                    int(text.get("top")),
                    int(text.get("left")),
                    text.find("b") is not None,
                    " ".join("".join(text.itertext()).split()),
                )
                for text in page.iter("text")
            ]
            pages.append(sorted(text for text in texts if text[3] not in hidden))
        return pages

    def lines(self, number):
        """The lines printed on page `number` (1-based), top to bottom."""
        lines = {}
        for top, _, _, printed in self.layout[number - 1]:
            line = next((t for t in lines if abs(t - top) <= 3), top)
            lines[line] = f"{lines.get(line, '')} {printed}".strip()
        return [line for _, line in sorted(lines.items())]

    def words(self, number=None):
        """All the text of page `number`, or of the whole leaflet."""
        numbers = [number] if number else range(1, len(self.layout) + 1)
        return " ".join(line for n in numbers for line in self.lines(n))

    @cached_property
    def reader(self):
        return pypdf.PdfReader(self.path)

    def pages_after_contents(self):
        """The numbers of the pages of the guide's parts: after the cover and contents."""
        return range(self.page_of(self.say("Contents")) + 1, len(self.layout) + 1)

    def links(self):
        """The addresses the PDF's links lead to, and how many lead within the PDF."""
        addresses, internal = set(), 0
        for page in self.reader.pages:
            for annotation in page.get("/Annots", []):
                annotation = annotation.get_object()
                action = annotation.get("/A", {})
                if "/URI" in action:
                    addresses.add(action["/URI"])
                elif "/Dest" in annotation or action.get("/S") == "/GoTo":
                    internal += 1
        return addresses, internal

    def soup(self, name):
        return soup_of(self.output / name)

    def guide(self):
        """(file, title) of each part of the guide, in order, as the home page in the
        leaflet's language lists them: the part's page in that language, or in English
        while it is not translated yet ("es/risks.html", "risks.html")."""
        index = self.in_language("index.html")
        return [
            (site_file(a["href"], index), a.get_text(strip=True))
            for a in self.soup(index).select(".guide-overview__link")
        ]

    @property
    def whole_guide(self):
        return self.soup(self.in_language(SETTINGS["WHOLE_GUIDE_SAVE_AS"]))

    def page_of(self, line):
        """The number of the page on which `line` is a line of its own."""
        found = [n for n in range(1, len(self.layout) + 1) if line in self.lines(n)]
        assert len(found) == 1, (line, found)
        return found[0]


def build_leaflet(folder, target, siteurl="", **settings):
    """`make <target>` of folder/content (made a copy of content/ if missing), signed off,
    into folder/output, keeping the leaflet in folder/cache."""
    content = folder / "content"
    if not content.exists():
        shutil.copytree(ROOT / "content", content)
    sign_off(content)
    settings.setdefault("CACHE_PATH", str(folder / "cache"))
    result = make(
        target,
        siteurl,
        content=content,
        output=folder / "output",
        PELICANOPTS=pelican_options(**settings),
    )
    return result, Leaflet(folder / "output", result.stdout + result.stderr)


@pytest.fixture(scope="module")
def leaflet(tmp_path_factory):
    """The site as `make publish` builds it, with the clinic's details set."""
    result, built = build_leaflet(
        tmp_path_factory.mktemp("leaflet"), "publish", EXAMPLE_SITEURL, **CLINIC
    )
    assert result.returncode == 0, built.log
    return built


@pytest.fixture(params=list(SETTINGS["LANGUAGES"]))
def each_leaflet(leaflet, request):
    """The published leaflet in each language of the site."""
    return dataclasses.replace(leaflet, lang=request.param)


def on_paper(element):
    """What an element says on paper: without source numbers or words for screen readers only."""
    element = element.__copy__()
    for extra in element.select("sup, .visually-hidden"):
        extra.decompose()
    return " ".join(element.get_text(" ", strip=True).split())


def test_publish_writes_the_leaflet_and_every_guide_page_links_it_with_its_size(leaflet):
    size = leaflet.path.stat().st_size
    assert leaflet.path.read_bytes().startswith(b"%PDF-") and size < 1024 * 1024
    assert f"PDF leaflet: {LEAFLET}" in leaflet.log
    pages = [name for name, _ in leaflet.guide()] + [SETTINGS["WHOLE_GUIDE_SAVE_AS"]]
    for name in pages:
        links = leaflet.soup(name).select(".whole-guide-links a[href$='.pdf']")
        assert [a["href"] for a in links] == [f"{EXAMPLE_SITEURL}/{LEAFLET}"], name
        assert f"(PDF, {round(size / 1024)} KB)" in links[0].get_text(), name


def test_the_whole_guide_page_shows_the_clinic_details_that_are_set(leaflet):
    details = " ".join(leaflet.whole_guide.select_one(".clinic-details").get_text(" ").split())
    for name, value in CLINIC.items():
        assert (value in details) == name.startswith("CLINIC_"), name


def part_heading(leaflet, number, title):
    return leaflet.say("Part %(number)s: %(title)s") % {"number": number, "title": title}


def test_each_part_starts_a_new_page_in_the_guide_order_under_its_running_header(each_leaflet):
    leaflet, starts = each_leaflet, []
    for number, (_, title) in enumerate(leaflet.guide(), start=1):
        heading = part_heading(leaflet, number, title)
        page = leaflet.page_of(heading)
        header, first = leaflet.lines(page)[:2]
        assert first == heading
        assert header.startswith(leaflet.title) and header.endswith(heading)
        starts.append(page)
    assert len(starts) >= 2 and starts == sorted(starts)


def test_the_contents_give_the_page_each_part_starts_on(each_leaflet):
    leaflet = each_leaflet
    contents = leaflet.lines(leaflet.page_of(leaflet.say("Contents")))
    for number, (_, title) in enumerate(leaflet.guide(), start=1):
        start = leaflet.page_of(part_heading(leaflet, number, title))
        assert any(re.fullmatch(rf"{re.escape(title)} [. ]*{start}", line) for line in contents), (
            title
        )


def test_every_page_is_numbered_page_n_of_m_and_every_page_but_the_cover_has_the_header(
    each_leaflet,
):
    leaflet = each_leaflet
    total = len(leaflet.reader.pages)
    assert total == len(leaflet.layout) > len(leaflet.guide())
    for number in range(1, total + 1):
        assert (
            leaflet.lines(number)[-1]
            == f"{leaflet.say('Page ')}{number}{leaflet.say(' of ')}{total}"
        )
    # the running header: the guide's title in the top margin, where the cover has nothing
    header = [(top, text) for top, _, _, text in leaflet.layout[1] if text == leaflet.title]
    assert len(header) == 1
    top = header[0][0]
    assert min(top for top, *_ in leaflet.layout[0]) > top + 10
    for page in leaflet.layout[1:]:
        assert (top, leaflet.title) in [(t, text) for t, _, _, text in page]


def test_a_translations_leaflet_is_in_its_language_beside_the_english_one(each_leaflet):
    leaflet = each_leaflet
    assert leaflet.reader.trailer["/Root"]["/Lang"] == leaflet.lang
    assert leaflet.reader.metadata.title == leaflet.title
    assert leaflet.say("Information for patients") in leaflet.lines(1)
    for name, _ in leaflet.guide():  # each page links the leaflet in its own language
        links = leaflet.soup(name).select(".whole-guide-links a[href$='.pdf']")
        lang = name.split("/")[0] if "/" in name else DEFAULT_LANG
        assert [a["href"] for a in links] == [
            f"{EXAMPLE_SITEURL}/{in_language(LEAFLET, lang, SETTINGS)}"
        ], name


def test_the_cover_has_the_title_clinic_reference_version_review_dates_and_emergency_card(leaflet):
    cover = leaflet.words(1)
    assert leaflet.lines(1)[0] == SETTINGS["SITENAME"]
    for value in CLINIC.values():
        assert value in cover
    dates = [leaflet.soup(name).select(".review-dates time") for name, _ in leaflet.guide()]
    newest = max((reviewed for reviewed, _ in dates), key=lambda time: time["datetime"])
    due = min((due for _, due in dates), key=lambda time: time["datetime"])
    assert f"Leaflet {CLINIC['PDF_LEAFLET_REFERENCE']}, version {newest['datetime']}" in cover
    assert f"last reviewed: {newest.get_text()} Next review due: {due.get_text()}" in cover
    assert f"call {SETTINGS['EMERGENCY_NUMBER']}" in cover.lower()
    card = leaflet.whole_guide.select_one(".care-card--emergency")
    for part in card.select(".care-card__heading, li, p"):
        assert on_paper(part) in cover


def test_help_cards_are_never_split_across_pages(each_leaflet):
    leaflet = each_leaflet
    cards = leaflet.whole_guide.select(".care-card")
    assert cards
    for card in cards:
        heading = on_paper(card.select_one(".care-card__heading"))
        items = [on_paper(li) for li in card.select("li")]
        pages = [n for n in leaflet.pages_after_contents() if heading in leaflet.lines(n)]
        assert len(pages) == 1, heading
        assert all(item in leaflet.words(pages[0]) for item in items), heading


def test_a_help_card_too_long_for_the_rest_of_a_page_moves_whole_to_the_next_page(tmp_path):
    content = shutil.copytree(ROOT / "content", tmp_path / "content")
    # the emergency card made longer, after half a page of text where it first appears
    card = content / "shared" / "emergency.md"
    head, _, body = card.read_text(encoding="utf-8").partition("\n\n")
    extra = "".join(f"- extra sign number {n} for this test.\n" for n in range(1, 13))
    card.write_text(f"{head}\n\n{extra}{body}", encoding="utf-8")
    first = next(
        path
        for path in content.glob("articles/*.md")
        if information_block(path).get("order") == "1"
    )
    text = " ".join(["Some words that fill the page before the card."] * 60)
    first.write_text(
        first.read_text(encoding="utf-8").replace(
            "\n!!! emergency\n", f"\n{text}\n\n!!! emergency\n", 1
        ),
        encoding="utf-8",
    )
    result, built = build_leaflet(tmp_path, "pdf")
    assert result.returncode == 0, built.log
    card = built.whole_guide.select_one(".care-card--emergency")
    heading = on_paper(card.select_one(".care-card__heading"))
    pages = [n for n in built.pages_after_contents() if heading in built.lines(n)]
    assert len(pages) == 1
    assert "Some words that fill the page" not in built.words(pages[0])  # it did move
    assert all(on_paper(part) in built.words(pages[0]) for part in card.select("li, p"))
    assert "extra sign number 12 for this test." in built.words(pages[0])


def test_the_timeline_is_drawn_across_the_page_with_bold_step_names(leaflet):
    timeline = leaflet.whole_guide.select_one(".timeline")
    names = [
        li.strong.get_text(strip=True).rstrip(":")
        for li in timeline.select(".timeline__content li")
    ]
    heading = on_paper(timeline.select_one(".timeline__heading"))
    page = leaflet.layout[leaflet.page_of(heading) - 1]
    top = next(top for top, _, _, text in page if text == heading)
    # the picture writes each step's name in bold over a few short lines; drawn across, the
    # first lines of all names stand side by side, first under the heading
    first = min(t for t, _, bold, _ in page if bold and t > top + 2)
    first_lines = [text for t, _, bold, text in page if bold and abs(t - first) <= 1]
    assert len(first_lines) == len(names) >= 2
    assert all(name.startswith(line) for name, line in zip(names, first_lines, strict=True)), (
        first_lines
    )


def test_the_pictures_are_drawn_with_the_sites_styles_their_labels_in_bold(leaflet):
    # WeasyPrint draws an inline SVG with the styles inside it only: unstyled, the labels
    # would be in plain text, and the shapes filled black
    lines = [
        " ".join(tspan.get_text().split())
        for tspan in leaflet.whole_guide.select("svg text.picture__label tspan")
    ]
    if not lines:
        pytest.skip("the guide has no pictures")
    bold = {text for page in leaflet.layout for _, _, is_bold, text in page if is_bold}
    assert [line for line in lines if line not in bold] == []


def test_the_leaflet_is_tagged_pdf_ua_in_the_guide_language_with_title_and_subject(leaflet):
    root = leaflet.reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True and "/StructTreeRoot" in root
    assert root["/Lang"] == SETTINGS["DEFAULT_LANG"]
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_data()
    assert leaflet.reader.metadata.title == SETTINGS["SITENAME"]
    summary = leaflet.whole_guide.find("meta", attrs={"name": "description"})["content"]
    assert leaflet.reader.metadata.subject == summary


def test_every_font_of_the_leaflet_is_embedded(leaflet):
    fonts = {}
    for page in leaflet.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            fonts[font["/BaseFont"]] = described["/FontDescriptor"].get_object()
    assert fonts
    assert [
        name
        for name, descriptor in fonts.items()
        if not {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor)
    ] == []


def test_the_leaflet_keeps_the_links_to_every_source_and_between_its_pages(leaflet):
    addresses, internal = leaflet.links()
    sources = {a["href"] for a in leaflet.whole_guide.select(".sources a[href^='http']")}
    assert sources and sources <= addresses
    assert internal >= len(leaflet.guide())  # the contents, at least


def test_words_linked_to_the_glossary_are_printed_without_its_address(leaflet):
    addresses = {a["href"] for a in leaflet.whole_guide.select("a.glossary-link")}
    if not addresses:
        pytest.skip("the guide links no word to a glossary")
    printed = "".join(leaflet.words().split())  # an address may break across lines
    assert [address for address in addresses if address in printed] == []


def test_pages_are_us_letter_by_default(leaflet):
    sizes = {
        (round(page.mediabox.width), round(page.mediabox.height)) for page in leaflet.reader.pages
    }
    assert sizes == {LETTER}


def test_make_pdf_makes_the_leaflet_again_only_when_content_theme_or_settings_changed(tmp_path):
    result, built = build_leaflet(tmp_path, "pdf")
    assert result.returncode == 0, built.log
    assert "made in" in built.log
    first = built.path.read_bytes()
    result, built = build_leaflet(tmp_path, "pdf")
    assert result.returncode == 0, built.log
    assert "copied from the cache" in built.log and built.path.read_bytes() == first
    article = min((tmp_path / "content" / "articles").glob("*.md"))
    added = "A sentence added for this test, about [this guide]({filename}../pages/about.md)."
    article.write_text(f"{article.read_text(encoding='utf-8')}\n{added}\n", encoding="utf-8")
    result, built = build_leaflet(tmp_path, "pdf")
    assert result.returncode == 0, built.log
    assert (
        "made in" in built.log
        and "A sentence added for this test, about this guide." in built.words()
    )
    # make pdf builds with relative links: the PDF's lead to the site beside it
    assert "about.html" in built.links()[0] and (built.output / "about.html").is_file()
    assert [p.name for p in (tmp_path / "cache" / "leaflet").iterdir()] == [
        next((tmp_path / "cache" / "leaflet").glob("*.pdf")).name
    ]  # only the last one is kept


def test_a4_and_another_emergency_number_and_no_clinic_details_when_none_are_set(tmp_path):
    result, built = build_leaflet(
        tmp_path, "pdf", PDF_LEAFLET_PAGE_SIZE="A4", EMERGENCY_NUMBER="999", **NO_CLINIC
    )
    assert result.returncode == 0, built.log
    assert {(round(p.mediabox.width), round(p.mediabox.height)) for p in built.reader.pages} == {A4}
    cover = built.words(1)
    assert "call 999" in cover.lower() and "911" not in built.words()
    assert not re.search(r"\b(Clinic|Phone|Email|Address|Leaflet) ", cover)


def test_content_that_fails_the_checks_makes_no_leaflet_and_leaves_the_site_as_it_was(
    tmp_path, content_copy
):
    result, built = build_leaflet(tmp_path, "pdf")
    assert result.returncode == 0, built.log
    site = sorted(p.relative_to(built.output) for p in built.output.rglob("*"))
    leaflets = sorted((tmp_path / "cache").glob("leaflet*/**/*"))  # the leaflets made
    assert leaflets
    shutil.copy(ROOT / "tests" / "broken" / "pages" / "invalid-date.md", content_copy / "pages")
    article = min((content_copy / "articles").glob("*.md"))
    article.write_text(
        article.read_text(encoding="utf-8") + "\nNot in any leaflet.\n", encoding="utf-8"
    )
    result, built = build_leaflet(tmp_path, "pdf")
    assert result.returncode != 0 and "invalid-date.md" in built.log
    assert "PDF leaflet" not in built.log
    assert sorted(p.relative_to(built.output) for p in built.output.rglob("*")) == site
    assert sorted((tmp_path / "cache").glob("leaflet*/**/*")) == leaflets
