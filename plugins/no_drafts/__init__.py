"""Drafts stay off the public site (`make publish` loads this plugin; `make html` does not).

Guarantees: a page marked ``Status: draft`` (or a translation of one) is dropped before
anything is written, so the published output holds no file of it, not even when the
page names its own ``Save_as`` (which Pelican's empty DRAFT_PAGE_SAVE_AS setting would
not stop). The `make html` preview still shows drafts, under drafts/.
"""

from pelican import signals


def drop_drafts(generator):
    # Cleared in place: the template context holds these same lists.
    generator.draft_pages.clear()
    generator.draft_translations.clear()


def register():
    signals.page_generator_finalized.connect(drop_drafts)
