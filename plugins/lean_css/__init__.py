"""Stylesheets go out without their notes: the theme's CSS keeps its comments and
layout for the people who edit it, and patients download neither.

Guarantees: every ``.css`` file the build copies from the theme's static folders is
written to the output with its comments taken out and each run of whitespace made one
space (quoted strings are kept exactly as written), so it means the same to a browser.
``published(path)`` gives the bytes a theme file is published with, so that the
fingerprint of its address (plugin fingerprint) is a hash of what browsers get. The
comments were about a sixth of the weight of every page (gzip), on a site that sends
each page in the first 14 KB.
"""

import functools
import pathlib
import re

from pelican import signals

# A quoted string (kept), or a run of whitespace and comments, read left to right so
# that a "/*" inside a string is never taken for a comment; or a ";" that closes a block.
TOKEN = re.compile(
    r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*')|((?:\s|/\*.*?\*/)+)|;(?=(?:\s|/\*.*?\*/)*\})",
    re.S,
)
COMMENT = re.compile(r"/\*.*?\*/", re.S)
# Whitespace means nothing after these or before those. Not before ":" ("main :focus" is
# not "main:focus"), nor around "+" and "-" (calc() needs them), nor before "(" ("and (").
NOTHING_AFTER = frozenset("{};,>(:")
NOTHING_BEFORE = frozenset("{};,>)!")


@functools.lru_cache(maxsize=16)  # a build asks for each stylesheet several times
def lean(css):
    """The stylesheet as a browser reads it, without comments and with as little
    whitespace as means the same: one space where one is needed, none around braces,
    semicolons, commas, ">" and the like, no ";" before a "}". Strings are kept as written."""

    def token(match):
        if match[1]:
            return match[1]
        if match[2] is None:  # the last ";" of a block
            return ""
        before, after = css[match.start() - 1 : match.start()], css[match.end() : match.end() + 1]
        if not COMMENT.sub("", match[2]):  # comments alone separate nothing
            return ""
        if not before or not after or before in NOTHING_AFTER or after in NOTHING_BEFORE:
            return ""
        return " "

    return TOKEN.sub(token, css) + "\n"


def published(path):
    """The bytes a theme file is published with."""
    path = pathlib.Path(path)
    data = path.read_bytes()
    return lean(data.decode("utf-8")).encode("utf-8") if path.suffix == ".css" else data


def write_lean(pelican):
    settings = pelican.settings
    output = pathlib.Path(pelican.output_path) / settings["THEME_STATIC_DIR"]
    for folder in settings["THEME_STATIC_PATHS"]:
        source = pathlib.Path(settings["THEME"]) / folder
        for css in source.rglob("*.css"):
            target = output / css.relative_to(source)
            if target.is_file():
                target.write_bytes(published(css))


def register():
    signals.finalized.connect(write_lean)
