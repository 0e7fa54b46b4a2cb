"""Translation rules: every translation has its English original, keeps its place in
the guide, and is not older than the original.

Guarantees, across the site: a page in a language's folder (content/es/…) has the
Slug of an English page, and a shared part in content/es/shared/ the name of one in
content/shared/; else it translates nothing, an error naming its file. A part of the
guide has its original's ``Order``. A translation whose original was reviewed after
it (the original's ``Reviewed`` is later than the translation's, which is the
``Reviewed`` of the English it was made from) is out of date: a warning naming both
files, an error with CONTENT_OUTDATED_TRANSLATION_IS_ERROR (``make publish``), so an
old translation never goes live beside a corrected English page unnoticed.
"""

import os

from review_dates import parse_date

from .metadata import all_pages
from .problems import ERROR, WARNING


def check(run, generators):
    settings = run.settings
    default = settings["DEFAULT_LANG"]
    pages = [
        (page, run.documents[page.relative_source_path])
        for generator in generators
        for page in all_pages(generator)
        if page.relative_source_path in run.documents
    ]
    originals = {page.slug: document for page, document in pages if page.lang == default}
    for page, document in pages:
        if not document.translated:
            continue
        original = originals.get(page.slug)
        if original is None:
            slug = document.first("Slug")
            document.report(
                slug.line if slug else 0,
                f'no English page has the Slug "{page.slug}", so this page translates nothing. '
                "A translation has the Slug of the English page it translates: correct the "
                "Slug, or write the English page first.",
            )
        else:
            compare(document, original, settings)
    for document in list(run.documents.values()):
        if document.role == "shared" and document.translated:
            name = os.path.basename(document.relative)[:-3]
            original = run.library.part(name, default)
            if original is None:
                document.report(
                    0,
                    f"content/shared/ has no {name}.md, so this part translates "
                    "nothing. A translated part has the file name of the English part "
                    "it translates.",
                )
            else:
                compare(document, original, settings)


def compare(translation, original, settings):
    order, original_order = translation.first("Order"), original.first("Order")
    if order and original_order and order.value != original_order.value:
        translation.report(
            order.line,
            f'"Order" is {order.value}, but the English original '
            f"{original.path} has {original_order.value}: a translation keeps its "
            f'place in the guide. Write "Order: {original_order.value}".',
        )
    ours, theirs = (parse_date(d.value("Reviewed")) for d in (translation, original))
    if ours and theirs and theirs > ours:
        translation.report(
            translation.first("Reviewed").line,
            f"the English original {original.path} was reviewed on {theirs}, after the "
            f"English this translation was made from (Reviewed: {ours}): update the "
            f'translation to match it, then write "Reviewed: {theirs}".',
            ERROR if settings.get("CONTENT_OUTDATED_TRANSLATION_IS_ERROR") else WARNING,
        )
