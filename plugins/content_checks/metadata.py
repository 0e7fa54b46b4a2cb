"""Metadata rules: the information block of every page is complete and valid.

Guarantees, for every content file: only known fields (CONTENT_METADATA_KEYS;
a misspelt ``Reviwed`` is an error with a suggestion), none twice; Title,
Summary, Reviewed and Next-review present and not empty; dates written
YYYY-MM-DD and real; Next-review after Reviewed; a Summary of at most
CONTENT_SUMMARY_MAX characters (160, a meta description); a lower-case,
hyphenated Slug; a whole-number, unique Order on guide articles; a Template
the theme has; a known Status; a Lang that is a language code. A Next-review date that has passed is a
warning, or an error when CONTENT_REVIEW_OVERDUE_IS_ERROR is set (as
``publishconf.py`` does for ``make publish``). No two pages share a slug or a
title.
"""

import datetime
import difflib
import os
import re

from guide import in_guide
from pelican import signals

from . import ERROR, WARNING, add
from .source import read_all

KEYS = [
    "Title", "Slug", "Summary", "Reviewed", "Next-review", "Reviewer", "Order",
    "Template", "Save_as", "URL", "Status", "Lang",
]
REQUIRED = ["Title", "Summary", "Reviewed", "Next-review"]
STATUSES = ["published", "hidden", "draft"]
SUMMARY_MAX = 160
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # as in <html lang="…">
# Fields whose value has a fixed form: (field, test, what to write instead).
VALUE_RULES = [
    ("Slug", SLUG.match, "; it becomes the web address, so write it in lower case letters "
     "and digits joined by hyphens, e.g. compression-stockings."),
    ("Lang", LANGUAGE.match, ", which is not a language code. Write a code such as en or es, "
     "or leave the line out for English."),
    ("Status", lambda value: value.lower() in STATUSES,
     f". Write one of: {', '.join(STATUSES)}, or leave the line out."),
]


def check_keys(source, known):
    """Report unknown and repeated keys; return the keys suggested for misspellings."""
    by_lower = {key.lower(): key for key in known}
    seen = {}
    suggested = set()
    for entry in source.meta:
        lower = entry.key.lower()
        if lower not in by_lower:
            close = difflib.get_close_matches(lower, by_lower, n=1, cutoff=0.6)
            hint = f'Did you mean "{by_lower[close[0]]}"? ' if close else ""
            suggested.update(by_lower[c] for c in close)
            add(
                source.path,
                entry.line,
                f'"{entry.key}" is not a field this site knows. {hint}'
                f"The fields are: {', '.join(known)}.",
            )
        elif lower in seen:
            add(
                source.path,
                entry.line,
                f'"{by_lower[lower]}" is written twice (first on line {seen[lower]}). '
                "Keep only one.",
            )
        else:
            seen[lower] = entry.line
    return suggested


def parse_date(source, key):
    entry = source.first(key)
    if entry is None or not entry.value:
        return None
    try:
        if DATE.match(entry.value):
            return datetime.date.fromisoformat(entry.value)
    except ValueError:
        pass
    add(
        source.path,
        entry.line,
        f'"{key}" is {entry.value}, which is not a date. Write it as YYYY-MM-DD, '
        "for example 2027-11-25.",
    )
    return None


def check_dates(source, overdue_level, today):
    reviewed = parse_date(source, "Reviewed")
    next_review = parse_date(source, "Next-review")
    if reviewed and next_review and next_review <= reviewed:
        add(
            source.path,
            source.first("Next-review").line,
            f'"Next-review" ({next_review}) must be after "Reviewed" ({reviewed}). '
            "Check both dates.",
        )
    elif next_review and next_review < today:
        add(
            source.path,
            source.first("Next-review").line,
            f"this page was due for review on {next_review}, which has passed. Ask a "
            'clinician to check it, then update "Reviewed" and "Next-review".',
            overdue_level,
        )


def check_values(source, settings, misspelt):
    for key in REQUIRED:
        entry = source.first(key)
        if entry is None:
            if key in misspelt:
                continue  # "Did you mean" has said it
            add(
                source.path,
                0,
                f'"{key}" is missing. Add a line "{key}: …" to the information block '
                "at the top of the file.",
            )
        elif not entry.value:
            add(source.path, entry.line, f'"{key}" is empty. Write its value after the colon.')
    summary = source.first("Summary")
    limit = settings.get("CONTENT_SUMMARY_MAX", SUMMARY_MAX)
    if summary and len(summary.value) > limit:
        add(
            source.path,
            summary.line,
            f'"Summary" is {len(summary.value)} characters long; search results show '
            f"at most {limit}. Shorten it.",
        )
    for key, valid, advice in VALUE_RULES:
        entry = source.first(key)
        if entry and not valid(entry.value):
            add(source.path, entry.line, f'"{key}" is "{entry.value}"{advice}')
    template = source.first("Template")
    if template:
        templates = os.path.join(settings["THEME"], "templates")
        if not os.path.isfile(os.path.join(templates, template.value + ".html")):
            add(
                source.path,
                template.line,
                f'"Template" is "{template.value}", which the site does not have. '
                "Leave the line out, or ask the web team.",
            )


def check_order(guide_sources):
    seen = {}
    for source in guide_sources:
        order = source.first("Order")
        if order is None or not order.value.isdigit():
            add(
                source.path,
                order.line if order else 0,
                '"Order" must be a whole number giving the place of this article in the '
                'guide (1, 2, 3 …). Add or correct the line "Order: …".',
            )
        elif order.value in seen:
            add(
                source.path,
                order.line,
                f'"Order" is {order.value}, the same as in {seen[order.value]}. '
                "Give each article its own number.",
            )
        else:
            seen[order.value] = source.path


def all_pages(generator):
    return [
        page
        for name in ("pages", "translations", "hidden_pages", "hidden_translations",
                     "draft_pages", "draft_translations")
        for page in getattr(generator, name, [])
    ]


def check_duplicates(generator, sources):
    by_relative = {source.relative_source_path: source for source in sources}
    for key in ("Slug", "Title"):
        groups = {}
        for page in all_pages(generator):
            source = by_relative.get(page.relative_source_path)
            value = getattr(page, key.lower(), None)
            if source is not None and isinstance(value, str):  # a list: key written twice
                groups.setdefault(value.lower(), []).append((source, value))
        for group in (g for g in groups.values() if len(g) > 1):
            for source, value in group:
                others = " and ".join(s.path for s, _ in group if s is not source)
                entry = source.first(key)
                add(
                    source.path,
                    entry.line if entry else 0,
                    f'the {key.lower()} "{value}" is also used by {others}. '
                    f"Each page needs its own {key.lower()}.",
                )


def check(generator):
    settings = generator.settings
    known = settings.get("CONTENT_METADATA_KEYS", KEYS)
    overdue = ERROR if settings.get("CONTENT_REVIEW_OVERDUE_IS_ERROR") else WARNING
    today = datetime.date.today()
    sources = [s for s in read_all(generator) if s.meta]
    for source in sources:
        check_values(source, settings, check_keys(source, known))
        check_dates(source, overdue, today)
    check_order([s for s in sources if in_guide(s, settings.get("GUIDE_PATH", "articles"))])
    check_duplicates(generator, sources)


def register():
    signals.page_generator_finalized.connect(check)
