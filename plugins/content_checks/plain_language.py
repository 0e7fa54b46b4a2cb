"""Plain-language rules beyond the reading grade, after the NHS content style guide and
the CDC Clear Communication Index.

Guarantees, for every page and guide article (with the shared parts it shows, each
problem named at the line of the file it is written in), each a warning: no sentence
longer than PLAIN_SENTENCE_MAX_WORDS words (default 25), no paragraph longer than
PLAIN_PARAGRAPH_MAX_SENTENCES sentences (5), no list longer than PLAIN_LIST_MAX_ITEMS
items (9); risks given as "N in M" ("N de cada M" on a Spanish page) use one M within
each part of a page (from one heading to the next), so "1 in 10" never stands beside
"1 in 1,000"; no word of
PLAIN_AVOID (word -> the plainer word that serves; PLAIN_AVOID_BY_LANGUAGE[language]
on a translated page). Citations, pictures and
screen-reader labels are not read. The report beside the readability table gives,
for each file, its longest sentence, paragraph and list, and its warnings.
"""

import re

from .problems import WARNING
from .readability import SENTENCE, unread, words_of

SENTENCE_MAX_WORDS = 25
PARAGRAPH_MAX_SENTENCES = 5
LIST_MAX_ITEMS = 9
HEADINGS = {f"h{level}" for level in range(1, 7)}
BLOCKS = {"p", "li", "td", "th", "dt", "dd", *HEADINGS}
NESTED = {"p", "ul", "ol", "div", "table", "blockquote"}  # blocks of their own inside a block
# "4 in 10", "1 to 10 in every 1,000", "between 20 and 40 in every 100"; in Spanish
# "4 de cada 10", "1 a 10 de cada 1,000"
RISKS = {
    "en": re.compile(r"\b\d[\d,]*\s+in\s+(?:every\s+)?(\d{1,3}(?:,\d{3})+|\d+)\b"),
    "es": re.compile(r"\b\d[\d,]*\s+de\s+cada\s+(\d{1,3}(?:,\d{3})+|\d+)\b"),
}


def own_text(block):
    """The text a reader sees in a block, without the blocks nested in it."""
    pieces = [block.text or ""]
    for child in block:
        if child.tag not in NESTED and not unread(child):
            pieces.append(own_text(child))
        pieces.append(child.tail or "")
    return " ".join("".join(pieces).split())


def sentences(text):
    return [s for s in SENTENCE.findall(text) if len(words_of(s)) > 2]


def collect(document, root):
    if document.shared:
        return  # read on the pages that show it, where it is named with its own lines
    settings = document.settings
    limits = {
        "sentence": settings.get("PLAIN_SENTENCE_MAX_WORDS", SENTENCE_MAX_WORDS),
        "paragraph": settings.get("PLAIN_PARAGRAPH_MAX_SENTENCES", PARAGRAPH_MAX_SENTENCES),
        "list": settings.get("PLAIN_LIST_MAX_ITEMS", LIST_MAX_ITEMS),
    }
    avoid = (
        settings.get("PLAIN_AVOID", {})
        if document.lang == settings["DEFAULT_LANG"]
        else settings.get("PLAIN_AVOID_BY_LANGUAGE", {}).get(document.lang, {})
    )
    avoided = re.compile(rf"\b(?:{'|'.join(map(re.escape, avoid))})\b", re.I) if avoid else None
    found = document.plain = {"sentence": 0, "paragraph": 0, "list": 0, "warnings": 0}

    def warn(element, text, needle=None):
        found["warnings"] += 1
        document.report(element, text, WARNING, needle=needle)

    section, denominators = 0, {}  # section -> (denominator, as written)
    hidden = {child for element in root.iter() if unread(element) for child in element.iter()}
    for element in root.iter():
        if element in hidden:
            continue
        if element.tag in ("ul", "ol"):
            items = len(element.findall("li"))
            found["list"] = max(found["list"], items)
            if items > limits["list"]:
                warn(
                    element,
                    f"this list has {items} items; lists are easier to read with "
                    f"{limits['list']} or fewer. Split it into two lists under their own "
                    "lead-in, or group items together.",
                )
        if element.tag not in BLOCKS:
            continue
        if element.tag in HEADINGS:
            section += 1
        text = own_text(element)
        said = sentences(text)
        for sentence in said:
            words = len(words_of(sentence))
            found["sentence"] = max(found["sentence"], words)
            if words > limits["sentence"]:
                warn(
                    element,
                    f"this sentence has {words} words; patient pages keep each "
                    f"sentence to {limits['sentence']} words or fewer. Split it in two.",
                    needle=" ".join(sentence.split()[:4]),
                )
        if element.tag == "p":
            found["paragraph"] = max(found["paragraph"], len(said))
            if len(said) > limits["paragraph"]:
                warn(
                    element,
                    f"this paragraph has {len(said)} sentences; keep paragraphs to "
                    f"{limits['paragraph']} sentences or fewer. Start a new paragraph.",
                )
        for risk in RISKS.get(document.lang, RISKS["en"]).finditer(text):
            number = int(risk[1].replace(",", ""))
            first = denominators.setdefault(section, (number, risk[0]))
            if first[0] != number:
                warn(
                    element,
                    f'this part of the page gives risks out of {first[0]:,} ("{first[1]}") '
                    f'and out of {number:,} ("{risk[0]}"). Give them all out of the same number, '
                    "so that patients can compare them.",
                    needle=risk[0],
                )
        for word in avoided.finditer(text) if avoided else ():
            warn(
                element,
                f'"{word[0]}": write "{avoid[word[0].lower()]}" instead, the plainer '
                "word that serves here.",
                needle=word[0],
            )


def report(run):
    """The plain-language table, or ''."""
    documents = sorted((d for d in run.documents.values() if d.plain), key=lambda d: d.path)
    if not documents:
        return ""
    settings = run.settings
    rows = [f"{'Page':<44} {'Sentence':>8} {'Paragraph':>9} {'List':>5} {'Warnings':>8}"]
    rows += [
        f"{d.path:<44} {d.plain['sentence']:>8} {d.plain['paragraph']:>9} {d.plain['list']:>5} "
        f"{d.plain['warnings']:>8}"
        for d in documents
    ]
    limits = (
        settings.get("PLAIN_SENTENCE_MAX_WORDS", SENTENCE_MAX_WORDS),
        settings.get("PLAIN_PARAGRAPH_MAX_SENTENCES", PARAGRAPH_MAX_SENTENCES),
        settings.get("PLAIN_LIST_MAX_ITEMS", LIST_MAX_ITEMS),
    )
    return (
        "Plain language (longest sentence in words, paragraph in sentences, list in items; "
        "at most {}, {} and {})\n".format(*limits)
        + "\n".join(rows)
        + "\n"
    )
