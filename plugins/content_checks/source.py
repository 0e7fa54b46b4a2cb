"""The Markdown files of content/, read once per build exactly as written.

Pelican drops files it cannot read (bad UTF-8, no title) and parses metadata
leniently, so the rules read the files themselves: every file under
PAGE_PATHS/ARTICLE_PATHS is read here once, and its metadata block is parsed
the way Python-Markdown's ``meta`` extension does, keeping line numbers.
"""

import os
import re
from dataclasses import dataclass, field

from . import display_path

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
# Python-Markdown's meta extension: "Key: value", continuation lines indented.
META_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")
META_MORE = re.compile(r"^[ ]{4,}(.*)$")


@dataclass
class Entry:
    key: str  # as written, e.g. "Next-review"
    value: str
    line: int


@dataclass
class Source:
    path: str  # as staff see it: content/articles/risks.md
    full_path: str
    relative_source_path: str  # relative to PATH, as Pelican's relative_source_path
    data: bytes
    text: str | None = None  # None: not UTF-8
    meta: list = field(default_factory=list)  # [Entry]
    meta_end: int = 0  # line number of the line that ended the block (0: none)
    body_start: int = 1  # first line number of the text after the block

    def first(self, key):
        """The first entry for a (case-insensitive) key, or None."""
        key = key.lower()
        return next((e for e in self.meta if e.key.lower() == key), None)

    def body_lines(self):
        """(line number, line) of the text after the metadata block."""
        lines = self.text.splitlines()
        return list(enumerate(lines[self.body_start - 1 :], self.body_start))


def _parse_meta(source):
    lines = source.text.lstrip("\ufeff").splitlines()
    number = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            source.body_start = number + 1
            return
        match = META_LINE.match(line)
        if match:
            source.meta.append(Entry(match[1], match[2].strip(), number))
        elif META_MORE.match(line) and source.meta:
            source.meta[-1].value += " " + line.strip()
        else:
            source.meta_end = number
            source.body_start = number
            return
    source.body_start = number + 1


def read_all(generator):
    """Every Markdown source of the site, read once per build per generator."""
    cached = getattr(generator, "_content_check_sources", None)
    if cached is not None:
        return cached
    settings = generator.settings
    paths = settings["PAGE_PATHS"] + settings["ARTICLE_PATHS"]
    files = generator.get_files(
        paths,
        exclude=settings["PAGE_EXCLUDES"] + settings["ARTICLE_EXCLUDES"],
        extensions=MARKDOWN_EXTENSIONS,
    )
    sources = []
    for relative in sorted(files):
        full = os.path.join(generator.path, relative)
        with open(full, "rb") as file:
            data = file.read()
        source = Source(display_path(settings, relative), full, relative, data)
        try:
            source.text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            _parse_meta(source)
        sources.append(source)
    generator._content_check_sources = sources
    return sources
