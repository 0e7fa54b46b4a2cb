"""Rules for the information block at the top of every content file.

Per file: only known fields, each once, and only where they belong (``Order`` on the
parts of the guide, addresses on ordinary pages, five fields on shared parts); Title,
Summary, Reviewed and Next-review present; dates real, ``Reviewed`` not in the future
and ``Next-review`` after it but at most CONTENT_REVIEW_MAX_YEARS later; an overdue
review a warning (an error with CONTENT_REVIEW_OVERDUE_IS_ERROR, as for ``make
publish``); no ``Reviewer`` an error with CONTENT_REQUIRE_REVIEWER (``make publish``):
nothing goes live that no clinician signed off. A translation (a file in a language's
folder, content/es/…) says its language (``Lang``, the folder's) and who translated it
(``Translator``), and gets its address from its language and Slug (no ``Save_as`` or
``URL``); without ``Translation-reviewer`` it is an error with
CONTENT_REQUIRE_TRANSLATION_REVIEWER (``make publish``): a translation of medical
text goes live only once a qualified human translator has checked it (45 CFR
92.201(c)(3)). Only translations have those two fields, and a page whose ``Lang`` is
another language lives in that language's folder. Across the site: no two pages of
one language share a slug, a title or an address, and each part of the guide has its
own ``Order``.
"""

import datetime
import difflib
import os
import re

from guide import in_guide
from review_dates import today
from translations import split_language

from .problems import ERROR, WARNING
from .settings import line_of

KEYS = [
    "Title",
    "Slug",
    "Summary",
    "Reviewed",
    "Next-review",
    "Reviewer",
    "Order",
    "Template",
    "Save_as",
    "URL",
    "Status",
    "Lang",
    "Translator",
    "Translation-reviewer",
]
REQUIRED = ["Title", "Summary", "Reviewed", "Next-review"]
SHARED_KEYS = [*REQUIRED, "Reviewer"]
TRANSLATION_ONLY = ["Translator", "Translation-reviewer"]
# Fields that only some kinds of file may have: field -> (kinds, advice elsewhere).
ONLY = {
    "Order": (
        {"article"},
        "only the parts of the guide have it. To make this page a part "
        "of the guide, move the file to content/articles/; otherwise remove the line.",
    ),
    "Save_as": (
        {"page"},
        "the parts of the guide get their address from their Slug. Remove the line.",
    ),
    "URL": ({"page"}, "the parts of the guide get their address from their Slug. Remove the line."),
    "Template": ({"page"}, "the parts of the guide all look the same. Remove the line."),
}
STATUSES = ["published", "hidden", "draft"]
SUMMARY_MAX = 160
REVIEW_MAX_YEARS = 3  # the NHS cycle for health information
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ORDER = re.compile(r"^[1-9][0-9]{0,3}$")
ADDRESS = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.html$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # as in <html lang="…">
# Fields whose value has a fixed form: (field, test, what to write instead).
VALUE_RULES = [
    (
        "Slug",
        SLUG.match,
        "; it becomes the web address, so write it in lower case letters "
        "and digits joined by hyphens, e.g. compression-stockings.",
    ),
    (
        "Lang",
        LANGUAGE.match,
        ", which is not a language code. Write a code such as en or es, "
        "or leave the line out for English.",
    ),
    (
        "Status",
        lambda value: value.lower() in STATUSES,
        f". Write one of: {', '.join(STATUSES)}, or leave the line out.",
    ),
    (
        "Order",
        ORDER.match,
        ". Write the place of this part in the guide as a whole number "
        "without leading zeros: 1, 2, 3 …",
    ),
    (
        "Save_as",
        lambda v: ADDRESS.match(v),
        ". Write a file name such as about.html: lower "
        "case letters, digits and hyphens, ending in .html, with no folder.",
    ),
]


def role_of(relative, settings):
    """What a content file is, from the folder it is in (in its language's folder)."""
    _, place = split_language(relative, settings)
    if place.startswith("shared/"):
        return "shared"
    return "article" if place.startswith(settings.get("GUIDE_PATH", "articles") + "/") else "page"


def check_file(document):
    settings = document.settings
    known = KEYS if not document.shared else [*SHARED_KEYS, "Lang", *TRANSLATION_ONLY]
    if not document.translated:
        known = [
            key
            for key in known
            if key not in TRANSLATION_ONLY and (key != "Lang" or not document.shared)
        ]
    misspelt = check_keys(document, settings.get("CONTENT_METADATA_KEYS", KEYS), known)
    check_values(document, misspelt)
    check_dates(document, settings)
    check_translation(document, settings)
    if settings.get("CONTENT_REQUIRE_REVIEWER") and not document.value("Reviewer"):
        document.report(
            0,
            "no clinician has signed this file off yet, so it cannot be published. Once a "
            'clinician has checked it, add the line "Reviewer: <their name and role>" to '
            'the information block (and update "Reviewed").',
        )


def check_translation(document, settings):
    """A translation says its language and who translated it; only translations do."""
    folder, _ = split_language(document.relative, settings)
    default, lang = settings["DEFAULT_LANG"], document.first("Lang")
    if folder == default:
        if lang and lang.value != default and lang.value in settings.get("LANGUAGES", {}):
            document.report(
                lang.line,
                f'this page says "Lang: {lang.value}", but it is not in content/{lang.value}/. '
                f"A page in {settings['LANGUAGES'][lang.value]['name']} goes in content/{lang.value}/ "
                "(articles/, pages/ or shared/, as the English page it translates), with the "
                "same Slug.",
            )
        for key in ("Translator", "Translation-reviewer"):
            entry = document.first(key)
            if entry:
                document.report(
                    entry.line,
                    f'this file has "{key}", but only translations (in '
                    "content/<language>/) have it. Remove the line.",
                )
        return
    if lang is None:
        document.report(
            0,
            f'"Lang" is missing: this file is in content/{folder}/, so it is in '
            f'that language. Add the line "Lang: {folder}" to the information block.',
        )
    elif lang.value != folder:
        document.report(
            lang.line,
            f'"Lang" is "{lang.value}", but the file is in content/{folder}/. '
            f'Write "Lang: {folder}", or move the file to its language\'s folder.',
        )
    for key in ("Save_as", "URL"):
        entry = document.first(key)
        if entry:
            document.report(
                entry.line,
                f"a translation gets its address from its language and "
                f'Slug ({folder}/<slug>.html), so it has no "{key}". Remove the line.',
            )
    if not document.value("Translator"):
        document.report(
            0,
            '"Translator" is missing: say who translated this file, e.g. '
            '"Translator: Ana Example, certified medical translator (ATA)", or '
            '"Translator: Machine translation (AI model)".',
        )
    if settings.get("CONTENT_REQUIRE_TRANSLATION_REVIEWER") and not document.value(
        "Translation-reviewer"
    ):
        document.report(
            0,
            "no qualified translator has checked this translation yet, so it cannot be "
            "published: a translation of medical information must be checked by a qualified "
            "human translator (45 CFR 92.201(c)(3)). Once one has, add the line "
            '"Translation-reviewer: <their name and qualification>" to the information block.',
        )


def check_keys(document, site_keys, allowed):
    """Report unknown, misplaced and repeated keys; return the keys suggested for
    misspellings (so they are not also reported as missing)."""
    by_lower = {key.lower(): key for key in site_keys}
    seen, suggested = {}, set()
    for entry in document.meta:
        lower = entry.key.lower()
        if lower not in by_lower:
            close = difflib.get_close_matches(lower, by_lower, n=1, cutoff=0.6)
            hint = f'Did you mean "{by_lower[close[0]]}"? ' if close else ""
            suggested.update(by_lower[c] for c in close)
            document.report(
                entry.line,
                f'"{entry.key}" is not a field this site knows. {hint}'
                f"The fields are: {', '.join(allowed)}.",
            )
        elif lower in seen:
            document.report(
                entry.line,
                f'"{by_lower[lower]}" is written twice (first on line {seen[lower]}). '
                "Keep only one.",
            )
        else:
            seen[lower] = entry.line
            key = by_lower[lower]
            if key in TRANSLATION_ONLY and key not in allowed:
                continue  # check_translation says why
            if key not in allowed:
                document.report(
                    entry.line,
                    f'"{key}" does not belong in a shared part: shared parts have only '
                    f"{', '.join(allowed)}. Remove the line.",
                )
            elif key in ONLY and document.role not in ONLY[key][0]:
                document.report(entry.line, f'this file has "{key}", but {ONLY[key][1]}')
    return suggested


def check_values(document, misspelt):
    for key in REQUIRED:
        entry = document.first(key)
        if entry is None:
            if key not in misspelt:  # "Did you mean" has said it
                document.report(
                    0,
                    f'"{key}" is missing. Add a line "{key}: …" to the information block '
                    "at the top of the file.",
                )
        elif not entry.value:
            document.report(entry.line, f'"{key}" is empty. Write its value after the colon.')
    summary = document.first("Summary")
    limit = document.settings.get("CONTENT_SUMMARY_MAX", SUMMARY_MAX)
    if summary and len(summary.value) > limit:
        document.report(
            summary.line,
            f'"Summary" is {len(summary.value)} characters long; search results show '
            f"at most {limit}. Shorten it.",
        )
    for key, valid, advice in VALUE_RULES:
        entry = document.first(key)
        if entry and not valid(entry.value):
            document.report(entry.line, f'"{key}" is "{entry.value}"{advice}')
    check_address(document)
    template = document.first("Template")
    if template:
        templates = os.path.join(document.settings["THEME"], "templates")
        if not os.path.isfile(os.path.join(templates, template.value + ".html")):
            document.report(
                template.line,
                f'"Template" is "{template.value}", which the site does not have. '
                "Leave the line out, or ask the web team.",
            )


def check_address(document):
    """A page's URL is where the site's links send patients: it must be the address
    the page is saved as (only the home page, saved as index.html, may leave it empty)."""
    url, save_as = document.first("URL"), document.first("Save_as")
    if url is None or not ADDRESS.match(save_as.value if save_as else ""):
        if url is not None and save_as is None:
            document.report(
                url.line,
                '"URL" needs a "Save_as" with the same address. Add it, or remove the URL line.',
            )
        return
    if url.value != save_as.value and not (url.value == "" and save_as.value == "index.html"):
        document.report(
            url.line,
            f'"URL" is "{url.value}", but the page is saved as "{save_as.value}": links to '
            f'it would lead nowhere. Write "URL: {save_as.value}".',
        )


def parse_date(document, key):
    entry = document.first(key)
    if entry is None or not entry.value:
        return None
    try:
        if DATE.match(entry.value):
            return datetime.date.fromisoformat(entry.value)
    except ValueError:
        pass
    document.report(
        entry.line,
        f'"{key}" is {entry.value}, which is not a date. Write it as YYYY-MM-DD, '
        "for example 2027-11-25.",
    )
    return None


def check_dates(document, settings):
    reviewed = parse_date(document, "Reviewed")
    next_review = parse_date(document, "Next-review")
    now = today(settings)
    years = settings.get("CONTENT_REVIEW_MAX_YEARS", REVIEW_MAX_YEARS)
    if reviewed and (reviewed > now or reviewed.year < 2000):
        document.report(
            document.first("Reviewed").line,
            f'"Reviewed" is {reviewed}, which is {"in the future" if reviewed > now else "not a real review date"}. '
            "Write the date a clinician last checked the page.",
        )
    if not (reviewed and next_review):
        return
    line = document.first("Next-review").line
    if next_review <= reviewed:
        document.report(
            line,
            f'"Next-review" ({next_review}) must be after "Reviewed" ({reviewed}). Check both dates.',
        )
    elif next_review > add_years(reviewed, years):
        document.report(
            line,
            f'"Next-review" ({next_review}) is more than {years} years after "Reviewed" '
            f"({reviewed}). Health information is checked at least every {years} years: "
            f"choose a date up to {add_years(reviewed, years)}.",
        )
    elif next_review < now:
        document.report(
            line,
            f"this page was due for review on {next_review}, which has passed. Ask a "
            'clinician to check it, then update "Reviewed" and "Next-review".',
            ERROR if settings.get("CONTENT_REVIEW_OVERDUE_IS_ERROR") else WARNING,
        )


def add_years(date, years):
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def for_pelican(document, reader):
    """The metadata Pelican gets: the known fields as Pelican processes them, a title
    even when it is missing (so Pelican never drops the file; the problem is reported),
    and the page's sources in the order it cites them."""
    metadata = {}
    for entry in document.meta:
        name = entry.key.lower()
        if name not in metadata and name in {key.lower() for key in KEYS}:
            metadata[name] = reader.process_metadata(name, entry.value)
    metadata.setdefault("title", os.path.splitext(os.path.basename(document.relative))[0])
    metadata.setdefault("lang", document.lang)  # a translation's, also without its Lang line
    metadata["sources"] = document.sources
    return metadata


def all_pages(generator):
    return [
        page
        for name in (
            "pages",
            "translations",
            "hidden_pages",
            "hidden_translations",
            "draft_pages",
            "draft_translations",
        )
        for page in getattr(generator, name, [])
    ]


def check_site(run, generators):
    pages = [
        (p, run.documents[p.relative_source_path])
        for g in generators
        for p in all_pages(g)
        if p.relative_source_path in run.documents
    ]
    for label, value_of in (
        ("slug", lambda p: p.slug),
        ("title", lambda p: p.title),
        ("address", lambda p: p.save_as),
    ):
        groups = {}
        for page, document in pages:
            value = value_of(page)
            if isinstance(value, str) and value:
                groups.setdefault((value.lower(), page.lang), []).append((document, value))
        for group in (g for g in groups.values() if len(g) > 1):
            for document, value in group:
                others = " and ".join(d.path for d, _ in group if d is not document)
                key = {"address": "Save_as"}.get(label, label.capitalize())
                entry = document.first(key)
                document.report(
                    entry.line if entry else 0,
                    f'the {label} "{value}" is also used by {others}. Each page needs its own {label}.',
                )
    slugs = {page.slug for page, _ in pages}
    for setting in ("MENU_PAGES", "FOOTER_PAGES"):
        for slug in run.settings.get(setting, []):
            if slug not in slugs:
                run.problems.add(
                    *line_of(setting),
                    f'{setting} names "{slug}", but no page has '
                    f"that Slug. Correct the setting, or the page's Slug.",
                )
    guide_path = run.settings.get("GUIDE_PATH", "articles")
    orders = {}
    for page, document in pages:
        order = document.first("Order")
        if in_guide(page, guide_path) and order is None:
            document.report(
                0,
                '"Order" is missing: every part of the guide has its place in '
                'the guide (1, 2, 3 …). Add the line "Order: …".',
            )
        elif order is not None and ORDER.match(order.value):
            key = (order.value, page.lang)
            if key in orders:
                document.report(
                    order.line,
                    f'"Order" is {order.value}, the same as in '
                    f"{orders[key]}. Give each part its own number.",
                )
            orders.setdefault(key, document.path)
