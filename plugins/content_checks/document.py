"""One content file as the strict reader sees it: its bytes, text, information block
and lines, and where each part of its parsed Markdown came from."""

import functools
import os
import re
from dataclasses import dataclass, field

from translations import split_language

from .problems import ERROR

# The information block, as Python-Markdown's `meta` extension reads it:
# "Name: value" lines, continuation lines indented by 4 spaces, then a blank line.
# A name written with spaces ("Next review") is kept, so it can be named as a mistake.
META_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+(?: [A-Za-z0-9_-]+){0,2}):\s*(.*)$")
META_MORE = re.compile(r"^[ ]{4,}(.*)$")
# Bytes no text editor writes on purpose: they would reach the page unseen.
# A Document's attributes that belong to one build, or serve only while it is read
# (the parsed tree and where each part of it came from), or are worked out again.
TRANSIENT = {"problems", "settings", "library", "current", "lines", "root", "parents", "origins"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class Entry:
    key: str  # as written, e.g. "Next-review"
    value: str
    line: int


def display_path(settings, relative):
    """``articles/risks.md`` -> ``content/articles/risks.md`` (as staff see it)."""
    content = os.path.basename(os.path.normpath(settings["PATH"]))
    return f"{content}/{relative}".replace(os.sep, "/")


@dataclass(eq=False)
class Document:
    path: str  # as staff see it
    relative: str  # relative to the content folder, as Pelican's relative_source_path
    problems: object  # the build's Problems
    text: str = ""
    html: str = ""
    role: str = "page"  # page, article, shared, sources or numbers
    lang: str = "en"
    meta: list = field(default_factory=list)  # [Entry]
    body_start: int = 1  # first line after the information block
    current: tuple = None  # (document, line) of the block being parsed
    origins: dict = field(default_factory=dict)  # top-level element -> (document, line)
    parents: dict = field(default_factory=dict)  # element -> parent, once parsed
    sources: list = field(default_factory=list)  # (tag, id of its first citation, html) as cited
    links: list = field(default_factory=list)  # (url, line, element tag), as written
    ids: set = field(default_factory=set)
    counts: tuple = (0, 0, 0)  # words, sentences, syllables a patient reads (readability)
    plain: dict = field(default_factory=dict)  # plain-language figures, for the report
    root: object = None  # the parsed tree
    source_html: dict = field(default_factory=dict)  # tag -> source (sources.md only)
    numbers: dict = field(default_factory=dict)  # name -> value (numbers.md only)

    def __getstate__(self):
        """Kept between builds (``kept``) without this build's own objects and what
        is worked out again when needed."""
        return {k: v for k, v in self.__dict__.items() if k not in TRANSIENT}

    @property
    def shared(self):
        return self.role in ("shared", "sources", "numbers")

    @property
    def translated(self):
        """A translation: a file in a language's folder (content/es/…)."""
        return split_language(self.relative, self.settings)[0] != self.settings["DEFAULT_LANG"]

    @functools.cached_property
    def lines(self):
        return self.text.splitlines()

    def here(self):
        """(document, line) of the Markdown block being parsed right now."""
        return self.current or (self, 0)

    def report(self, where, text, level=ERROR, needle=None):
        """A problem at a line number of this file, at a (document, line) place, or at
        an element of the parsed Markdown; ``needle`` (text written on the line)
        narrows a block's first line down to the line that holds it."""
        if isinstance(where, int):
            where = (self, where)
        document, line = where if isinstance(where, tuple) else self.locate(where)
        if needle and line:
            line = document.find(needle, line)
        self.problems.add(document.path, line, text, level)

    def guard(self, rule, *args):
        """Run a rule; if it crashes, that is one problem, and the other rules still run."""
        try:
            rule(self, *args)
        except Exception as error:
            name = f"{rule.__module__.rsplit('.', 1)[-1]}.{rule.__name__}"
            self.report(
                0,
                f"the check {name} failed ({error!r}); the other checks still "
                "ran. Ask the web team.",
            )

    def parsed(self, root):
        """Note the parsed tree (again, after a tree processor reshaped it)."""
        self.root = root
        self.parents = {child: parent for parent in root.iter() for child in parent}

    def first(self, key):
        """The first information-block entry for a (case-insensitive) key, or None."""
        key = key.lower()
        return next((e for e in self.meta if e.key.lower() == key), None)

    def value(self, key, default=""):
        entry = self.first(key)
        return entry.value if entry else default

    def locate(self, element):
        """(document, line) where the block holding an element starts."""
        top = element
        while top not in self.origins and self.parents.get(top) is not None:
            top = self.parents[top]
        return self.origins.get(top) or self.here()

    def find(self, needle, start, reach=60):
        """The first line from ``start`` (within ``reach``) that holds ``needle``."""
        needle = needle.lower()
        for number in range(start, min(start + reach, len(self.lines) + 1)):
            if needle in self.lines[number - 1].lower():
                return number
        return start


def read_information_block(document):
    """Parse the information block, keeping the line of every entry; report a line in
    it that is not "Name: value" (Pelican would silently end the block there)."""
    lines = document.lines
    for number, line in enumerate(lines, 1):
        if not line.strip():
            document.body_start = number + 1
            return
        match = META_LINE.match(line)
        if match:
            document.meta.append(Entry(match[1], match[2].strip(), number))
        elif META_MORE.match(line) and document.meta:
            document.meta[-1].value += " " + line.strip()
        elif not document.meta:
            document.report(
                1,
                "the file does not start with the information block (Title, Summary, "
                "Reviewed, Next-review …). Put those lines, each written as "
                '"Name: value", at the very top, then one empty line, then the text.',
            )
            document.body_start = 1
            return
        else:
            document.report(
                number,
                "this line is inside the information block at the top but is not written "
                'as "Name: value". Add the missing colon, or leave one empty line before '
                "the text.",
            )
            document.body_start = number
            return
    document.body_start = len(lines) + 1


def decode(document, data, max_bytes, size):
    """The file's text, or None (reported) when it cannot be read as a page."""
    if size > max_bytes:
        document.report(
            0,
            f"the file is {size / 1e6:.1f} MB; the site accepts pages up to "
            f"{max_bytes / 1e6:g} MB. Split it into several pages, or remove pasted material.",
        )
        return None
    if not data.strip():
        document.report(0, "the file is empty. Write the page in it, or delete the file.")
        return None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        document.report(
            data.count(b"\n", 0, error.start) + 1,
            "the file is not saved as UTF-8 text, so some letters cannot be read. "
            'Open it in your editor and save it again with the encoding "UTF-8".',
        )
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if CONTROL.search(line):
            document.report(
                number,
                "this line holds an invisible control character (often pasted from "
                "another program). Retype the line, or paste it as plain text.",
            )
    return text
