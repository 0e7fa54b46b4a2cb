"""Readability report: how hard each part of the guide is to read.

Guarantees: every build prints, for each guide article, its words, reading time (at
READABILITY_WORDS_PER_MINUTE, default 200) and Flesch–Kincaid grade (syllables
counted with Pyphen's bundled hyphenation dictionary: nothing is downloaded), and
writes the same table to READABILITY_REPORT (``readability.txt`` in the output of
``make html``; none on ``make publish``: internal reports are never published). An
article above READABILITY_MAX_GRADE (default 9) gets a warning naming it. The grade
is of the text a patient reads, taken from the parsed page: headings and list items
count as sentences; citations, pictures and screen-reader-only labels do not.
"""

import functools
import importlib.metadata
import math
import os
import pickle
import re
import tempfile

from .problems import WARNING

MAX_GRADE = 9
WORDS_PER_MINUTE = 200
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption"}
# Words and sentences as textstat counts them: punctuation goes, except the
# apostrophe of a contraction ("don't" is one word); a "sentence" of two words or
# fewer (a label such as "Days 1 to 3.") does not count.
QUOTE = re.compile(r"'(?![tsd]\b|ve\b|ll\b|re\b)")
PUNCTUATION = re.compile(r"[^\w\s']")
SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def unread(element):
    return element.tag in ("sup", "svg") or "visually-hidden" in (element.get("class") or "")


def readable_text(root):
    """The text of a parsed page, one sentence-ending mark after each block."""
    pieces = []

    def walk(element):
        block = element.tag in BLOCKS
        pieces.append(None if block else "")
        pieces.append(element.text or "")
        for child in element:
            if not unread(child):
                walk(child)
            pieces.append(child.tail or "")
        pieces.append(None if block else "")

    walk(root)
    blocks, current = [], []
    for piece in pieces + [None]:
        if piece is None:
            text = " ".join("".join(current).split())
            if text:
                blocks.append(text if text[-1] in ".!?:" else text + ".")
            current = []
        else:
            current.append(piece)
    return " ".join(blocks)


def collect(document, root):
    if document.role == "article":
        document.readable = readable_text(root)


def words_of(text):
    return PUNCTUATION.sub("", QUOTE.sub('"', text)).split()


@functools.cache
def hyphenator(cache_path=None):
    """Pyphen's US English dictionary. Reading it takes about 0.1 s, a tenth of a build,
    so it is kept, ready to use, in Pelican's cache folder (CACHE_PATH) when one is given."""
    import pyphen  # imported here, only when a grade is needed

    kept = cache_path and os.path.join(cache_path, f"pyphen-{importlib.metadata.version('pyphen')}-en_US.pickle")
    try:
        with open(kept, "rb") as file:
            return pickle.load(file)
    except (OSError, TypeError, EOFError, pickle.UnpicklingError):
        pass
    dictionary = pyphen.Pyphen(lang="en_US")
    if kept:
        os.makedirs(cache_path, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_path, delete=False) as file:
            pickle.dump(dictionary, file)
        os.replace(file.name, kept)  # whole or not at all, also with two builds at once
    return dictionary


def measure(text, words_per_minute=WORDS_PER_MINUTE, cache_path=None):
    """(words, minutes, Flesch–Kincaid grade) of a text."""
    words = words_of(text)
    if not words:
        return 0, 0, 0.0
    sentences = max(1, sum(len(words_of(s)) > 2 for s in SENTENCE.findall(text)))
    syllables = sum(len(hyphenator(cache_path).positions(word.lower())) + 1 for word in words)
    grade = 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59
    return len(words), math.ceil(len(words) / words_per_minute), grade


def report(run):
    """The readability table, or ''."""
    settings = run.settings
    max_grade = settings.get("READABILITY_MAX_GRADE", MAX_GRADE)
    speed = settings.get("READABILITY_WORDS_PER_MINUTE", WORDS_PER_MINUTE)
    guide = sorted((d for d in run.documents.values() if d.role == "article"), key=lambda d: d.path)
    if not guide:
        return ""
    rows = [f"{'Article':<44} {'Words':>6} {'Minutes':>8} {'Grade':>6}"]
    for document in guide:
        words, minutes, grade = measure(document.readable, speed, settings.get("CACHE_PATH"))
        rows.append(f"{document.path:<44} {words:>6} {minutes:>8} {grade:>6.1f}")
        if grade > max_grade:
            document.report(
                0,
                f"the text reads at school grade {grade:.1f} (Flesch–Kincaid); patient "
                f"pages should be at grade {max_grade} or below. Use shorter sentences "
                "and plainer words.",
                WARNING,
            )
    return "Readability (Flesch–Kincaid grade; aim for 8 or below)\n" + "\n".join(rows) + "\n"


def write(settings, table):
    """Save the table with the site, once the site is written (never on a failed build)."""
    name = settings.get("READABILITY_REPORT")
    if name and table:
        with open(os.path.join(settings["OUTPUT_PATH"], name), "w", encoding="utf-8") as file:
            file.write(table)
