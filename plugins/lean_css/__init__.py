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

import pathlib
import re

from pelican import signals

# A quoted string (kept), or a run of whitespace and comments, read left to right so
# that a "/*" inside a string is never taken for a comment.
TOKEN = re.compile(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*')|(?:\s|/\*.*?\*/)+", re.S)
COMMENT = re.compile(r"/\*.*?\*/", re.S)


def lean(css):
    """The stylesheet without comments, each run of whitespace one space (a comment with
    no whitespace around it separates nothing, so it leaves nothing)."""
    return TOKEN.sub(lambda m: m[1] or (" " if COMMENT.sub("", m[0]) else ""), css).strip() + "\n"


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
