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
"""

import os
from typing import NamedTuple

from pelican import signals
from pelican.contents import Page


class GuideEntry(NamedTuple):
    """A guide article as the lists show it. Every page lists every article, and
    Pelican works ``Page.url`` out again at each use, so it is worked out once here
    (in a 500-article guide that was a third of the build)."""

    page: Page
    url: str
    title: str


def in_guide(page, guide_path):
    return page.relative_source_path.startswith(guide_path + os.sep)


def order_of(page):
    try:
        return int(page.metadata.get("order", ""))
    except ValueError:
        return float("inf")  # unordered pages go last; the content checks report them


def build_guide(generator):
    guide_path = generator.settings.get("GUIDE_PATH", "articles")
    guide = sorted(
        (page for page in generator.pages if in_guide(page, guide_path)),
        key=lambda page: (order_of(page), page.title),
    )
    entries = [GuideEntry(page, page.url, page.title) for page in guide]
    for number, page in enumerate(guide, start=1):
        page.guide_number = number
        page.guide_previous = entries[number - 2] if number > 1 else None
        page.guide_next = entries[number] if number < len(guide) else None
    generator.context["guide_pages"] = entries
    by_slug = {page.slug: page for page in generator.pages}
    generator.context["home_page"] = next((p for p in generator.pages if p.save_as == "index.html"), None)
    for setting, name in (("MENU_PAGES", "menu_pages"), ("FOOTER_PAGES", "footer_pages")):
        pages = [by_slug[slug] for slug in generator.settings.get(setting, []) if slug in by_slug]
        generator.context[name] = [GuideEntry(page, page.url, page.title) for page in pages]


def register():
    signals.page_generator_finalized.connect(build_guide)
