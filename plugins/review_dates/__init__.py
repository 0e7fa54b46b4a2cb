"""Review dates of every page, as dates, and the day the build counts as today.

Guarantees: a page's ``Reviewed`` and ``Next-review`` metadata (YYYY-MM-DD)
are available to templates as ``page.reviewed`` and ``page.next_review``,
``datetime.date`` objects, and the ``long_date`` filter writes a date the
way patients read it, in the language of the page it is drawn on, with the
month names of the theme's table of words (plugin translations) whatever the
machine's locale: "25 November 2026", "25 de noviembre de 2026". A value that is not a valid date
stays a string here; the content checks report it. ``today(settings)`` is the
date in the site's TIMEZONE, taken from SOURCE_DATE_EPOCH when it is set (the
reproducible-builds convention: a build, and every test, can fix its day).
"""

import datetime
import os
import zoneinfo

import jinja2
from pelican import signals

from translations import page_language, text

FIELDS = {"reviewed": "reviewed", "next-review": "next_review"}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def parse_date(value):
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def today(settings):
    zone = zoneinfo.ZoneInfo(settings["TIMEZONE"])
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()  # not a number: the checks say so
    now = (
        datetime.datetime.fromtimestamp(int(epoch), zone)
        if epoch.isdigit()
        else datetime.datetime.now(zone)
    )
    return now.date()


def long_date(settings, value, lang):
    month = text(settings, lang, MONTHS[value.month - 1])
    return text(settings, lang, "{day} {month} {year}").format(
        day=value.day, month=month, year=value.year
    )


def attach_dates(content):
    for key, attribute in FIELDS.items():
        if key in content.metadata:
            parsed = parse_date(content.metadata[key])
            setattr(content, attribute, parsed or content.metadata[key])


def add_filter(generator):
    @jinja2.pass_context
    def long_date_filter(context, value):
        return long_date(generator.settings, value, page_language(context))

    generator.env.filters["long_date"] = long_date_filter


def register():
    signals.content_object_init.connect(attach_dates)
    signals.generator_init.connect(add_filter)
