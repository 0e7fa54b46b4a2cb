"""What content/shared/ holds, read once per build before any page: the help cards
and other shared parts, the list of sources and the numbers. Each language has its
own shared parts (content/es/shared/ for Spanish pages); the sources and the numbers
are the same for every language, in content/shared/ only.

The sources and the numbers are parsed at once (every page uses them). A card or
other shared part is parsed on each page that shows it, where the page's checks
name the part's own file and line for any mistake in it; a part no page shows is
parsed and checked on its own at the end of the build (``check_unshown``)."""

import os
import re

from translations import in_language

SHARED = "shared"  # the folder, under the content folder and each language's folder
SOURCES, NUMBERS = "sources.md", "numbers.md"
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
NUMBER = re.compile(r"^\d{1,4}(-\d{1,4})?$")


class Library:
    def __init__(self, reader):
        self.reader = reader
        self.parts = None  # language -> name -> Document, once loaded
        self._sources = {}  # tag -> the source, as HTML
        self._numbers = {}  # name -> "2" or "2-3"
        self.shown_on = {}  # part's relative path -> paths of the pages that show it

    def load(self):
        if self.parts is not None:
            return
        settings = self.reader.settings
        self.parts = {}
        for lang in settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]]:
            folder = in_language(SHARED, lang, settings)
            path = os.path.join(settings["PATH"], folder)
            names = (
                sorted(n for n in os.listdir(path) if n.endswith(".md"))
                if os.path.isdir(path)
                else []
            )
            if lang != settings["DEFAULT_LANG"]:  # files.py reports sources or numbers there
                names = [n for n in names if n not in (SOURCES, NUMBERS)]
            # The sources first, then the numbers: every other part may use both.
            parts = self.parts[lang] = {}
            for name in sorted(names, key=lambda n: (n != SOURCES, n != NUMBERS, n)):
                relative = f"{folder}/{name}"
                if name == SOURCES:
                    self._sources = self.read_kept(relative, "sources").source_html
                elif name == NUMBERS:
                    self._numbers = self.read_kept(relative, "numbers").numbers
                else:  # parsed on each page that shows it
                    parts[name[:-3]] = self.reader.read_document(relative, "shared", parse=False)

    def read_kept(self, relative, role):
        """The sources or the numbers, parsed (or kept from an earlier build)."""

        def read():
            document = self.reader.read_document(relative, role)
            if role == "numbers":
                document.numbers = read_numbers(document)
            return document

        return self.reader.run.pages.read(relative, read)

    def part(self, name, lang):
        self.load()
        return self.parts.get(lang, {}).get(name)

    def part_names(self, lang):
        self.load()
        return sorted(self.parts.get(lang, {}))

    def sources(self):
        self.load()
        return self._sources

    def numbers(self):
        self.load()
        return self._numbers

    def guide_parts(self):
        """How many parts the guide has: the Markdown files in GUIDE_PATH (each
        language's guide has them all, translated or in English)."""
        folder = os.path.join(
            self.reader.settings["PATH"], self.reader.settings.get("GUIDE_PATH", "articles")
        )
        return (
            sum(name.endswith(".md") for name in os.listdir(folder)) if os.path.isdir(folder) else 0
        )

    def tree(self, name, lang):
        """A shared part's own parsed tree (parsed on its own, once, when first asked)."""
        part = self.part(name, lang)
        if part is not None and part.root is None and part.text:
            self.reader.convert(part)
        return part.root if part is not None else None

    def check_unshown(self):
        """Parse and check on its own every shared part that no page shows."""
        for lang, parts in sorted((self.parts or {}).items()):
            for name in sorted(
                name for name, part in parts.items() if part.relative not in self.shown_on
            ):
                self.tree(name, lang)

    def used_by(self, part, document):
        self.shown_on.setdefault(part.relative, set()).add(document.path)


def cells(row):
    return [" ".join("".join(cell.itertext()).split()) for cell in row]


def read_numbers(document):
    """name -> value from the table of content/shared/numbers.md."""
    tables = list(document.root.iter("table")) if document.root is not None else []
    if len(tables) != 1:
        document.report(
            document.body_start,
            "this file must hold one table of numbers: | Name | Value | What it is | Source |.",
        )
        return {}
    rows = list(tables[0].iter("tr"))
    header = [cell.lower() for cell in cells(rows[0])] if rows else []
    if header[:2] != ["name", "value"]:
        document.report(
            rows[0] if rows else document.body_start,
            'the table\'s first two columns must be "Name" and "Value".',
        )
        return {}
    numbers = {}
    for row in rows[1:]:
        name, value = (cells(row) + ["", ""])[:2]
        if not NAME.match(name):
            document.report(
                row,
                f'"{name}" cannot be a name: write it in lower case letters, '
                "digits and _ (for example stockings_spider_days).",
                needle=name or "|",
            )
        elif not NUMBER.match(value):
            document.report(
                row,
                f'the value of {name} is "{value}": write a whole number (2) or a range (2-3).',
                needle=name,
            )
        elif name in numbers:
            document.report(row, f"{name} is in the table twice. Keep one row.", needle=name)
        else:
            numbers[name] = value
    return numbers
