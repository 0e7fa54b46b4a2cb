"""Readability report: how hard each guide article is to read.

Guarantees: every build prints, for each guide article, its words, reading
time (at READABILITY_WORDS_PER_MINUTE, default 200) and Flesch–Kincaid grade
(syllables counted with Pyphen's bundled hyphenation dictionary: nothing is
downloaded), and writes the same table to ``readability.txt`` in
the output (not linked from any page). An article above READABILITY_MAX_GRADE
(default 9) gets a warning naming it. The grade is of the text a patient
reads: headings and list items count as sentences, the Sources list and
screen-reader-only labels do not.
"""

import functools
import html
import math
import os
import re

from guide import in_guide
from pelican import signals

from . import WARNING, add, page_path
from .metadata import all_pages

MAX_GRADE = 9
WORDS_PER_MINUTE = 200
SOURCES = re.compile(r'<section\b[^>]*\bclass="sources".*?</section>', re.S)
HIDDEN = re.compile(r'<span class="visually-hidden">.*?</span>|<sup[^>]*>.*?</sup>', re.S)
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|td|th|dt|dd|figcaption)>", re.I)
TAG = re.compile(r"<[^>]+>")
# Words and sentences as textstat counts them: punctuation goes, except the
# apostrophe of a contraction ("don't" is one word); a "sentence" of two words or
# fewer (a label such as "Days 1 to 3.") does not count.
QUOTE = re.compile(r"'(?![tsd]\b|ve\b|ll\b|re\b)")
PUNCTUATION = re.compile(r"[^\w\s']")
SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def readable_text(content):
    """The article's text, one sentence-ending mark after each block."""
    content = HIDDEN.sub("", SOURCES.sub("", content))
    blocks = (html.unescape(TAG.sub(" ", block)).strip() for block in BLOCK_END.split(content))
    return " ".join(b if b[-1] in ".!?:" else b + "." for b in blocks if b)


def words_of(text):
    return PUNCTUATION.sub("", QUOTE.sub('"', text)).split()


@functools.cache
def hyphenator():
    import pyphen  # imported here: loading its dictionary takes a moment

    return pyphen.Pyphen(lang="en_US")


def measure(content, words_per_minute):
    """(words, minutes, Flesch–Kincaid grade) of an article's HTML."""
    text = readable_text(content)
    words = words_of(text)
    if not words:
        return 0, 0, 0.0
    sentences = max(1, sum(len(words_of(s)) > 2 for s in SENTENCE.findall(text)))
    syllables = sum(len(hyphenator().positions(word.lower())) + 1 for word in words)
    grade = 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59
    return len(words), math.ceil(len(words) / words_per_minute), grade


def report(generators):
    settings = generators[0].settings
    max_grade = settings.get("READABILITY_MAX_GRADE", MAX_GRADE)
    speed = settings.get("READABILITY_WORDS_PER_MINUTE", WORDS_PER_MINUTE)
    guide = sorted(
        (
            page
            for generator in generators
            for page in all_pages(generator)
            if in_guide(page, settings.get("GUIDE_PATH", "articles"))
        ),
        key=lambda page: page.relative_source_path,
    )
    if not guide:
        return
    rows = [f"{'Article':<44} {'Words':>6} {'Minutes':>8} {'Grade':>6}"]
    for page in guide:
        words, minutes, grade = measure(page._content, speed)
        rows.append(f"{page_path(page):<44} {words:>6} {minutes:>8} {grade:>6.1f}")
        if grade > max_grade:
            add(
                page_path(page),
                0,
                f"the text reads at school grade {grade:.1f} (Flesch–Kincaid); patient "
                f"pages should be at grade {max_grade} or below. Use shorter sentences "
                "and plainer words.",
                WARNING,
            )
    table = "Readability (Flesch–Kincaid grade; aim for 8 or below)\n" + "\n".join(rows) + "\n"
    print("\n" + table)
    os.makedirs(settings["OUTPUT_PATH"], exist_ok=True)
    with open(os.path.join(settings["OUTPUT_PATH"], "readability.txt"), "w", encoding="utf-8") as file:
        file.write(table)


def register():
    signals.all_generators_finalized.connect(report)
