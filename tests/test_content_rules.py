"""A mistake in content/ is refused with a message staff can act on: file, line, what is
wrong and what to do. Nothing is silently dropped, shown as raw text or left half-empty.

Each file in tests/broken/ has one mistake and lies where a member of staff would have put
it (tests/broken/pages/x.md goes to content/pages/x.md). It is added to the tiny content
fixture and built in this process with the real settings, plugins and theme, as `make
html` would build it (see support.py); that the last good site survives a failed build is
build.py's promise, tested in test_build_safety.py.
"""

import logging
import os
import shutil

import pytest
from pelican import Pelican, signals
from pelican.readers import Readers
from pelican.settings import read_settings

from conftest import ROOT, TODAY, signed, signed_off
from support import TINY, content_file, dated, tiny_site

BROKEN = ROOT / "tests" / "broken"
VALID = ROOT / "tests" / "valid"
NOT_ALLOWED = "is not allowed in the content: pages are written in Markdown only"
PICTURE = "put the picture in content/images/ and write ![What it shows]({static}/images/name.png)"

# file -> (words the message must contain, line it must name or None for the whole file)
EXPECTED = {
    "pages/misspelt-key.md": (
        '"Reviwed" is not a field this site knows. Did you mean "Reviewed"?',
        4,
    ),
    "pages/next-review-with-space.md": (
        '"Next review" is not a field this site knows. Did you mean "Next-review"?',
        5,
    ),
    "pages/invalid-date.md": (
        '"Next-review" is 2024-02-30, which is not a date. Write it as YYYY-MM-DD',
        5,
    ),
    "pages/date-in-wrong-format.md": ('"Reviewed" is 25/11/2026, which is not a date', 4),
    "pages/next-review-before-reviewed.md": (
        '"Next-review" (2025-01-01) must be after "Reviewed"',
        5,
    ),
    "pages/next-review-too-far-away.md": (
        '"Next-review" (9999-12-31) is more than 3 years after "Reviewed"',
        5,
    ),
    "pages/reviewed-in-the-future.md": ('"Reviewed" is 2099-01-01, which is in the future', 4),
    "pages/reviewed-in-year-one.md": (
        '"Reviewed" is 0001-01-01, which is not a real review date',
        4,
    ),
    "pages/missing-summary.md": ('"Summary" is missing', None),
    "pages/missing-title.md": ('"Title" is missing', None),
    "pages/empty-title.md": ('"Title" is empty', 1),
    "pages/summary-too-long.md": ('"Summary" is 241 characters long', 3),
    "pages/no-metadata.md": ("does not start with the information block", 1),
    "pages/empty.md": ("the file is empty", None),
    "pages/not-utf8.md": ("not saved as UTF-8", 9),
    "pages/control-character.md": ("this line holds an invisible control character", 9),
    "pages/control-character-nul.md": ("this line holds an invisible control character", 9),
    "pages/missing-colon.md": ('is not written as "Name: value"', 4),
    "pages/key-written-twice.md": ('"Title" is written twice (first on line 1)', 6),
    "pages/slug-with-spaces.md": ('"Slug" is "Slug With Spaces"', 2),
    "pages/duplicate-slug.md": (
        'the slug "procedure" is also used by content/articles/procedure.md',
        2,
    ),
    "pages/duplicate-title.md": (
        'the title "What happens during sclerotherapy" is also used by content/articles/procedure.md',
        1,
    ),
    "pages/unknown-template.md": ('"Template" is "fancy", which the site does not have', 6),
    "pages/unknown-status.md": ('"Status" is "publishd"', 6),
    "pages/lang-not-a-language-code.md": ('"Lang" is "English", which is not a language code', 6),
    "pages/guide-article-in-pages.md": (
        'this file has "Order", but only the parts of the guide have it',
        6,
    ),
    "pages/address-of-the-home-page.md": (
        'the address "index.html" is also used by content/pages/index.md',
        6,
    ),
    "pages/address-on-another-site.md": (
        '"URL" is "https://evil.example/x.html", but the page is saved as "elsewhere.html"',
        7,
    ),
    "articles/guide-article-with-an-address.md": (
        'this file has "URL", but the parts of the guide get their address from their Slug',
        7,
    ),
    "articles/order-written-as-superscript.md": (
        '"Order" is "²". Write the place of this part in the guide as a whole number',
        6,
    ),
    "articles/order-with-a-leading-zero.md": (
        '"Order" is "01". Write the place of this part in the guide as a whole number',
        6,
    ),
    "articles/with-the-same-order-as-another.md": (
        '"Order" is 1, the same as in content/articles/procedure.md. Give each part its own number',
        6,
    ),
    "articles/guide-article-without-sources.md": ("this guide article cites no sources", None),
    "articles/guide-article-without-order.md": (
        '"Order" is missing: every part of the guide has its place',
        None,
    ),
    "pages/link-to-missing-file.md": (
        'the link "{filename}after-care.md" points to "after-care.md", which is not in the content folder',
        9,
    ),
    "pages/link-written-from-the-wrong-folder.md": (
        'Did you mean "{filename}/articles/procedure.md"?',
        9,
    ),
    "pages/link-to-missing-anchor.md": ('points to "#the-next-part", which is not a heading', 9),
    "pages/link-to-missing-anchor-on-other-page.md": (
        'the link "{filename}../articles/procedure.md#no-such-part" points to "#no-such-part"',
        9,
    ),
    "pages/link-to-missing-image.md": ('the link "{static}/images/no-such-picture.png"', 9),
    "pages/broken-relative-url.md": (
        'the link "risk.html" points to "risk.html", which is not a page',
        9,
    ),
    "pages/link-outside-the-content-folder.md": (
        'the link "{static}../../Makefile" points outside the content folder',
        9,
    ),
    "pages/address-that-cannot-be-read.md": ('the address "ftp://[oops/file" cannot be read', 9),
    "pages/link-to-a-data-address.md": ("is not a web page: links may go to https://", 9),
    "pages/javascript-url.md": ('the address "javascript:alert(1)" is not a web page', 9),
    "pages/image-without-alt.md": ("has no text alternative", 9),
    "pages/picture-without-static.md": (PICTURE, 9),
    "pages/picture-from-the-site-root.md": (PICTURE, 9),
    "pages/picture-from-another-site.md": (PICTURE, 9),
    "pages/heading-skips-a-level.md": ('the heading "A sub-sub-section" (####) skips a level', 9),
    "pages/second-h1.md": ('"Another main title" is a main heading (#)', 7),
    "pages/text-shown-as-code.md": (
        "this text is indented by 4 spaces, so it would show as computer code",
        11,
    ),
    "pages/script-tag.md": (f"<script> {NOT_ALLOWED}", 9),
    "pages/iframe.md": (f"<iframe> {NOT_ALLOWED}", 9),
    "pages/object-tag.md": (f"<object> {NOT_ALLOWED}", 9),
    "pages/event-handler.md": (f"<a> {NOT_ALLOWED}", 9),
    "pages/html-upper-case-handler.md": (f"<img> {NOT_ALLOWED}", 9),
    "pages/html-slash-separator.md": (f"<svg> {NOT_ALLOWED}", 9),
    "pages/html-alt-slash-handler.md": (f"<img> {NOT_ALLOWED}", 9),
    "pages/html-no-space-after-quote.md": (f"<img> {NOT_ALLOWED}", 9),
    "pages/html-svg-animate.md": (f"<svg> {NOT_ALLOWED}", 9),
    "pages/html-svg-set.md": (f"<svg> {NOT_ALLOWED}", 9),
    "pages/html-meta-refresh.md": (f"<div> {NOT_ALLOWED}", 9),
    "pages/html-base.md": (f"<base> {NOT_ALLOWED}", 9),
    "pages/html-form.md": (f"<form> {NOT_ALLOWED}", 9),
    "pages/html-link.md": (f"<link> {NOT_ALLOWED}", 9),
    "pages/html-style.md": (f"<style> {NOT_ALLOWED}", 9),
    "pages/html-style-attribute.md": (f"<p> {NOT_ALLOWED}", 9),
    "pages/html-meta-referrer.md": (f"<meta> {NOT_ALLOWED}", 9),
    "pages/html-in-a-box.md": (f"<script> {NOT_ALLOWED}", 10),
    "pages/html-comment.md": (f"an HTML comment {NOT_ALLOWED}", 9),
    "pages/attribute-list.md": (
        '"{: ONCLICK=alert(1) }" is not something the site can fill in',
        10,
    ),
    "pages/placeholder-with-a-space.md": (
        '"{emergency number}" is not something the site can fill in. Did you mean {emergency_number}?',
        9,
    ),
    "pages/placeholder-in-capitals.md": (
        '"{EMERGENCY_NUMBER}" is not something the site can fill in. Did you mean {emergency_number}?',
        9,
    ),
    "pages/unknown-box.md": (
        '"!!! emergancy" is not a kind of box the site has. Did you mean "emergency"?',
        9,
    ),
    "pages/box-misspelt-in-a-list.md": ('"!!! emergancy" is not a kind of box the site has', 11),
    "pages/box-misspelt-in-a-quote.md": ('"!!! emergancy" is not a kind of box the site has', 9),
    "pages/box-indented-two-spaces.md": (
        'the box "!!! warning" is empty. Indent its lines by 4 spaces',
        9,
    ),
    "pages/box-not-indented.md": (
        'the box "!!! warning" is empty. Indent its lines by 4 spaces',
        9,
    ),
    "pages/card-written-on-page.md": (
        'the box "!!! emergency" is written once, in content/shared/emergency.md',
        9,
    ),
    "pages/card-indented-two-spaces.md": (
        'the box "!!! emergency" is written once, in content/shared/emergency.md',
        9,
    ),
    "pages/shared-part-misspelt.md": (
        'there is no shared part "emergancy" in content/shared/. Did you mean "emergency"?',
        9,
    ),
    "pages/picture-without-caption.md": (
        'this picture has no caption. Write in quotes, after its name, what the reader should take from it: !!! picture injection "…".',
        9,
    ),
    "pages/picture-unknown.md": (
        'there is no picture "injektion". Did you mean "injection"? The pictures are: vein-sizes, injection, stockings.',
        9,
    ),
    "pages/table-without-header-line.md": (
        "looks like a table, but the line under its header is missing",
        9,
    ),
    "pages/table-row-with-extra-cell.md": (
        "this table row has 3 cells, but the table has 2 columns",
        11,
    ),
    "pages/citation-without-source.md": (
        "the citation [^K99] names no source in content/shared/sources.md",
        9,
    ),
    "pages/source-written-on-the-page.md": (
        "sources are listed once, in content/shared/sources.md, not on each page",
        11,
    ),
    "pages/page-in-restructuredtext.rst": (
        "only Markdown files (.md) are pages, so this file is not used",
        None,
    ),
    "pages/page-in-html.html": (
        "only Markdown files (.md) are pages, so this file is not used",
        None,
    ),
    "pages/saved-as-text.md.txt": ('save it as "saved-as-text.md"', None),
    "stray-page.md": ("this page is not in a folder the site reads", None),
    "new-folder/page-in-a-new-folder.md": ("this page is not in a folder the site reads", None),
    "images/notes-among-the-pictures.md": ("content/images/ is for pictures", None),
    # Translations (content/es/): the tiny site's privacy page is in English only
    "es/pages/translation-without-original.md": (
        'no English page has the Slug "no-such-page", so this page translates nothing',
        2,
    ),
    "es/pages/translation-without-lang.md": (
        '"Lang" is missing: this file is in content/es/, so it is in that language. Add the line "Lang: es"',
        None,
    ),
    "es/pages/translation-in-another-language.md": (
        '"Lang" is "fr", but the file is in content/es/',
        3,
    ),
    "es/pages/translation-without-translator.md": (
        '"Translator" is missing: say who translated this file',
        None,
    ),
    "es/pages/translation-with-an-address.md": (
        'a translation gets its address from its language and Slug (es/<slug>.html), so it has no "Save_as"',
        4,
    ),
    "es/pages/translation-linking-to-the-english-page.md": (
        'the link "{filename}/pages/index.md" leads to the English page, but that page is also in Español, '
        'as this one is: link to "{filename}/es/pages/index.md" instead',
        9,
    ),
    "es/articles/translation-in-another-place-of-the-guide.md": (
        '"Order" is 2, but the English original content/articles/procedure.md has 1: a translation keeps its place',
        7,
    ),
    "es/shared/sources.md": (
        "the sources and the numbers are the same in every language: they are written once, in content/shared/sources.md",
        None,
    ),
    "es/shared/part-without-original.md": (
        "content/shared/ has no part-without-original.md, so this part translates nothing",
        None,
    ),
    "pages/spanish-page-outside-its-folder.md": (
        'this page says "Lang: es", but it is not in content/es/',
        3,
    ),
    "pages/translator-on-an-english-page.md": (
        'this file has "Translator", but only translations (in content/<language>/) have it',
        6,
    ),
}


@pytest.fixture(scope="module")
def broken_builds(tmp_path_factory):
    """name -> the Build of the tiny site with that one broken file added."""
    builds = {}
    for name in EXPECTED:
        data = (BROKEN / name).read_bytes()
        text = data.decode("utf-8") if name != "pages/not-utf8.md" else data
        builds[name] = tiny_site(tmp_path_factory.mktemp("broken"), {name: text})
    return builds


def test_the_corpus_has_one_file_per_mistake_and_every_file_is_checked():
    files = {p.relative_to(BROKEN).as_posix() for p in BROKEN.rglob("*") if p.is_file()}
    assert files == set(EXPECTED) | {"pages/review-overdue.md"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_fails_the_build_with_a_message_naming_file_line_and_problem(
    broken_builds, name
):
    build = broken_builds[name]
    words, line = EXPECTED[name]
    where = f"content/{name}, line {line}: " if line else f"content/{name}: "
    assert not build.ok
    assert any(m.startswith(where) and words in m for m in build.problems()), build.stderr


def test_the_tiny_site_itself_builds_without_a_word(tmp_path):
    build = tiny_site(tmp_path)
    assert build.ok, build.stderr
    assert build.problems() == []


def test_only_markdown_is_ever_read_never_rest_or_html(tmp_path):
    """reST's include could publish any file of the build machine (its environment)."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(TINY), "OUTPUT_PATH": str(tmp_path)}
    )
    Pelican(settings)  # registers the plugins, as a build does
    readers = Readers(settings).readers
    assert set(readers) - {"static"} and "rst" not in readers and "html" not in readers
    assert {type(reader).__name__ for name, reader in readers.items() if name != "static"} == {
        "StrictMarkdownReader"
    }


def test_html_in_a_source_line_is_refused_where_it_is_written(tmp_path):
    sources = (TINY / "shared" / "sources.md").read_text(encoding="utf-8")
    sources += '\n[^X1]: A source <img src="https://tracker.example/p.gif"> with a picture.\n'
    build = tiny_site(tmp_path, {"shared/sources.md": sources})
    assert not build.ok
    line = len(sources.splitlines())  # the line added last
    assert any(
        m.startswith(f"content/shared/sources.md, line {line}: <img> {NOT_ALLOWED}")
        for m in build.problems()
    ), build.stderr


@pytest.mark.parametrize(
    ("extension", "text", "message"),
    [
        (
            "abbr",
            "The WHO says so.\n\n*[WHO]: World Health Organization",
            "<abbr> is not allowed on a page",
        ),
        (
            "attr_list",
            'Some text.\n{: onclick="alert(1)" }',
            'the attribute "onclick" is not allowed on <p>',
        ),
    ],
)
def test_what_a_markdown_extension_adds_is_checked_against_the_allow_list(
    tmp_path, extension, text, message
):
    """A Markdown extension the web team adds cannot bring in what a page may not hold."""
    markdown = read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]
    configs = {**markdown["extension_configs"], f"markdown.extensions.{extension}": {}}
    page = content_file(f"## A section\n\n{text}", Slug="extended")
    build = tiny_site(
        tmp_path, {"pages/extended.md": page}, MARKDOWN={**markdown, "extension_configs": configs}
    )
    assert not build.ok
    assert any(
        m.startswith("content/pages/extended.md, line ") and message in m for m in build.problems()
    ), build.stderr


def test_a_clinic_may_set_a_longer_review_cycle(tmp_path):
    far = content_file(Slug="far", Next_review=TODAY.replace(year=TODAY.year + 4).isoformat())
    default = tiny_site(tmp_path / "default", {"pages/far.md": far})
    assert not default.ok and any("more than 3 years after" in m for m in default.problems())
    longer = tiny_site(tmp_path / "longer", {"pages/far.md": far}, CONTENT_REVIEW_MAX_YEARS=5)
    assert longer.ok, longer.stderr


def test_a_field_written_with_a_space_is_one_problem_not_three(broken_builds):
    assert broken_builds["pages/next-review-with-space.md"].problems() == [
        'content/pages/next-review-with-space.md, line 5: "Next review" is not a field this site '
        'knows. Did you mean "Next-review"? The fields are: Title, Slug, Summary, Reviewed, '
        "Next-review, Reviewer, Order, Template, Save_as, URL, Status, Lang."
    ]


def test_a_box_indented_by_two_spaces_or_not_at_all_never_renders_empty(broken_builds, tmp_path):
    assert len(broken_builds["pages/box-indented-two-spaces.md"].problems()) == 1
    assert len(broken_builds["pages/box-not-indented.md"].problems()) == 1
    assert len(broken_builds["pages/card-indented-two-spaces.md"].problems()) == 1


def test_a_misspelt_placeholder_is_never_shown_on_the_page(broken_builds):
    build = broken_builds["pages/placeholder-with-a-space.md"]
    assert not (build.output / "placeholder-with-a-space.html").exists()  # nothing written


def test_a_2_mb_page_is_refused_for_its_size_before_it_is_parsed(tmp_path):
    paragraph = "Walk for 20 minutes every day, and wear the stocking as you were told. " * 20
    huge = content_file(
        ("## A section\n\n" + (paragraph + "\n\n") * 1400), Title="Huge", Slug="huge"
    )
    build = tiny_site(tmp_path, {"pages/huge.md": huge})
    assert build.problems() == [
        "content/pages/huge.md: the file is 2.0 MB; the site accepts pages up to 1 MB. Split it "
        "into several pages, or remove pasted material."
    ]


def test_a_pathological_page_is_stopped_in_bounded_time(tmp_path):
    nested = "".join("    " * depth + "- a\n" for depth in range(600))  # 0.7 MB
    build = tiny_site(
        tmp_path, {"pages/nested.md": content_file(nested, Slug="nested")}, CONTENT_READ_SECONDS=2
    )
    assert not build.ok
    assert any(m.startswith("content/pages/nested.md: this file") for m in build.problems()), (
        build.stderr
    )


def test_every_problem_is_reported_together_not_just_the_first(tmp_path):
    names = [
        "pages/invalid-date.md",
        "pages/script-tag.md",
        "pages/link-to-missing-file.md",
        "pages/not-utf8.md",
        "pages/missing-title.md",
    ]
    build = tiny_site(tmp_path, {name: (BROKEN / name).read_bytes() for name in names})
    assert not build.ok
    assert "5 problem(s) in the content must be fixed" in build.stderr
    for name in names:
        assert f"content/{name}" in build.stderr


def test_a_rule_that_crashes_is_one_line_and_the_other_rules_still_report(tmp_path, monkeypatch):
    from content_checks import markup

    def broken_rule(document, root):
        raise RuntimeError("a bug in a rule")

    monkeypatch.setattr(markup, "check", broken_rule)
    build = tiny_site(  # its own cache: no page kept by a build without the broken rule
        tmp_path,
        {"pages/invalid-date.md": (BROKEN / "pages/invalid-date.md").read_text()},
        CACHE_PATH=str(tmp_path / "cache"),
    )
    assert not build.ok
    crashes = [
        m for m in build.problems() if "broken_rule failed (RuntimeError('a bug in a rule'))" in m
    ]
    assert crashes and all("the other checks still ran" in m for m in crashes)
    assert any('"Next-review" is 2024-02-30' in m for m in build.problems())


@pytest.mark.parametrize("target", ["/proc/self/environ", "/etc/passwd", "folder"])
def test_a_link_to_anything_outside_content_is_refused(tmp_path, target):
    content = tmp_path / "content"
    shutil.copytree(TINY, content)
    if target == "folder":
        (tmp_path / "elsewhere").mkdir()
        (tmp_path / "elsewhere" / "secret.txt").write_text("secret")
        os.symlink(tmp_path / "elsewhere", content / "images" / "more")
        name = "images/more"
    else:
        os.symlink(target, content / "images" / "leg-copy.png")
        name = "images/leg-copy.png"
    build = tiny_site(tmp_path)
    assert not build.ok
    assert any(
        m.startswith(f"content/{name}: this is a link (a shortcut)") for m in build.problems()
    )
    assert not build.output.exists()


def test_a_build_date_that_is_not_a_number_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "next tuesday")
    build = tiny_site(tmp_path)
    assert not build.ok
    assert any(
        'SOURCE_DATE_EPOCH is "next tuesday": it must be a whole number of seconds' in problem
        for problem in build.problems()
    ), build.stderr


def test_the_emergency_number_setting_must_be_text(tmp_path):
    build = tiny_site(tmp_path, EMERGENCY_NUMBER=999)
    assert not build.ok
    (problem,) = build.problems()
    assert problem.startswith("pelicanconf.py, line ")
    assert (
        'EMERGENCY_NUMBER is 999, which the site cannot use. Write the number in quotes, e.g. EMERGENCY_NUMBER = "911"'
        in problem
    )


@pytest.mark.parametrize(
    "siteurl",
    ["https://example.org/my clinic", 'https://example.org/"x', "https://example.org/?a=1&b=2"],
)
def test_a_site_address_that_would_break_links_is_refused(tmp_path, siteurl):
    build = tiny_site(tmp_path, SITEURL=siteurl)
    assert not build.ok
    assert any(f'SITEURL is "{siteurl}"' in m for m in build.problems())


def test_valid_edge_cases_build_and_keep_their_titles(tmp_path):
    files = {
        f"pages/{path.name}": path.read_text(encoding="utf-8")
        for path in (VALID / "pages").glob("*.md")
    }
    build = tiny_site(tmp_path, files)
    assert build.ok, build.stderr
    for name, text in files.items():
        title = dated(text).lstrip("\ufeff").splitlines()[0].removeprefix("Title: ")
        assert build.read(name.split("/")[1].replace(".md", ".html")).h1.get_text() == title
    assert len(build.read("table.html").table.find_all("tr")) == 3


PICTURE_PAGES = {
    "pages/picture.md": content_file(
        "![A leg after treatment]({static}/images/leg.png)", Slug="picture"
    ),
    "es/pages/picture.md": content_file(
        "![Una pierna después del tratamiento]({static}/images/leg.png)",
        Slug="picture",
        Lang="es",
        Translator="Una persona de prueba (traducción de prueba)",
    ),
}


def test_a_picture_written_the_documented_way_shows_on_every_page(tmp_path):
    build = tiny_site(tmp_path, PICTURE_PAGES)
    assert build.ok, build.stderr
    assert build.read("picture.html").select_one("main img")["src"] == "./images/leg.png"
    assert build.read("es/picture.html").select_one("main img")["src"] == "../images/leg.png"
    assert (build.output / "images" / "leg.png").is_file()


def test_a_picture_written_the_documented_way_shows_on_a_site_published_under_a_sub_path(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("SITEURL", "https://example.org/clinic")
    every_file = {
        path.relative_to(TINY).as_posix(): signed_off(path.read_text(encoding="utf-8"))
        for path in TINY.rglob("*.md")
    }
    every_file.update({name: signed_off(text) for name, text in PICTURE_PAGES.items()})
    build = tiny_site(tmp_path, every_file, settings="publishconf.py")
    assert build.ok, build.stderr
    for page in ("picture.html", "es/picture.html"):
        src = build.read(page).select_one("main img")["src"]
        assert src == "https://example.org/clinic/images/leg.png", page
    assert (build.output / "images" / "leg.png").is_file()


def test_overdue_review_is_a_warning_in_html_and_an_error_in_publish(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://example.org")  # make publish needs the address
    overdue = (BROKEN / "pages" / "review-overdue.md").read_text(encoding="utf-8")
    message = (
        "content/pages/review-overdue.md, line 5: this page was due for review on 2020-01-01, "
        "which has passed."
    )
    html = tiny_site(tmp_path / "html", {"pages/review-overdue.md": overdue})
    assert html.ok, html.stderr
    assert any(m.startswith(message) for m in html.problems()) and "1 warning(s)" in html.stderr
    every_file = {
        p.relative_to(TINY).as_posix(): signed_off(p.read_text()) for p in TINY.rglob("*.md")
    }
    publish = tiny_site(
        tmp_path / "publish",
        {**every_file, "pages/review-overdue.md": signed(overdue)},
        settings="publishconf.py",
    )
    assert not publish.ok
    assert any(m.startswith(message) for m in publish.problems())
    assert "1 problem(s) in the content must be fixed" in publish.stderr


def test_a_warning_from_pelican_itself_still_fails_the_build(tmp_path):
    """What no rule covers, Pelican may still warn about: that stops the build too."""

    def warn(generators):
        logging.getLogger("pelican.generators").warning("Something Pelican did not like.")

    signals.all_generators_finalized.connect(warn)
    try:
        build = tiny_site(tmp_path)
    finally:
        signals.all_generators_finalized.disconnect(warn)
    assert not build.ok
    assert "Pelican reported: Something Pelican did not like. Ask the web team." in build.stderr
