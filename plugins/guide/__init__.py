"""The articles read as one guide, and the site's menus.

Guarantees: every page whose source is under GUIDE_PATH (``content/articles``)
is part of the guide, ordered by its ``Order`` metadata. Templates get
``guide_pages`` (the ordered list, on every page, for the navigation and the
contents list) and, on each guide page, ``page.guide_previous`` and
``page.guide_next`` (None at either end) and ``page.guide_number`` (1-based).
Each of those is a ``GuideEntry``: the page, its URL and its title.
``menu_pages`` and ``footer_pages`` are the pages named (by slug) in the
settings MENU_PAGES and FOOTER_PAGES, as GuideEntry too, so no template writes
an address or a title of its own; a slug no page has is left out here (the
content checks report it). ``home_page`` is the page saved as index.html.

Each language has its guide and menus: the same pages in the same order, each in
that language where it is translated, else in English (so no part is ever missing);
``by_language`` in the context holds them per language code, and the plugin
translations shows each page with those of its language. A translation's
``guide_number``, ``guide_previous`` and ``guide_next`` are those of its language's
guide. The guide's folder is GUIDE_PATH inside each language's folder
(``content/es/articles``).
"""

from typing import NamedTuple

from pelican import signals
from pelican.contents import Page

from translations import split_language, version_in


class GuideEntry(NamedTuple):
    """A guide article as the lists show it. Every page lists every article, and
    Pelican works ``Page.url`` out again at each use, so it is worked out once here
    (in a 500-article guide that was a third of the build)."""

    page: Page
    url: str
    title: str


def in_guide(page, guide_path):
    _, place = split_language(page.relative_source_path, page.settings)
    return place.startswith(guide_path + "/")


def order_of(page):
    try:
        return int(page.metadata.get("order", ""))
    except ValueError:
        return float("inf")  # unordered pages go last; the content checks report them


def entry(page):
    return GuideEntry(page, page.url, page.title)


def shown_in(lang, page):
    """The page as a reader in ``lang`` gets it: translated, or else in English."""
    return version_in(page, lang) or page


def build_guide(generator):
    settings = generator.settings
    guide_path = settings.get("GUIDE_PATH", "articles")
    originals = [page for page in generator.pages if page.lang == settings["DEFAULT_LANG"]]
    guide = sorted(
        (page for page in originals if in_guide(page, guide_path)),
        key=lambda page: (order_of(page), page.title),
    )
    by_slug = {page.slug: page for page in originals}
    home = next((p for p in originals if p.save_as == "index.html"), None)
    by_language = generator.context["by_language"] = {}
    for lang in settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]]:
        pages = [shown_in(lang, page) for page in guide]
        entries = [entry(page) for page in pages]
        for number, page in enumerate(pages, start=1):
            if page.lang == lang:
                page.guide_number = number
                page.guide_previous = entries[number - 2] if number > 1 else None
                page.guide_next = entries[number] if number < len(pages) else None
        by_language[lang] = {"guide_pages": entries, "home_page": home and shown_in(lang, home)}
        for setting, name in (("MENU_PAGES", "menu_pages"), ("FOOTER_PAGES", "footer_pages")):
            named = [by_slug[slug] for slug in settings.get(setting, []) if slug in by_slug]
            by_language[lang][name] = [entry(shown_in(lang, page)) for page in named]
    generator.context.update(by_language[settings["DEFAULT_LANG"]])


def register():
    signals.page_generator_finalized.connect(build_guide)
