"""The strict Markdown reader: each content file is read and parsed once.

It reads the bytes (size first, then UTF-8), parses the information block keeping
each line, converts the Markdown with a block parser that notes where every block
starts, and runs the per-file rules on the parsed tree. Nothing is dropped: a file
that cannot be read is a problem with its file and line, and still yields a page
(the build stops before anything is written).
"""

import contextlib
import os
import signal
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension
from markdown.extensions.tables import TableProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from pelican.readers import MarkdownReader

from translations import split_language

from . import links, markup, metadata, plain_language, readability
from .document import Document, decode, display_path, read_information_block

MAX_BYTES = 1_000_000  # a bigger page is a pasting accident
READ_SECONDS = 10  # a page that takes longer to parse is one too


class TrackedBlocks(list):
    """The blocks of a text being parsed, knowing the line the first one starts on.

    Markdown's block processors take blocks from the front (``pop(0)``) and put back
    what they did not use (``insert(0, rest)``); the line follows them."""

    def __init__(self, blocks, first_line):
        super().__init__(blocks)
        self.head_line = first_line
        self._taken = ("", first_line)

    def pop(self, index=-1):
        block = super().pop(index)
        if index == 0:
            self._taken = (block, self.head_line)
            self.head_line += block.count("\n") + 2
        return block

    def insert(self, index, block):
        super().insert(index, block)
        if index == 0:
            taken, line = self._taken
            used = taken[: len(taken) - len(block)] if taken.endswith(block) else ""
            self.head_line = line + used.count("\n")


class TrackingBlockParser(BlockParser):
    """Markdown's block parser, noting which file and line each top-level element
    (and each element of a shared part shown on the page) was written on."""

    def parseDocument(self, lines):
        self.root = etree.Element(self.md.doc_tag)
        self.parse_tracked(self.root, "\n".join(lines), self.md.document, 1)
        return etree.ElementTree(self.root)

    def parse_part(self, parent, part):
        """Parse a shared part (a Document of content/shared/) into ``parent``."""
        normalize = self.md.preprocessors["normalize_whitespace"]
        lines = normalize.run(part.lines[part.body_start - 1 :])
        self.parse_tracked(parent, "\n".join(lines), part, part.body_start)

    def parse_tracked(self, parent, text, document, first_line):
        page = self.md.document
        blocks = TrackedBlocks(text.split("\n\n"), first_line)
        outer = page.current
        while blocks:
            line = blocks.head_line
            page.current = (document, line)
            count = len(parent)
            for processor in self.blockprocessors:
                if processor.test(parent, blocks[0]) and processor.run(parent, blocks) is not False:
                    break
            for child in parent[count:]:
                page.origins.setdefault(child, (document, line))
        page.current = outer


class RawHtmlRefused(InlineProcessor):
    """Content is Markdown only: anything that looks like an HTML tag or comment is a
    mistake, named with its line (also where a browser would read a tag that Markdown
    would not, as in ``<img src="x"onerror=…>``). It is shown as text, never passed
    through (the build stops anyway)."""

    PATTERN = r"<(?:/?([A-Za-z][A-Za-z0-9-]*)[^<>]*>|!--)"

    def handleMatch(self, m, data):
        what = f"<{m[1].lower()}>" if m[1] else "an HTML comment"
        shown = etree.Element("span")
        shown.text = m[0]
        self.md.pending.append(
            (
                shown,
                f"{what} is not allowed in the content: pages are written in Markdown only, so "
                "nothing on a page can run code, load from another site or send patients "
                "elsewhere. Remove it, and write the text, links (as [text](address)) and "
                "pictures (as ![description]({static}/images/name.png)) in Markdown.",
                m[0][:20],
            )
        )
        return shown, m.start(0), m.end(0)


class CheckedTableProcessor(TableProcessor):
    """Markdown's tables, refusing rows whose cells do not match the header (Markdown
    would silently drop or pad cells)."""

    def run(self, parent, blocks):
        document = self.parser.md.document
        place = document.here()
        rows = blocks[0].split("\n")
        columns = len(self._split_row(rows[0].strip(" ")))
        for offset, row in enumerate(rows[2:], 2):
            if row.strip() and len(self._split_row(row.strip(" "))) != columns:
                document.report(
                    (place[0], place[1] + offset),
                    f"this table row has {len(self._split_row(row.strip(' ')))} cells, but the "
                    f'table has {columns} columns. Check for a missing or extra "|".',
                )
        return super().run(parent, blocks)


class FileRules(Treeprocessor):
    """The rules that need only this file, run on its finished tree."""

    def run(self, root):
        document = self.md.document
        document.parsed(root)
        for rule in (markup.check, links.collect, readability.collect, plain_language.collect):
            document.guard(rule, root)


class ReaderExtension(Extension):
    def extendMarkdown(self, md):
        md.parser.__class__ = TrackingBlockParser  # the same parser, noting lines
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.register(RawHtmlRefused(RawHtmlRefused.PATTERN, md), "html", 90)
        if "table" in md.parser.blockprocessors:
            config = {"use_align_attribute": True}  # align="…", not style= (the CSP forbids it)
            md.parser.blockprocessors.register(
                CheckedTableProcessor(md.parser, config), "table", 75
            )
        # After every other tree processor (Markdown's last, "unescape", is 0).
        md.treeprocessors.register(FileRules(md), "content_checks", -10)


@contextlib.contextmanager
def time_limit(seconds):
    """Stop a parse that runs away (a pathological file), as a TimeoutError."""

    def stop(signum, frame):
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, stop)
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)  # a page's, when a part is parsed
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, *outer)
        signal.signal(signal.SIGALRM, previous)


class StrictMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, made strict (see the module's docstring)."""

    def __init__(self, settings):
        # Not MarkdownReader.__init__: it adds the `meta` extension, and the
        # information block is parsed here, with its lines.
        self.settings = settings
        self.run = None  # the build's state, given by content_checks at each build

    def read(self, source_path):
        relative = os.path.relpath(source_path, self.settings["PATH"])
        document = self.run.pages.read(relative, lambda: self.read_document(relative))
        return document.html, metadata.for_pelican(document, self)

    def read_document(self, relative, role=None, parse=True):
        """Read, parse and check one file of the content folder (its information block
        only, without ``parse``: a shared part is parsed where a page shows it)."""
        settings = self.settings
        document = Document(display_path(settings, relative), relative, self.run.problems)
        document.settings, document.library = settings, self.run.library
        document.role = role or metadata.role_of(relative, settings)
        path, limit = (
            os.path.join(settings["PATH"], relative),
            settings.get("CONTENT_MAX_BYTES", MAX_BYTES),
        )
        with open(path, "rb") as file:
            data = file.read(limit + 1)  # no more: the size is checked before anything else
        document.text = decode(document, data, limit, os.path.getsize(path)) or ""
        if document.text:
            read_information_block(document)
            # A file in a language's folder is in that language, also when its Lang line
            # is missing (the metadata rules report that).
            document.lang = document.value("Lang") or split_language(relative, settings)[0]
            document.guard(metadata.check_file)
            if parse:
                self.convert(document)
        self.run.documents[relative] = document
        return document

    def convert(self, document):
        config = self.settings["MARKDOWN"]
        extensions = list(config.get("extensions", []))
        extensions += [
            name for name in config.get("extension_configs", {}) if name not in extensions
        ]
        md = Markdown(
            extensions=[*extensions, ReaderExtension()],
            extension_configs=config.get("extension_configs", {}),
            output_format=config.get("output_format", "html5"),
        )
        md.document = document
        # The body as its own lines: blank lines stand in for the information block,
        # so line numbers stay those of the file.
        body = "\n" * (document.body_start - 1) + "\n".join(
            document.lines[document.body_start - 1 :]
        )
        try:
            with time_limit(self.settings.get("CONTENT_READ_SECONDS", READ_SECONDS)):
                document.html = md.convert(body)
        except TimeoutError:
            document.report(
                0,
                "this file took too long to read: it is probably pasted by accident (for "
                "example a list nested hundreds of levels deep). Remove the pasted part.",
            )
        except Exception as error:  # a crash must not hide the other problems
            document.report(0, f"this file could not be read ({error!r}). Ask the web team.")
