"""The guide in Spanish: every page and the theme in the reader's language, a link to the
same page in the other language, free language help offered in both, and a translation
never published before a qualified translator has checked it (45 CFR 92.201(c)(3)).

Everything expected is read from the content (content/es/), the settings (LANGUAGES,
EMERGENCY_NUMBER) and the theme's table of words (theme/strings.toml), never typed here.
"""

import ast
import datetime
import locale
import pathlib
import re
import xml.etree.ElementTree as ET

import jinja2
import pytest

import pictures
from components.extension import CARDS, PLACEHOLDER
from conftest import (
    DEFAULT_LANG,
    PAGES,
    ROOT,
    SETTINGS,
    TODAY,
    TRANSLATIONS,
    page_path,
    signed,
    signed_off,
    visible_text,
)
from publishing import EXAMPLE_SITEURL, pages_in_every_language, soup_of
from review_dates import MONTHS
from support import TINY, content_file, tiny_site
from test_shared_parts import numbers_table
from translations import strings, text

TEMPLATES = ROOT / "theme" / "templates"
LANGUAGES = SETTINGS["LANGUAGES"]
# Every page of every language: (language, slug, information block)
ALL = [(DEFAULT_LANG, slug, meta) for slug, meta in PAGES.items()] + [
    (lang, slug, meta) for lang, pages in TRANSLATIONS.items() for slug, meta in pages.items()
]
SPANISH = [(slug, meta) for slug, meta in TRANSLATIONS["es"].items()]


def name(lang, slug, meta):
    """The page as the `page` fixture reads it: "risks", "es/risks"."""
    return page_path(slug, meta, lang)[:-5]


def words(lang, english):
    return text(SETTINGS, lang, english)


def counterpart(lang, slug):
    """(language, slug, block) of the same page in the other language, or None."""
    other = "es" if lang == DEFAULT_LANG else DEFAULT_LANG
    pages = PAGES if other == DEFAULT_LANG else TRANSLATIONS[other]
    return (other, slug, pages[slug]) if slug in pages else None


# --- What a patient gets -------------------------------------------------------------


def test_every_translation_has_its_english_original_and_is_written_in_its_language():
    for lang, pages in TRANSLATIONS.items():
        assert pages, f"content/{lang}/ has no pages"
        for slug, meta in pages.items():
            assert slug in PAGES, f"content/{lang}/: {slug} has no English original"
            assert meta["lang"] == lang


@pytest.mark.parametrize(("slug", "meta"), SPANISH)
def test_a_spanish_page_is_in_spanish_under_es(page, slug, meta):
    soup = page(name("es", slug, meta))
    assert soup.html["lang"] == "es"
    assert soup.h1.get_text(strip=True) == meta["title"]
    assert soup.title.get_text().endswith(LANGUAGES["es"]["sitename"])


@pytest.mark.parametrize(("lang", "slug", "meta"), ALL)
def test_every_page_links_to_the_same_page_in_the_other_language_named_in_that_language(
    page, lang, slug, meta
):
    here = page_path(slug, meta, lang)
    switch = page(name(lang, slug, meta)).select(".language-switch")
    assert len(switch) == len(LANGUAGES) - 1
    link = switch[0]
    other, other_slug, other_meta = counterpart(lang, slug) or (None, None, None)
    if other is None:  # not translated yet: the way in is the other language's home page
        assert lang == DEFAULT_LANG, f"{here} has no English original"
        other, other_slug, other_meta = "es", "index", TRANSLATIONS["es"]["index"]
    target = page_path(other_slug, other_meta, other)
    assert (pathlib.PurePosixPath(here).parent / link["href"]).as_posix().lstrip(
        "./"
    ) == target or link["href"].endswith("/" + target)
    assert link["lang"] == link["hreflang"] == other
    assert link.get_text(strip=True) == LANGUAGES[other]["name"]
    assert not link.find(["img", "svg"]), "a language is named, never shown as a flag"


@pytest.mark.parametrize(("lang", "slug", "meta"), ALL)
def test_every_page_offers_free_language_help_in_every_language(page, lang, slug, meta):
    notices = page(name(lang, slug, meta)).select(".language-help__text")
    assert [notice["lang"] for notice in notices] == list(LANGUAGES)
    for notice in notices:
        offer = words(
            notice["lang"], "Free language help, such as an interpreter, is available to you."
        )
        assert offer in notice.get_text()


def test_the_language_help_gives_the_clinics_phone_when_it_is_set(tmp_path):
    build = tiny_site(tmp_path, CLINIC_PHONE="555 0100")
    assert build.ok, build.stderr
    for page in ("index.html", "es/index.html"):
        for notice in build.read(page).select(".language-help__text"):
            assert words(notice["lang"], "Call the clinic:") in notice.get_text()
            assert notice.select_one("a[href='tel:5550100']").get_text() == "555 0100"


@pytest.mark.parametrize(("slug", "meta"), SPANISH)
def test_a_spanish_page_draws_the_theme_in_spanish(page, slug, meta):
    soup = page(name("es", slug, meta))
    assert soup.select_one(".skip-link").get_text() == words("es", "Skip to main content")
    assert soup.select_one("nav.site-nav")["aria-label"] == words("es", "Guide")
    footer = soup.select_one(".site-footer__disclaimer").get_text()
    assert footer == words(
        "es",
        "This guide gives general information. It does not replace advice from your own "
        "doctor or nurse. In an emergency, call %(number)s.",
    ) % {"number": SETTINGS["EMERGENCY_NUMBER"]}
    if soup.select_one(".breadcrumb"):
        assert soup.select_one(".breadcrumb__link").get_text() == words("es", "Home")
    if "order" in meta:
        assert soup.select_one(".contents-list__heading").get_text() == words("es", "Contents")
    if soup.select_one("section.sources"):
        assert soup.select_one(".sources__heading").get_text() == words("es", "Sources")
    for kind, (prefix, heading) in CARDS.items():
        for card in soup.select(f".care-card--{kind} .care-card__heading"):
            assert card.select_one(".visually-hidden").get_text() == words("es", prefix)
            assert card.get_text() == words("es", prefix) + words("es", heading).format(
                emergency_number=SETTINGS["EMERGENCY_NUMBER"]
            )


@pytest.mark.parametrize(("slug", "meta"), SPANISH)
def test_review_dates_on_a_spanish_page_have_spanish_month_names(page, slug, meta):
    for time in page(name("es", slug, meta)).select(".review-dates time"):
        date = datetime.date.fromisoformat(time["datetime"])
        assert (
            time.get_text() == f"{date.day} de {words('es', MONTHS[date.month - 1])} de {date.year}"
        )


def test_dates_are_written_in_the_pages_language_whatever_the_machines_locale(tmp_path):
    """The machine's locale (C here, which names months in English) decides nothing."""
    before = locale.setlocale(locale.LC_TIME)
    locale.setlocale(locale.LC_TIME, "C.UTF-8")
    try:
        build = tiny_site(tmp_path)
    finally:
        locale.setlocale(locale.LC_TIME, before)
    assert build.ok, build.stderr
    month = TODAY.month - 1
    spanish = build.read("es/index.html").select_one(".review-dates time").get_text()
    english = build.read("index.html").select_one(".review-dates time").get_text()
    assert (
        spanish
        == f"{TODAY.day} de {strings(SETTINGS['THEME'])['es'][MONTHS[month]]} de {TODAY.year}"
    )
    assert english == f"{TODAY.day} {MONTHS[month]} {TODAY.year}"


@pytest.mark.parametrize(
    "slug", [slug for slug in TRANSLATIONS["es"] if slug in PAGES and slug != "404"]
)
def test_a_spanish_page_has_the_same_sources_cards_shared_parts_and_numbers_as_its_original(
    page, slug
):
    english, spanish = page(slug), page(f"es/{slug}")

    def parts(soup):
        return {
            # as a set: a translation may first cite them in another order (the glossary's
            # words are in Spanish alphabetical order)
            "sources": sorted(li["id"] for li in soup.select(".sources__item")),
            "cards": [card["class"] for card in soup.select(".care-card")],
            "shared": [div["class"] for div in soup.select(".shared-part")],
            "boxes": [
                len(soup.select(kind))
                for kind in (".warning-callout", ".do-dont-list", ".timeline")
            ],
        }

    assert parts(spanish) == parts(english)
    numbers = [
        set(PLACEHOLDER.findall(path.read_text(encoding="utf-8")))
        for path in (source_of(DEFAULT_LANG, slug), source_of("es", slug))
    ]
    assert numbers[0] == numbers[1]


def source_of(lang, slug):
    """The Markdown file of a page of a language."""
    folder = ROOT / "content" / ("" if lang == DEFAULT_LANG else lang)
    return next(
        path
        for path in folder.glob("[ap]*/*.md")
        if (path.stem == slug or f"\nSlug: {slug}\n" in path.read_text(encoding="utf-8"))
    )


def test_a_range_reads_a_on_a_spanish_page_and_to_on_an_english_one(tmp_path):
    body = "## Parte\n\nCamine durante {walk_after_minutes} minutos.[^K1]"
    build = tiny_site(
        tmp_path,
        {
            "es/articles/procedure.md": content_file(
                body,
                Title="Qué pasa",
                Slug="procedure",
                Lang="es",
                Order=1,
                Translator="Una prueba",
            )
        },
    )
    assert build.ok, build.stderr
    assert "camine durante 15 a 20 minutos." in visible_text(
        build.read("es/procedure.html").select_one("main")
    )
    assert "walk for 15 to 20 minutes" in visible_text(
        build.read("procedure.html").select_one("main")
    )


def test_a_spanish_page_shows_the_spanish_version_of_a_shared_part(tmp_path):
    spanish_card = (TINY / "es" / "shared" / "emergency.md").read_text(encoding="utf-8")
    english_card = (TINY / "shared" / "emergency.md").read_text(encoding="utf-8")
    page = content_file(
        "## Ayuda\n\n!!! emergency",
        Title="Privacidad",
        Slug="privacy",
        Lang="es",
        Translator="Una prueba",
    )
    build = tiny_site(tmp_path, {"es/pages/privacy.md": page})
    assert build.ok, build.stderr
    card = visible_text(build.read("es/privacy.html").select_one(".care-card__content"))
    assert last_item(spanish_card) in card and last_item(english_card) not in card


def last_item(card):
    """The text of a card's last list item, without its citation."""
    return re.sub(r"\[\^\w+\]", "", card.strip().splitlines()[-1]).removeprefix("- ").lower()


def test_a_translation_shares_its_originals_slug_but_two_pages_of_one_language_may_not(tmp_path):
    spanish = content_file(
        "Texto.", Title="Privacidad", Slug="privacy", Lang="es", Translator="Una prueba"
    )
    build = tiny_site(tmp_path / "one", {"es/pages/privacy.md": spanish})
    assert build.ok and build.problems() == [], build.stderr
    twice = content_file(
        "Texto.", Title="Privacidad otra vez", Slug="privacy", Lang="es", Translator="Una prueba"
    )
    build = tiny_site(
        tmp_path / "two", {"es/pages/privacy.md": spanish, "es/pages/privacy-again.md": twice}
    )
    assert not build.ok
    assert any(
        m.startswith(
            'content/es/pages/privacy-again.md, line 5: the slug "privacy" is also used by '
            "content/es/pages/privacy.md"
        )
        for m in build.problems()
    ), build.stderr


def test_a_spanish_page_showing_a_part_with_no_spanish_version_is_an_error(tmp_path):
    part = content_file("- tell us about your medicines.[^K1]", Title="Medicines")
    page = content_file(
        "!!! shared medicines",
        Title="Privacidad",
        Slug="privacy",
        Lang="es",
        Translator="Una prueba",
    )
    build = tiny_site(tmp_path, {"shared/medicines.md": part, "es/pages/privacy.md": page})
    assert not build.ok
    assert (
        'content/es/pages/privacy.md, line 9: there is no shared part "medicines" in content/es/shared/'
        in build.stderr
    )


@pytest.mark.parametrize(
    ("slug", "meta"),
    [(s, m) for s, m in SPANISH if "!!! picture" in source_of("es", s).read_text()],
)
def test_a_picture_on_a_spanish_page_is_drawn_and_named_in_spanish(page, slug, meta):
    english = page(slug).select("figure.picture")
    spanish = page(f"es/{slug}").select("figure.picture")
    assert [f["class"] for f in spanish] == [f["class"] for f in english]
    for figure_es, figure_en in zip(spanish, english, strict=True):
        svg_es, svg_en = figure_es.find("svg"), figure_en.find("svg")
        labels_en = [" ".join(t.stripped_strings) for t in svg_en.select("text.picture__label")]
        labels_es = [" ".join(t.stripped_strings) for t in svg_es.select("text.picture__label")]
        assert labels_es and labels_es != labels_en
        assert svg_es["aria-label"] != svg_en["aria-label"]
        # every label the drawing shows is also said to people who cannot see it
        said = " ".join(svg_es["aria-label"].split()).lower()
        assert all(" ".join(label.split()).lower() in said for label in labels_es)


def test_the_spanish_not_found_page_leads_to_the_spanish_home_and_guide_with_the_emergency_number(
    page,
):
    soup = page("es/404")
    assert (
        soup.html["lang"] == "es"
        and soup.h1.get_text(strip=True) == TRANSLATIONS["es"]["404"]["title"]
    )
    links = {
        a["href"].split("#")[0]: a.get("lang")
        for a in soup.select("main a")
        if not a["href"].startswith("mailto:")  # the feedback e-mail, when the clinic has one
    }
    assert any(link.endswith("/es/index.html") for link in links), (
        "no link to the Spanish home page"
    )
    # never into the English site, but to a part of the guide not translated yet, marked so
    english = {f"{slug}.html" for slug, lang, _ in spanish_guide() if lang == DEFAULT_LANG}
    for link, lang in links.items():
        assert "/es/" in link or (link.rsplit("/", 1)[-1] in english and lang == DEFAULT_LANG), link
    assert SETTINGS["EMERGENCY_NUMBER"] in soup.select_one("main").get_text()


# --- The guide in each language ---------------------------------------------------------


def spanish_guide():
    """The guide as a Spanish reader gets it: [(slug, language, block)], each part of the
    English guide in order, in Spanish, or in English while it is not translated yet."""
    return [
        (slug, "es", TRANSLATIONS["es"][slug])
        if slug in TRANSLATIONS["es"]
        else (slug, DEFAULT_LANG, meta)
        for slug, meta in PAGES.items()
        if "order" in meta
    ]


def address(lang, slug):
    return f"es/{slug}.html" if lang == "es" else f"{slug}.html"


def test_the_spanish_guide_is_the_english_guide_in_order_in_spanish(page):
    guide = spanish_guide()
    assert sum(lang == "es" for _, lang, _ in guide) > 1
    for slug, _, meta in guide:
        assert meta["order"] == PAGES[slug]["order"]
    spanish_orders = [meta["order"] for meta in TRANSLATIONS["es"].values() if "order" in meta]
    assert sorted(spanish_orders, key=int) == [
        meta["order"] for _, lang, meta in guide if lang == "es"
    ]
    nav = page("es/index").select("nav.site-nav a")
    assert [(a["href"].lstrip("./"), a.get_text(), a.get("lang")) for a in nav][: len(guide)] == [
        (address(lang, slug), meta["title"], None if lang == "es" else lang)
        for slug, lang, meta in guide
    ]


def test_previous_next_and_breadcrumbs_stay_in_the_spanish_guide(page):
    guide = spanish_guide()
    for number, (slug, lang, _) in enumerate(guide, start=1):
        if lang != "es":
            continue
        soup = page(f"es/{slug}")
        crumb = soup.select(".breadcrumb__item")[-1].get_text()
        assert crumb == words("es", "Sclerotherapy guide, part %(number)s of %(total)s") % {
            "number": number,
            "total": len(guide),
        }
        following = soup.select_one(".pagination a[rel=next]")
        if number < len(guide):
            next_slug, next_lang, _ = guide[number]
            assert following["href"].lstrip("./") == address(next_lang, next_slug)
            assert following.select_one(".pagination__label").get_text() == words("es", "Next")
        else:
            assert following is None


def test_a_part_not_yet_translated_is_in_the_spanish_guide_in_english_marked_as_english(tmp_path):
    build = tiny_site(tmp_path)  # the tiny guide article is in English only
    assert build.ok, build.stderr
    link = build.read("es/index.html").select_one(".guide-overview__link")
    assert link["href"] == "../procedure.html" and link["lang"] == "en"
    assert build.read("es/index.html").select_one(".language-switch")["href"] == "../index.html"
    # and from the untranslated page, the way to Spanish is the Spanish home page
    assert build.read("procedure.html").select_one(".language-switch")["href"] == "./es/index.html"


def test_the_menus_of_a_spanish_page_name_the_spanish_pages(page):
    soup = page("es/index")
    for setting, selector in (
        ("MENU_PAGES", "nav.site-nav a"),
        ("FOOTER_PAGES", ".site-footer__links a"),
    ):
        shown = [(a["href"].rsplit("/", 1)[-1], a.get_text()) for a in soup.select(selector)][
            -len(SETTINGS[setting]) :
        ]
        assert shown == [
            (f"{slug}.html", TRANSLATIONS["es"][slug]["title"]) for slug in SETTINGS[setting]
        ]


WHOLE_GUIDE = SETTINGS["WHOLE_GUIDE_SAVE_AS"].removesuffix(".html")


def test_the_spanish_whole_guide_has_the_spanish_parts_in_order_in_spanish(page):
    soup = page(f"es/{WHOLE_GUIDE}")
    assert soup.html["lang"] == "es"
    titles = [h.get_text(" ", strip=True) for h in soup.select(".whole-guide__part-title")]
    assert titles == [
        words("es", "Part %(number)s: %(title)s") % {"number": n, "title": meta["title"]}
        for n, (_, _, meta) in enumerate(spanish_guide(), start=1)
    ]
    pointers = soup.select(".whole-guide__see-card")
    assert pointers and all(p.get_text().startswith(words("es", "See")) for p in pointers)
    switch = soup.select_one(".language-switch")
    assert switch["href"].endswith(f"/{WHOLE_GUIDE}.html") and switch["lang"] == DEFAULT_LANG


@pytest.mark.parametrize("slug", [slug for slug, lang, _ in spanish_guide() if lang == "es"])
def test_every_spanish_guide_page_links_to_the_spanish_whole_guide(page, slug):
    link = page(f"es/{slug}").select_one(".whole-guide-links a")
    assert link["href"].endswith(f"es/{WHOLE_GUIDE}.html")
    assert link.get_text() == words("es", "Print or save the whole guide")


# --- Never published unreviewed ---------------------------------------------------------


@pytest.mark.parametrize(("slug", "meta"), SPANISH)
def test_a_translation_says_it_awaits_review_exactly_while_no_translator_has_checked_it(
    page, slug, meta
):
    soup = page(name("es", slug, meta))
    notice = soup.select(".review-notice__text--translation")
    assert len(notice) == (0 if meta.get("translation-reviewer") else 1)
    dates = soup.select_one(".review-dates").get_text(" ", strip=True)
    assert words("es", "Translation: %(translator)s") % {"translator": meta["translator"]} in dates


def test_a_checked_translation_names_its_reviewer_and_has_no_notice(tmp_path):
    home = (TINY / "es" / "pages" / "index.md").read_text(encoding="utf-8")
    checked = signed(
        home, "Ana Example, certified medical translator (ATA)", "Translation-reviewer"
    )
    build = tiny_site(tmp_path, {"es/pages/index.md": checked})
    assert build.ok, build.stderr
    soup = build.read("es/index.html")
    assert soup.select(".review-notice__text--translation") == []
    assert (
        words("es", "Translation checked by %(name)s")
        % {"name": "Ana Example, certified medical translator (ATA)"}
        in soup.select_one(".review-dates").get_text()
    )
    assert build.read("es/index.html").select(".review-notice__text--translation") == []


def test_publish_refuses_a_translation_no_qualified_translator_has_checked_naming_the_file(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("SITEURL", "https://example.org")
    files = {p.relative_to(TINY).as_posix(): signed_off(p.read_text()) for p in TINY.rglob("*.md")}
    files["es/pages/index.md"] = signed(
        (TINY / "es" / "pages" / "index.md").read_text()
    )  # a clinician's only
    build = tiny_site(tmp_path, files, settings="publishconf.py")
    assert not build.ok
    assert build.problems() == [
        (
            "content/es/pages/index.md: no qualified translator has checked this translation yet, so it cannot be "
            "published: a translation of medical information must be checked by a qualified human translator "
            '(45 CFR 92.201(c)(3)). Once one has, add the line "Translation-reviewer: <their name and '
            'qualification>" to the information block.'
        )
    ]


def test_an_outdated_translation_is_a_warning_in_html_and_an_error_in_publish(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("SITEURL", "https://example.org")
    made_from = TODAY - datetime.timedelta(days=30)
    spanish = content_file(
        "## Lo que recoge\n\nNada.",
        Title="Privacidad",
        Slug="privacy",
        Lang="es",
        Translator="Una prueba",
        Reviewed=made_from.isoformat(),
    )
    message = (
        f"content/es/pages/privacy.md, line 3: the English original content/pages/privacy.md was "
        f"reviewed on {TODAY}, after the English this translation was made from (Reviewed: "
        f'{made_from}): update the translation to match it, then write "Reviewed: {TODAY}".'
    )
    html = tiny_site(tmp_path / "html", {"es/pages/privacy.md": spanish})
    assert html.ok, html.stderr
    assert message in html.problems() and "1 warning(s)" in html.stderr
    files = {p.relative_to(TINY).as_posix(): signed_off(p.read_text()) for p in TINY.rglob("*.md")}
    publish = tiny_site(
        tmp_path / "publish",
        {**files, "es/pages/privacy.md": signed_off(spanish)},
        settings="publishconf.py",
    )
    assert not publish.ok
    assert publish.problems() == [message]


def test_content_review_lists_every_spanish_file_for_the_translation_reviewer():
    review = (ROOT / "CONTENT-REVIEW-es.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "content" / "es").rglob("*.md")):
        assert f"content/{path.relative_to(ROOT / 'content').as_posix()}" in review, path


# --- The published site: search engines and link previews ---------------------------


def published_versions(published):
    """{canonical address: {language: canonical address}} of every published page (but the
    404 pages), grouped with the same page in its other languages by their addresses."""
    pages = {}
    for path in pages_in_every_language(published):
        if path.name != "404.html":
            soup = soup_of(path)
            pages[path] = (soup.html["lang"], soup.find("link", rel="canonical")["href"])
    groups = {}
    for path, (lang, address) in pages.items():
        groups.setdefault(path.name, {})[lang] = address
    return groups


def test_every_published_page_lists_itself_its_translation_and_english_as_x_default_in_its_head(
    published,
):
    groups = published_versions(published)
    assert any(len(group) > 1 for group in groups.values()), (
        "no page has a translation: the test proves nothing"
    )
    for path in pages_in_every_language(published):
        if path.name == "404.html":
            continue
        soup = soup_of(path)
        alternates = {
            link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")
        }
        versions = groups[path.name]
        if len(versions) > 1:
            assert alternates == {**versions, "x-default": versions[DEFAULT_LANG]}, path
        else:
            assert alternates == {}, path
        lang = soup.html["lang"]
        assert soup.find("meta", property="og:locale")["content"] == LANGUAGES[lang]["locale"]
        assert sorted(
            m["content"] for m in soup.find_all("meta", property="og:locale:alternate")
        ) == sorted(LANGUAGES[other]["locale"] for other in versions if other != lang)


SITEMAP = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def test_the_sitemap_lists_each_pages_languages_with_href_and_x_default(published):
    """pelican-sitemap 1.2.2 wrote ref= for href=, without the page itself or x-default."""
    root = ET.parse(pathlib.Path(published) / "sitemap.xml").getroot()
    entries = {
        url.findtext("s:loc", namespaces=SITEMAP): url for url in root.findall("s:url", SITEMAP)
    }
    groups = published_versions(published)
    translated = [group for group in groups.values() if len(group) > 1]
    assert translated and all(
        address in entries for group in groups.values() for address in group.values()
    )
    for group in groups.values():
        for address in group.values():
            links = entries[address].findall("xhtml:link", SITEMAP)
            assert all(set(link.attrib) == {"rel", "hreflang", "href"} for link in links), address
            found = {
                link.get("hreflang"): link.get("href")
                for link in links
                if link.get("rel") == "alternate"
            }
            expected = {**group, "x-default": group[DEFAULT_LANG]} if len(group) > 1 else {}
            assert found == expected, address


def test_the_spanish_home_page_is_published_at_its_folders_address(published):
    soup = soup_of(pathlib.Path(published) / "es" / "index.html")
    assert soup.find("link", rel="canonical")["href"] == f"{EXAMPLE_SITEURL}/es/"


# --- The theme's words --------------------------------------------------------------------


def theme_words():
    """Every English text the theme and plugins translate: `_()` and `text_in()` in the
    templates, `words()` and the help cards in the components plugin, the months."""
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    found = set()
    for path in TEMPLATES.rglob("*.html"):
        for _, _, message in env.extract_translations(
            path.read_text(encoding="utf-8"), gettext_functions=("_", "text_in")
        ):
            found.update(m for m in (message if isinstance(message, tuple) else (message,)) if m)
    tree = ast.parse((ROOT / "plugins" / "components" / "extension.py").read_text(encoding="utf-8"))
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "words":
            found.update(
                arg.value
                for arg in call.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            )
    found.update(text for pair in CARDS.values() for text in pair)
    found.update([*MONTHS, "{day} {month} {year}", SETTINGS["SCHEMA_PROCEDURE"]])
    numbers = dict(numbers_table(ROOT / "content" / "shared" / "numbers.md"))
    for picture in pictures.PICTURES.values():  # every word each drawing asks for
        picture.draw(numbers, lambda english: found.add(english) or english)
    return found


def test_every_word_of_the_theme_has_a_translation_in_every_language():
    found = theme_words()
    assert len(found) > 50, "the extraction found too little: the test proves nothing"
    table = strings(SETTINGS["THEME"])
    for lang in LANGUAGES:
        if lang != DEFAULT_LANG:
            assert sorted(found - set(table[lang])) == [], (
                f"theme/strings.toml [{lang}] lacks these"
            )


def test_a_translation_keeps_every_value_the_site_fills_in():
    for lang, table in strings(SETTINGS["THEME"]).items():
        for english, translated in table.items():
            names = set(re.findall(r"%\((\w+)\)s|\{(\w+)\}", english))
            assert set(re.findall(r"%\((\w+)\)s|\{(\w+)\}", translated)) == names, (lang, english)
