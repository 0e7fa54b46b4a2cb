"""Pictures a patient understands at a glance, placed with one line of Markdown.

Guarantees: ``!!! picture <name> "<caption>"`` shows the named drawing as a
``<figure>``: an inline SVG (``role="img"``, with the whole picture said in words as
its ``aria-label``) and the caption under it, followed by the sources of the
picture's labels as citations, so they are listed with the page's sources. Every
drawing is written as text, styled by the theme's classes only (no inline
styles), and draws its numbers from content/shared/numbers.md, the same numbers as
the text. A name the site has no picture for is an error with its line and a
"did you mean"; a picture without a caption is refused by the content checks
(``content_checks.markup``), as is a drawing without a text alternative.

One module per picture: ``vein_sizes``, ``injection``, ``stockings``. Each has
``SOURCES`` (the tags of content/shared/sources.md its labels come from),
``NUMBERS`` (the names of numbers.md it draws) and ``draw(numbers, say)``, which
returns the SVG with every word it shows and says passed through ``say``: on a
translated page, the theme's table of words (theme/strings.toml) gives them in the
page's language.
"""

import functools
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.admonition import AdmonitionProcessor
from pelican import signals

from components.extension import PICTURE, close_to
from translations import text

from . import injection, stockings, vein_sizes

PICTURES = {"vein-sizes": vein_sizes, "injection": injection, "stockings": stockings}


class PictureProcessor(BlockProcessor):
    """The ``!!! picture`` line, written as the site's boxes are (before them)."""

    RE = AdmonitionProcessor.RE

    def __init__(self, parser, md):
        super().__init__(parser)
        self.md = md

    def test(self, parent, block):
        match = self.RE.search(block)
        return bool(match) and match[1].split()[0].lower() == PICTURE

    def run(self, parent, blocks):
        document = self.md.document
        block = blocks.pop(0)
        match = self.RE.search(block)
        if match.start():  # text right above the line, without an empty line between
            self.parser.parseBlocks(parent, [block[: match.start()]])
        line = document.here()
        rest = block[match.end() :]
        if rest.startswith(" " * self.tab_length):
            document.report(
                line,
                "a picture is one line: its caption goes in quotes on that line. Write the "
                "lines indented under it as text of their own, without the indent.",
                needle=rest.strip().splitlines()[0][:40],
            )
        elif rest.strip():
            blocks.insert(0, rest)
        name = (match[1].split() + [""])[1].lower()
        picture = PICTURES.get(name)
        if picture is None:
            document.report(
                line,
                f'there is no picture "{name}".{close_to(name, PICTURES)} '
                f"The pictures are: {', '.join(PICTURES)}.",
                needle=f"!!! {PICTURE}",
            )
            return
        numbers = document.library.numbers()
        missing = [number for number in picture.NUMBERS if number not in numbers]
        if missing:
            document.report(
                line,
                f'the picture "{name}" is drawn from {", ".join("{" + n + "}" for n in missing)}, '
                "which content/shared/numbers.md does not have. Add it there.",
                needle=f"!!! {PICTURE}",
            )
            return
        figure = etree.SubElement(parent, "figure", {"class": f"picture picture--{name}"})
        # the drawing's words in the page's language (the theme's table, plugin translations)
        figure.append(
            picture.draw(numbers, functools.partial(text, document.settings, document.lang))
        )
        caption = (match[2] or "").strip()
        if caption:  # without one, the content checks refuse the figure
            etree.SubElement(figure, "figcaption", {"class": "picture__caption"}).text = (
                caption
                + "".join(f"[^{tag}]" for tag in picture.SOURCES if f"[^{tag}]" not in caption)
            )


class PicturesExtension(Extension):
    def extendMarkdown(self, md):
        md.registerExtension(self)
        # Before the site's boxes (105), which would take "!!! picture" for a box.
        md.parser.blockprocessors.register(PictureProcessor(md.parser, md), "picture", 106)


def add_extension(pelican):
    markdown = pelican.settings["MARKDOWN"]
    extensions = [
        ext for ext in markdown.get("extensions", []) if not isinstance(ext, PicturesExtension)
    ]
    markdown["extensions"] = [*extensions, PicturesExtension()]


def register():
    signals.initialized.connect(add_extension)
