"""The sitemap's last-modified date of a page is its review date.

Guarantees: every page with a valid ``Reviewed`` date, in every language, has ``page.modified``
set to midnight of that day in the site's TIMEZONE, so pelican-sitemap (which
reads ``modified``, then ``date``, then the build time) writes the review
date as ``<lastmod>``. Runs after all pages are read, so ``page.reviewed``
from the ``review_dates`` plugin is already a date; pages without a valid
review date are left alone.
"""

import datetime
import zoneinfo

from pelican import signals


def use_review_dates(generator):
    timezone = zoneinfo.ZoneInfo(generator.settings["TIMEZONE"])
    for page in generator.pages + generator.translations:
        reviewed = getattr(page, "reviewed", None)
        if isinstance(reviewed, datetime.date):
            page.modified = datetime.datetime.combine(reviewed, datetime.time(), timezone)


def register():
    signals.page_generator_finalized.connect(use_review_dates)
