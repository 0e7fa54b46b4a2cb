"""The five articles read as one guide.

Guarantees: every page whose source is under GUIDE_PATH (``content/articles``)
is part of the guide, ordered by its ``Order`` metadata. Templates get
``guide_pages`` (the ordered list, on every page, for the navigation and the
contents list) and, on each guide page, ``page.guide_previous`` and
``page.guide_next`` (None at either end) and ``page.guide_number`` (1-based).
"""

import os

from pelican import signals


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
    for number, page in enumerate(guide, start=1):
        page.guide_number = number
        page.guide_previous = guide[number - 2] if number > 1 else None
        page.guide_next = guide[number] if number < len(guide) else None
    generator.context["guide_pages"] = guide


def register():
    signals.page_generator_finalized.connect(build_guide)
