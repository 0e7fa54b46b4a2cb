"""Settings rules: the site's own settings have the form the site needs.

Guarantees: each setting the clinic fills in (clinic details and prices, the emergency number)
and each setting of the checks is validated once, with one message that names the
settings file and the line it is set on, says what is wrong and shows the right
form (``EMERGENCY_NUMBER = "999"``, in quotes). SITEURL, when set, is an http(s)
address with nothing in it that would break a link or the sitemap.
SOURCE_DATE_EPOCH, when set, is a whole number of seconds.
"""

import ast
import os
import re
from urllib.parse import urlsplit

SETTINGS_FILES = ("publishconf.py", "pelicanconf.py")  # later ones are read first
PHONE = re.compile(r"^\+?[0-9 ()./-]{3,25}$")
EMAIL = re.compile(r"^[^@\s\"'<>]+@[^@\s\"'<>]+\.[^@\s\"'<>]+$")
EMERGENCY = re.compile(r"^[0-9]{2,4}$")
URL_SAFE = re.compile(r"^[A-Za-z0-9._~:/%-]+$")
# setting -> (test of its value, the form to write)
RULES = {
    "EMERGENCY_NUMBER": (
        lambda v: isinstance(v, str) and EMERGENCY.match(v),
        'the number in quotes, e.g. EMERGENCY_NUMBER = "911"',
    ),
    "CLINIC_NAME": (
        lambda v: isinstance(v, str),
        'text in quotes, e.g. CLINIC_NAME = "Riverside Vein Clinic", or ""',
    ),
    "CLINIC_ADDRESS": (
        lambda v: isinstance(v, str),
        'text in quotes, e.g. CLINIC_ADDRESS = "1 Main Street, Springfield", or ""',
    ),
    "CLINIC_HOURS": (
        lambda v: isinstance(v, str),
        'text in quotes, e.g. CLINIC_HOURS = "Monday to Friday, 9am to 5pm", or ""',
    ),
    "CLINIC_PHONE": (
        lambda v: isinstance(v, str) and (not v or PHONE.match(v)),
        'a phone number in quotes, e.g. CLINIC_PHONE = "555 0100", or ""',
    ),
    "CLINIC_EMAIL": (
        lambda v: isinstance(v, str) and (not v or EMAIL.match(v)),
        'an e-mail address in quotes, e.g. CLINIC_EMAIL = "help@example.org", or ""',
    ),
    "CLINIC_PAYMENT": (
        lambda v: isinstance(v, str),
        'text in quotes, e.g. CLINIC_PAYMENT = "We take cash and cards.", or ""',
    ),
    "CLINIC_PRICES": (
        lambda v: (
            isinstance(v, list | tuple)
            and all(
                isinstance(p, list | tuple)
                and len(p) == 2
                and all(isinstance(x, str) and x.strip() for x in p)
                for p in v
            )
        ),
        'a list of ("what it is", "price") pairs, e.g. CLINIC_PRICES = [("One treatment session", "$400")], or []',
    ),
    "JARGON": (
        lambda v: isinstance(v, list | tuple) and all(isinstance(w, str) and w.strip() for w in v),
        'a list of words in quotes, e.g. JARGON = ["thrombosis", "artery"]',
    ),
    "JARGON_BY_LANGUAGE": (
        lambda v: (
            isinstance(v, dict)
            and all(
                isinstance(words, list | tuple)
                and all(isinstance(w, str) and w.strip() for w in words)
                for words in v.values()
            )
        ),
        'lists of words by language, e.g. JARGON_BY_LANGUAGE = {"es": ["trombosis", "arteria"]}',
    ),
    "PLAIN_AVOID_BY_LANGUAGE": (
        lambda v: (
            isinstance(v, dict)
            and all(
                isinstance(words, dict)
                and all(
                    isinstance(k, str) and k == k.lower() and isinstance(w, str)
                    for k, w in words.items()
                )
                for words in v.values()
            )
        ),
        'words in lower case with the plainer word, by language, e.g. PLAIN_AVOID_BY_LANGUAGE = {"es": {"utilizar": "usar"}}',
    ),
    "PLAIN_AVOID": (
        lambda v: (
            isinstance(v, dict)
            and all(
                isinstance(k, str) and k == k.lower() and isinstance(w, str) for k, w in v.items()
            )
        ),
        'words in lower case with the plainer word, e.g. PLAIN_AVOID = {"utilize": "use"}',
    ),
    **{
        name: (
            lambda v: isinstance(v, int) and 1 <= v <= 100,
            f"a whole number, e.g. {name} = {default}",
        )
        for name, default in (
            ("PLAIN_SENTENCE_MAX_WORDS", 25),
            ("PLAIN_PARAGRAPH_MAX_SENTENCES", 5),
            ("PLAIN_LIST_MAX_ITEMS", 9),
        )
    },
    "READABILITY_MIN_EASE_ES": (
        lambda v: isinstance(v, int | float) and 0 <= v <= 100,
        "a reading ease from 0 to 100, e.g. READABILITY_MIN_EASE_ES = 65",
    ),
    "READABILITY_MAX_GRADE": (
        lambda v: isinstance(v, int | float) and 1 <= v <= 20,
        "a school grade, e.g. READABILITY_MAX_GRADE = 9",
    ),
    "CONTENT_SUMMARY_MAX": (
        lambda v: isinstance(v, int) and 50 <= v <= 300,
        "a number of characters, e.g. CONTENT_SUMMARY_MAX = 160",
    ),
    "CONTENT_REVIEW_MAX_YEARS": (
        lambda v: isinstance(v, int) and 1 <= v <= 5,
        "a number of years, e.g. CONTENT_REVIEW_MAX_YEARS = 3",
    ),
}


def line_of(name):
    """(settings file, line) of the last assignment to a setting, or ("", 0)."""
    for filename in SETTINGS_FILES:
        try:
            with open(filename, encoding="utf-8") as file:
                tree = ast.parse(file.read())
        except (OSError, SyntaxError):
            continue
        lines = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign | ast.AugAssign)
            and any(
                isinstance(t, ast.Name) and t.id == name
                for t in getattr(node, "targets", [getattr(node, "target", None)])
            )
        ]
        if lines:
            return filename, max(lines)
    return "", 0


def siteurl_problem(url):
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or not URL_SAFE.match(url):
        return (
            f'SITEURL is "{url}": write the site\'s public address with https:// and '
            "nothing else, e.g. https://www.example.org or https://www.example.org/clinic "
            "(no spaces, quotes or &)."
        )
    return None


def check(run):
    settings, problems = run.settings, run.problems
    for name, (valid, form) in RULES.items():
        if name in settings and not valid(settings[name]):
            path, line = line_of(name)
            problems.add(
                path,
                line,
                f"{name} is {settings[name]!r}, which the site cannot use. Write {form}.",
            )
    problem = siteurl_problem(settings.get("SITEURL", ""))
    if problem:
        problems.add(*line_of("SITEURL"), problem)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and not epoch.isdigit():
        problems.add(
            "",
            0,
            f'SOURCE_DATE_EPOCH is "{epoch}": it must be a whole number of '
            "seconds since 1970 (date +%s prints one), or unset.",
        )
