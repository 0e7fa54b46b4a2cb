"""The Markdown half of the glossary plugin: entries read from the parsed glossary,
first uses linked and unexplained jargon reported on the parsed page.

It runs after the components tree processor (15: the shared parts are on the page and
the numbers filled in) and before toc (5), which keeps the anchors set here. Problems
go through ``md.document``, the file being read by the content checks' strict reader.
"""

import re
import unicodedata
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from content_checks.problems import WARNING
from translations import in_language, split_language

PART = "glossary"  # content/shared/glossary.md
ENTRY = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<others>[^()]*)\))?$")
HEADINGS = {f"h{level}" for level in range(1, 7)}
# Never linked inside these: headings, links, citations, pictures, code.
NOT_LINKED = HEADINGS | {"a", "sup", "svg", "code", "pre"}
NOT_LINKED_CLASSES = {"care-card", "visually-hidden"}
NOT_READ = {"sup", "svg", "code", "pre"}  # not read as text at all
# A word is explained where it is used when it is in brackets, or written as
# "X (…)", "X is …", "X means …", "X, which …", or "called X", "known as X"; on a
# Spanish page "X es …", "X quiere decir …", "X, que …", "llamado X", "conocido como X".
# language -> (the words before it, the words after it)
EXPLAINED = {
    "en": (
        re.compile(r"(?:\bcalled|\bcall it|\bknown as)\s+(?:(?:an?|the)\s+)?$", re.I),
        re.compile(r"^\s*(?:\(|is\b|are\b|means\b|, which\b|, or\b)", re.I),
    ),
    "es": (
        re.compile(
            r"(?:\bllamad[oa]s?|\bse llaman?|\bconocid[oa]s? como)\s+(?:(?:el|la|los|las|una?)\s+)?$",
            re.I,
        ),
        re.compile(r"^\s*(?:\(|es\b|son\b|significa\b|quiere decir\b|, que\b|, o\b)", re.I),
    ),
}


@dataclass
class Entry:
    anchor: str
    name: str
    forms: list  # the name first, then the other words in brackets


def anchor_of(name):
    """``Deep vein thrombosis`` -> ``deep-vein-thrombosis``; accents go, as in the
    anchors of headings (``Inflamación`` -> ``inflamacion``)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def text_of(element):
    return " ".join("".join(element.itertext()).split())


def entries(root):
    """The entries of a parsed glossary: each ``##`` heading, with the elements up to
    the next one as its meaning: [(Entry, heading, meaning elements)]."""
    found = []
    for element in root:
        if element.tag == "h2":
            match = ENTRY.match(text_of(element))
            name = match["name"] if match else text_of(element)
            others = [f.strip() for f in (match["others"] or "").split(",")] if match else []
            found.append((Entry(anchor_of(name), name, [name, *filter(None, others)]), element, []))
        elif found:
            found[-1][2].append(element)
    return found


def word_pattern(words):
    """One pattern for all words, longest first, each also in the singular or plural;
    a word written in capitals (DVT) matches only in capitals."""
    forms = sorted(
        {f for word in words for f in (word, word[:-1] if word.endswith("s") else word)},
        key=len,
        reverse=True,
    )
    alternatives = [f"(?-i:{re.escape(f)})" if f.isupper() else re.escape(f) for f in forms]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})s?(?![\w-])", re.I)


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.page = extension.getConfig("page")
        self.jargon = extension.getConfig("jargon")

    def run(self, root):
        document = self.md.document
        document.parsed(root)
        settings = document.settings
        if split_language(document.relative, settings)[1] == f"shared/{PART}.md":
            self.check_glossary(document, root)
            return
        if document.shared:
            return  # a shared part is linked and checked on the pages that show it
        # Each language's pages link to its own glossary (content/es/shared/, es/pages/).
        tree = document.library.tree(PART, document.lang)
        glossary = entries(tree) if tree is not None else []
        forms = {form: entry for entry, _, _ in glossary for form in entry.forms}
        self.set_anchors(root, glossary)
        page = in_language(self.page, document.lang, settings) if self.page else ""
        if glossary and page and document.relative != page:
            self.link_first_uses(root, forms, page)
            document.parsed(root)  # the new links, so problems in them find their line
        known = {form.lower().removesuffix("s") for form in forms}
        jargon = [
            word
            for word in self.jargon.get(document.lang, [])
            if word.lower().removesuffix("s") not in known
        ]
        if jargon:
            self.check_jargon(document, root, jargon, list(forms))

    @staticmethod
    def set_anchors(root, glossary):
        """Each heading of the glossary, wherever it is shown, gets its word's anchor."""
        anchors = {text_of(heading): entry.anchor for entry, heading, _ in glossary}
        for div in root.iter("div"):
            if f"shared-part--{PART}" in (div.get("class") or "").split():
                for heading in div.iter("h2"):
                    heading.set("id", anchors.get(text_of(heading), anchor_of(text_of(heading))))

    @staticmethod
    def link_first_uses(root, forms, page):
        pattern = word_pattern(list(forms))
        # lower case, singular -> entry: "Spider veins", "spider vein" -> spider veins
        by_form = {form.lower().removesuffix("s"): entry for form, entry in forms.items()}
        linked = set()

        def link(text):
            """The text with the first use of each entry linked: (text before the first
            link, [links with the text after each as their tail])."""
            links, start, head = [], 0, None
            for match in pattern.finditer(text or ""):
                entry = by_form[match[0].lower().removesuffix("s")]
                if entry.anchor in linked:
                    continue
                linked.add(entry.anchor)
                element = etree.Element(
                    "a", {"class": "glossary-link", "href": f"{{filename}}/{page}#{entry.anchor}"}
                )
                element.text = match[0]
                if links:
                    links[-1].tail = text[start : match.start()]
                else:
                    head = text[: match.start()]
                links.append(element)
                start = match.end()
            if links:
                links[-1].tail = text[start:]
            return head, links

        def walk(element):
            head, links = link(element.text)
            if links:
                element.text = head
                for index, new in enumerate(links):
                    element.insert(index, new)
            for child in list(element):
                if child.tag not in NOT_LINKED and not NOT_LINKED_CLASSES & set(
                    (child.get("class") or "").split()
                ):
                    walk(child)
                head, links = link(child.tail)
                if links:
                    child.tail = head
                    position = list(element).index(child) + 1
                    for offset, new in enumerate(links):
                        element.insert(position + offset, new)

        walk(root)

    def check_jargon(self, document, root, jargon, glossary_words):
        """Warn at the first use of each jargon word that no use on the page explains;
        a jargon word inside a glossary word ("thrombosis" in "deep vein thrombosis")
        is the glossary's."""
        pattern = word_pattern(jargon)
        covered = word_pattern(glossary_words) if glossary_words else None
        explained_before, explained_after = EXPLAINED.get(document.lang, EXPLAINED["en"])
        first, explained = {}, set()

        def look(element, text):
            inside = [m.span() for m in covered.finditer(text or "")] if covered else []
            for match in pattern.finditer(text or ""):
                if any(start <= match.start() < end for start, end in inside):
                    continue
                word = match[0].lower().removesuffix("s")
                first.setdefault(word, (element, match[0]))
                before, after = text[: match.start()], text[match.end() :]
                if (
                    before.count("(") > before.count(")")
                    or explained_before.search(before)
                    or explained_after.match(after)
                ):
                    explained.add(word)

        def walk(element):
            look(element, element.text)
            for child in element:
                if child.tag not in NOT_READ and "visually-hidden" not in (
                    child.get("class") or ""
                ):
                    walk(child)
                look(element, child.tail)

        walk(root)
        for word, (element, written) in first.items():
            if word not in explained:
                document.report(
                    element,
                    f'"{written}" is a medical word that the glossary '
                    f"(content/{in_language('shared', document.lang, document.settings)}/{PART}.md) "
                    "does not explain, and this page does not explain it either. Use a plain "
                    f'word, explain it where it is first used ("{written} (…)"), or add it to '
                    "the glossary.",
                    WARNING,
                    needle=written,
                )

    @staticmethod
    def check_glossary(document, root):
        """Every entry has a meaning, and no word belongs to two entries."""
        owners = {}
        for entry, heading, meaning in entries(root):
            if not any(text_of(element) for element in meaning):
                document.report(
                    heading,
                    f'"{entry.name}" has no meaning under it. Write what '
                    "it means in one or two plain sentences, with its source.",
                    needle=entry.name,
                )
            for form in entry.forms:
                other = owners.setdefault(form.lower(), entry.name)
                if other != entry.name:
                    document.report(
                        heading,
                        f'"{form}" is written for "{other}" and for '
                        f'"{entry.name}". Keep it under one of them.',
                        needle=form,
                    )


class GlossaryExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "page": ["", "the page that shows the glossary, from the content folder"],
            "jargon": [{}, "language -> medical words that must be explained"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        # After the components (15): the shared parts are on the page, numbers filled
        # in; before toc (5), which keeps the anchors set here.
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "glossary", 10)
