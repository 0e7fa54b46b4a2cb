"""The Markdown half of the components plugin: the site's own syntax, parsed.

Everything here reports mistakes through ``md.document`` (the file being read,
set by the strict reader of ``content_checks``) with the line they were written on.
"""

import difflib
import itertools
import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.admonition import AdmonitionProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor

from translations import in_language
from translations import text as translated

from .timeline import pictures

HEADINGS = {f"h{level}": level for level in range(1, 7)}
# card kind -> (hidden prefix for screen readers, heading), in English: the theme's
# table of words (plugin translations) gives them in the page's language.
CARDS = {
    "emergency": ("Emergency advice: ", "Call {emergency_number} if:"),
    "urgent": ("Urgent advice: ", "Get medical help today if:"),
    "non-urgent": ("Non-urgent advice: ", "Contact your clinic if:"),
}
BOXES = ["warning", "info", "do", "dont", "timeline"]
SHARED = "shared"
PICTURE = "picture"  # drawn by the pictures plugin, which reads its line before the boxes
KINDS = [*CARDS, *BOXES, SHARED, PICTURE]
SOURCES = "sources"  # the role of content/shared/sources.md
SOURCE_ID = "source-"  # a source's entry in the Sources list: its id is this and its tag
# "{name}" written in the text; a name of up to 40 characters, so ordinary braces pass
PLACEHOLDER = re.compile(r"\{([^{}\n]{1,40})\}")
RANGE_WORD = {"en": "to", "es": "a"}  # "2-3" is read "2 to 3", "2 a 3"
CITATION = r"\[\^([^\]\s]+)\]"
SOURCE_LINE = re.compile(r"^[ ]{0,3}\[\^([^\]\s]+)\]:[ ]*(.*)$")


def words(document, english):
    """The site's own words in the language of the page being read."""
    return translated(document.settings, document.lang, english)


def close_to(word, known):
    """' Did you mean "x"?' for a near miss, else ''."""
    match = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f' Did you mean "{match[0]}"?' if match else ""


def number_text(value, lang):
    low, _, high = str(value).partition("-")
    return f"{low} {RANGE_WORD.get(lang, 'to')} {high}" if high else low


def _hidden(text):
    span = etree.Element("span", {"class": "visually-hidden"})
    span.text = text
    return span


def _heading(level, text, css_class, prefix=""):
    heading = etree.Element(f"h{level}", {"class": css_class})
    if prefix:
        heading.append(_hidden(prefix))
        heading[-1].tail = text
    else:
        heading.text = text
    return heading


def _wrap_body(div, css_class):
    """Move the box's children into a new body element."""
    body = etree.Element("div", {"class": css_class})
    for child in list(div):
        div.remove(child)
        body.append(child)
    div.text = None
    return body


class SiteBoxProcessor(AdmonitionProcessor):
    """``!!!`` boxes: the known kinds only; the help cards and the shared parts are
    written once in content/shared/ and shown where a page names them."""

    def __init__(self, parser, md):
        super().__init__(parser)
        self.md = md
        self.written_once = set()  # the card divs and shared parts shown here

    def run(self, parent, blocks):
        document = self.md.document
        match = self.RE.search(blocks[0])
        if not match:  # lines indented under the box above
            sibling = self.parse_content(parent, blocks[0])[0]
            if sibling in self.written_once:
                self.current_sibling = None
                blocks.pop(0)
                document.report(
                    sibling,
                    "these lines are indented under a card or shared part, which is "
                    "written once in content/shared/. Change the text there; on this page "
                    "leave only the line that shows it.",
                )
                return
            return super().run(parent, blocks)
        kinds = self.RE_SPACES.sub(" ", match[1].lower()).split(" ")
        kind, title = kinds[0], match[2]
        library = document.library
        if kind not in KINDS:
            document.report(
                document.here(),
                f'"!!! {kind}" is not a kind of box the site has.{close_to(kind, KINDS)} '
                f"The kinds are: {', '.join(KINDS)}.",
                needle=f"!!! {kind}",
            )
        if kind not in CARDS and kind != SHARED:
            return super().run(parent, blocks)
        line = document.here()
        block = blocks.pop(0)
        if match.start() > 0:
            self.parser.parseBlocks(parent, [block[: match.start()]])
        rest = block[match.end() :]
        name = kind if kind in CARDS else (kinds[1] if len(kinds) > 1 else "")
        if rest.strip() or title is not None:
            document.report(
                line,
                f'the box "!!! {match[1]}" is written once, in '
                f"content/{in_language(SHARED, document.lang, document.settings)}/{name or '…'}.md, "
                "and shown the same on every page. Change the text there; on this page "
                f'leave only the line "!!! {match[1]}", with nothing written after or under it.',
                needle="!!!",
            )  # the lines written under it are dropped: the build stops anyway
        if line[0].shared:  # a part being parsed, on its own or where a page shows it
            document.report(
                line,
                "a shared part cannot show a card or another shared part. Show them on "
                "the pages instead.",
                needle="!!!",
            )
            return
        part = library.part(name, document.lang)
        if part is None:
            known = library.part_names(document.lang)
            what = "card" if kind in CARDS else "shared part"
            folder = in_language(SHARED, document.lang, document.settings)
            document.report(
                line,
                f'there is no {what} "{name}" in content/{folder}/.{close_to(name, known)} '
                f"The shared parts are: {', '.join(known) or 'none'}.",
                needle="!!!",
            )
            return
        library.used_by(part, document)
        css_class = f"admonition {kind}" if kind in CARDS else f"shared-part shared-part--{name}"
        div = etree.SubElement(parent, "div", {"class": css_class})
        self.written_once.add(div)
        self.parser.parse_part(div, part)


class SourceDefinitionProcessor(BlockProcessor):
    """``[^L14]: DailyMed, …`` lines: the list of sources in content/shared/sources.md;
    anywhere else an error, since each source is written once."""

    def __init__(self, parser, md):
        super().__init__(parser)
        self.md = md

    def test(self, parent, block):
        return bool(SOURCE_LINE.match(block))

    def run(self, parent, blocks):
        document = self.md.document
        place, line = document.here()
        block = blocks.pop(0)
        lines = block.split("\n")
        if document.role != SOURCES:
            document.report(
                (place, line),
                f"sources are listed once, in content/shared/sources.md, not on each page. "
                f'Move the line "[^{SOURCE_LINE.match(block)[1]}]: …" there (if it is not there '
                "yet) and keep only the citation in the text.",
            )
            return
        entries = self.md.source_list
        if entries is None:
            entries = self.md.source_list = etree.SubElement(
                parent, "ol", {"class": "sources__list"}
            )
        for number, text in enumerate(lines, line):
            found = SOURCE_LINE.match(text)
            if found is None:
                if text.strip():
                    document.report(
                        (place, number),
                        'each line of the list of sources is written "[^TAG]: the source". '
                        "Join this line to the one above, or add its tag.",
                    )
                continue
            tag, body = found[1], found[2].strip()
            if tag in self.md.registered:
                document.report(
                    (place, number), f'the source "[^{tag}]" is listed twice. Keep one.'
                )
            self.md.registered.add(tag)
            item = etree.SubElement(entries, "li", {"id": f"{SOURCE_ID}{tag}"})
            item.text = body


class CitationProcessor(InlineProcessor):
    """``[^L14]`` after a sentence: a numbered link to the source in the page's Sources."""

    def __init__(self, md):
        super().__init__(CITATION, md)

    def handleMatch(self, m, data):
        document, tag = self.md.document, m[1]
        sources = document.library.sources()
        sup = etree.Element("sup", {"class": "citation"})
        link = etree.SubElement(sup, "a", {"class": "citation__link", "href": f"#{SOURCE_ID}{tag}"})
        link.append(_hidden(words(document, "Source ")))  # the number follows (number_citations)
        if tag not in sources and document.role != SOURCES:
            self.md.pending.append(
                (
                    sup,
                    f"the citation [^{tag}] names no source in content/shared/sources.md."
                    f"{close_to(tag, sources)} Add the source there, or correct the tag.",
                    f"[^{tag}]",
                )
            )
        return sup, m.start(0), m.end(0)


class ComponentsTreeprocessor(Treeprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        document = self.md.document
        document.parsed(root)
        for element, text, needle in self.md.pending:  # found while parsing the text
            document.report(element, text, needle=needle)
        self.fill_in(root, document)  # first: the timeline's picture is drawn from the text
        level = 1  # the page title is the h1
        for element in list(root.iter()):
            if element.tag in HEADINGS:
                level = HEADINGS[element.tag]
            classes = (element.get("class") or "").split()
            if element.tag == "div" and "admonition" in classes:
                self.component(element, classes[1:], min(level + 1, 6))
            self.separate_citations(element)
        cited = self.number_citations(root)
        document.sources = [
            (tag, first, document.library.sources().get(tag, "")) for tag, first in cited.items()
        ]
        if document.role == SOURCES and self.md.source_list is not None:
            document.source_html = {
                item.get("id").removeprefix(SOURCE_ID): self.inner_html(item)
                for item in self.md.source_list
            }

    def inner_html(self, element):
        html = to_html_string(element)
        html = html[html.index(">") + 1 : html.rindex("<")]
        for processor in self.md.postprocessors:
            html = processor.run(html)
        return html

    def fill_in(self, root, document):
        """Put each ``{name}`` in the text: the emergency number, the number of parts
        of the guide, or a number of content/shared/numbers.md; any other name is a
        mistake."""
        values = {
            "emergency_number": self.extension.getConfig("emergency_number"),
            "guide_parts": str(document.library.guide_parts()),
        }
        values.update(
            (name, number_text(value, document.lang))
            for name, value in document.library.numbers().items()
        )

        def replace(match):
            name = match[1]
            if name in values:
                return values[name]
            guess = name.strip().lower().replace(" ", "_").replace("-", "_")
            near = difflib.get_close_matches(guess, list(values), n=1, cutoff=0.6)
            hint = f" Did you mean {{{near[0]}}}?" if near else ""
            document.report(
                element,
                f'"{match[0]}" is not something the site can fill in.{hint} The site fills in '
                "{emergency_number}, {guide_parts} and the numbers named in "
                "content/shared/numbers.md.",
                needle=match[0],
            )
            return match[0]

        for element in root.iter():
            for attr in ("text", "tail"):
                value = getattr(element, attr)
                if value and "{" in value:
                    setattr(element, attr, PLACEHOLDER.sub(replace, value))
            if element.get("alt") and "{" in element.get("alt"):
                element.set("alt", PLACEHOLDER.sub(replace, element.get("alt")))

    def component(self, div, kinds, level):
        document = self.md.document
        kind = kinds[0] if kinds else "info"
        first = div[0] if len(div) else None
        title = None
        if first is not None and first.get("class") == "admonition-title":
            div.remove(first)
            title = "".join(first.itertext()).strip()
            title = None if title == kind.capitalize() else title
        if not len(div) and not (div.text or "").strip():
            document.report(
                div,
                f'the box "!!! {kind}" is empty. Indent its lines by 4 spaces under the '
                '"!!!" line, so they belong to the box.',
                needle=f"!!! {kind}",
            )
        if kind in CARDS:
            prefix, heading = (words(document, english) for english in CARDS[kind])
            heading = heading.replace(
                "{emergency_number}", self.extension.getConfig("emergency_number")
            )
            div.set("class", f"care-card care-card--{kind}")
            body = _wrap_body(div, "care-card__content")
            div.append(_heading(level, heading, "care-card__heading", prefix))
            div.append(body)
        elif kind == "warning":
            important = words(document, "Important")
            title = title or important
            prefix = (
                ""
                if title.lower().startswith(important.lower())
                else words(document, "Important: ")
            )
            div.set("class", "warning-callout")
            body = _wrap_body(div, "warning-callout__content")
            div.append(_heading(level, title, "warning-callout__label", prefix))
            div.append(body)
        elif kind in ("do", "dont"):
            div.set("class", f"do-dont-list do-dont-list--{kind}")
            body = _wrap_body(div, "do-dont-list__content")
            default = words(document, "Do" if kind == "do" else "Don't")
            div.append(_heading(level, title or default, "do-dont-list__label"))
            div.append(body)
            for ul in body.iter("ul"):
                ul.set("class", f"do-dont-list__list do-dont-list__list--{kind}")
        elif kind == "timeline":
            title = title or words(document, "Timeline")
            div.set("class", "timeline")
            body = _wrap_body(div, "timeline__content")
            div.append(_heading(level, title, "timeline__heading"))
            steps = body.find("ul")
            if steps is not None:  # the picture comes first; the list is its text equivalent
                name = words(document, "Picture: {title}. The same steps are listed below.")
                div.extend(pictures(steps, name.format(title=title)))
            div.append(body)
        else:  # "info": inset text, "good to know"
            div.set("class", "inset-text")
            body = _wrap_body(div, "inset-text__content")
            if title:
                body.insert(0, _heading(level, title, "inset-text__heading"))
            div.append(_hidden(words(document, "Information: ")))
            div.append(body)

    @staticmethod
    def number_citations(root):
        """Number the sources in reading order (Markdown's inline patterns run breadth
        first, so only the finished tree has it); the first citation of each source gets
        the id its entry in the Sources list links back to. Returns {tag: that id}."""
        cited = {}
        for link in root.iter("a"):
            if link.get("class") == "citation__link":
                tag = link.get("href").removeprefix(f"#{SOURCE_ID}")
                if tag not in cited:
                    cited[tag] = f"cite-{tag}"
                    link.set("id", cited[tag])
                link[-1].tail = str(list(cited).index(tag) + 1)
        return cited

    @staticmethod
    def separate_citations(parent):
        """Sources cited together read "2,3", not "23": a comma inside the first <sup>."""
        for first, second in itertools.pairwise(parent):
            if (
                first.tag == second.tag == "sup"
                and len(first)
                and not (first.tail or "").strip()
                and "citation__link" in (first[-1].get("class") or "")
            ):
                first[-1].tail = ","


class ComponentsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"emergency_number": ["911", "Number to call in an emergency"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.registerExtension(self)
        self.reset_state(md)
        md.parser.blockprocessors.register(SiteBoxProcessor(md.parser, md), "admonition", 105)
        # Before Markdown's reference definitions (priority 15), which "[^x]: …" would be.
        md.parser.blockprocessors.register(SourceDefinitionProcessor(md.parser, md), "sources", 17)
        # Before links (160) and references (170), as Markdown's own footnotes.
        md.inlinePatterns.register(CitationProcessor(md), "citation", 175)
        # After inline patterns (20); before toc (5), so ids come from the final text.
        md.treeprocessors.register(ComponentsTreeprocessor(md, self), "components", 15)

    def reset(self):
        pass  # each file gets its own Markdown instance (see reset_state)

    @staticmethod
    def reset_state(md):
        md.pending = []  # (element, problem, text to find its line by), found inline
        md.registered = set()
        md.source_list = None
