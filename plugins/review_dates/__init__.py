"""Review dates of every page, as dates.

Guarantees: a page's ``Reviewed`` and ``Next-review`` metadata (YYYY-MM-DD)
are available to templates as ``page.reviewed`` and ``page.next_review``,
``datetime.date`` objects, and the ``long_date`` filter writes a date the
way patients read it ("25 November 2026"). A value that is not a valid date
stays a string here; the content checks report it.
"""

import datetime

from pelican import signals

FIELDS = {"reviewed": "reviewed", "next-review": "next_review"}


def parse_date(value):
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def long_date(value):
    return f"{value.day} {value:%B %Y}"


def attach_dates(content):
    for key, attribute in FIELDS.items():
        if key in content.metadata:
            parsed = parse_date(content.metadata[key])
            setattr(content, attribute, parsed or content.metadata[key])


def add_filter(generator):
    generator.env.filters["long_date"] = long_date


def register():
    signals.content_object_init.connect(attach_dates)
    signals.generator_init.connect(add_filter)
