"""Readability report: how hard each part of the guide is to read, in each language.

Guarantees: every build prints, for each guide article, its words, reading time (at
READABILITY_WORDS_PER_MINUTE, default 200) and a readability score made for its
language, with syllables counted by Pyphen's bundled hyphenation dictionary of that
language (nothing is downloaded), and writes the same tables to READABILITY_REPORT
(``readability.txt`` in the output of ``make html``; none on ``make publish``:
internal reports are never published).

- English: the Flesch–Kincaid school grade; an article above READABILITY_MAX_GRADE
  (default 9) gets a warning naming it.
- Spanish: the Fernández-Huerta reading ease (0 to 100, higher is easier; as
  corrected by Law, 2011: 206.84 − 0.60 × syllables per 100 words − 1.02 × words per
  sentence), with its school grade: 70 to 80 is sixth grade, a reading age of 11.
  Syllables are Pyphen's ``es`` hyphenation points, plus the vowels side by side
  that Spanish typesetting never splits but that are syllables of their own (a-gua,
  dí-a, le-a). An article below READABILITY_MIN_EASE_ES (default 65) gets a warning.

The score is of the text a patient reads, taken from the parsed page: headings and
list items count as sentences; citations, pictures and screen-reader-only labels do
not.
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
MIN_EASE_ES = 65
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
    """The figures of a part of the guide, worked out as it is read (and kept with it)."""
    if document.role == "article":
        document.counts = counts_in(
            readable_text(root), document.lang, document.settings.get("CACHE_PATH")
        )


def words_of(text):
    return PUNCTUATION.sub("", QUOTE.sub('"', text)).split()


@functools.cache
def hyphenator(lang="en_US", cache_path=None):
    """Pyphen's dictionary of a language. Reading one takes about 0.1 s, a tenth of a
    build, so it is kept, ready to use, in Pelican's cache folder (CACHE_PATH) when one
    is given."""
    import pyphen  # imported here, only when a score is needed

    kept = cache_path and os.path.join(
        cache_path, f"pyphen-{importlib.metadata.version('pyphen')}-{lang}.pickle"
    )
    try:
        with open(kept, "rb") as file:
            return pickle.load(file)
    except (OSError, TypeError, EOFError, pickle.UnpicklingError):
        pass
    dictionary = pyphen.Pyphen(lang=lang)
    if kept:
        os.makedirs(cache_path, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_path, delete=False) as file:
            pickle.dump(dictionary, file)
        os.replace(file.name, kept)  # whole or not at all, also with two builds at once
    return dictionary


@functools.cache  # a page's words repeat: each is counted once a build
def english_syllables(word, cache_path=None):
    return len(hyphenator("en_US", cache_path).positions(word.lower())) + 1


VOWELS = set("aeiouáéíóúü")
# Two of these side by side are two syllables (hiatus): the open vowels, and an
# accented i or u beside any vowel (dí-a, ra-íz); other pairs are one (diphthong: tie-ne).
OPEN = set("aeoáéó")
ACCENTED_CLOSE = set("íú")


@functools.cache
def spanish_syllables(word, cache_path=None):
    count = 0
    for chunk in hyphenator("es", cache_path).inserted(word.lower()).split("-"):
        nuclei, previous = 0, ""
        for letter in chunk:
            if letter in VOWELS and (
                previous not in VOWELS
                or (previous in OPEN and letter in OPEN)
                or ACCENTED_CLOSE & {previous, letter}
            ):
                nuclei += 1
            previous = letter
        count += max(1, nuclei)
    return count


def counts(text, syllables_of, cache_path=None):
    """(words, sentences, syllables) of a text."""
    words = words_of(text)
    sentences = max(1, sum(len(words_of(s)) > 2 for s in SENTENCE.findall(text)))
    return len(words), sentences, sum(syllables_of(word, cache_path) for word in words)


def flesch_kincaid_grade(words, sentences, syllables):
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def fernandez_huerta_ease(words, sentences, syllables):
    return 206.84 - 60 * syllables / words - 1.02 * words / sentences


def spanish_grade(ease):
    """The school grade of a Fernández-Huerta score (Fernández Huerta, 1959)."""
    for least, grade in (
        (90, "4th"),
        (80, "5th"),
        (70, "6th"),
        (60, "7th-8th"),
        (50, "high school"),
        (30, "college"),
    ):
        if ease >= least:
            return grade
    return "university"


def counts_in(text, lang, cache_path=None):
    """(words, sentences, syllables) of a text in language ``lang``."""
    spanish = lang.startswith("es")
    return counts(text, spanish_syllables if spanish else english_syllables, cache_path)


def figures(counted, words_per_minute, lang):
    """(words, minutes, score) from a text's counts: the Flesch–Kincaid grade in
    English, the Fernández-Huerta ease in Spanish."""
    words, sentences, syllables = counted
    if not words:
        return 0, 0, 0.0
    formula = fernandez_huerta_ease if lang.startswith("es") else flesch_kincaid_grade
    return words, math.ceil(words / words_per_minute), formula(words, sentences, syllables)


def measure(text, words_per_minute=WORDS_PER_MINUTE, cache_path=None, lang="en"):
    """(words, minutes, score) of a text."""
    return figures(counts_in(text, lang, cache_path), words_per_minute, lang)


def english_score(grade, settings):
    """The grade's cells in the table, and the warning when it is too hard (or None)."""
    limit = settings.get("READABILITY_MAX_GRADE", MAX_GRADE)
    return f"{grade:>6.1f}", (
        f"the text reads at school grade {grade:.1f} (Flesch–Kincaid); patient pages should be "
        f"at grade {limit} or below. Use shorter sentences and plainer words."
    ) if grade > limit else None


def spanish_score(ease, settings):
    limit, grade = settings.get("READABILITY_MIN_EASE_ES", MIN_EASE_ES), spanish_grade(ease)
    return f"{ease:>6.1f} {grade:>9}", (
        f"the Spanish text reads at {ease:.0f} on the Fernández-Huerta scale ({grade} grade); "
        f"Spanish patient pages should score {limit} or more (aim for 70, sixth grade). Use "
        "shorter sentences and plainer words."
    ) if ease < limit else None


# One table per formula: (is a language's, title, the score's columns, its cells and warning)
TABLES = [
    (
        lambda lang: not lang.startswith("es"),
        "Readability (Flesch–Kincaid grade; aim for 8 or below)",
        f"{'Grade':>6}",
        english_score,
    ),
    (
        lambda lang: lang.startswith("es"),
        "Readability in Spanish (Fernández-Huerta ease, 0 to 100, "
        "higher is easier; aim for 70 or more, sixth grade, a reading age of 11)",
        f"{'Ease':>6} {'Grade':>9}",
        spanish_score,
    ),
]


def report(run):
    """The readability tables, or ''."""
    settings = run.settings
    guide = sorted((d for d in run.documents.values() if d.role == "article"), key=lambda d: d.path)
    return "".join(
        table(title, columns, score, [d for d in guide if its(d.lang)], settings)
        for its, title, columns, score in TABLES
    )


def table(title, columns, score, guide, settings):
    if not guide:
        return ""
    speed = settings.get("READABILITY_WORDS_PER_MINUTE", WORDS_PER_MINUTE)
    rows = [f"{'Article':<44} {'Words':>6} {'Minutes':>8} {columns}"]
    for document in guide:
        words, minutes, value = figures(document.counts, speed, document.lang)
        cells, warning = score(value, settings)
        rows.append(f"{document.path:<44} {words:>6} {minutes:>8} {cells}")
        if words and warning:
            document.report(0, warning, WARNING)
    return f"{title}\n" + "\n".join(rows) + "\n"


def write(settings, table):
    """Save the table with the site, once the site is written (never on a failed build)."""
    name = settings.get("READABILITY_REPORT")
    if name and table:
        with open(os.path.join(settings["OUTPUT_PATH"], name), "w", encoding="utf-8") as file:
            file.write(table)
