"""Cache-busting fingerprints for the theme's static files.

Guarantees: the ``fingerprint`` template filter turns a path under the theme's
``static/`` folder (``'css/main.css'|fingerprint``) into a short hash of that
file's content, computed at build time. Templates put it in the file's URL
(``main.css?v=…``), so a browser may cache the file for ever and still gets
the new one the moment it changes.
"""

import functools
import hashlib
import pathlib

from pelican import signals


def add_filter(generator):
    static = pathlib.Path(generator.settings["THEME"]) / "static"

    @functools.cache
    def fingerprint(path):
        return hashlib.sha256((static / path).read_bytes()).hexdigest()[:10]

    generator.env.filters["fingerprint"] = fingerprint


def register():
    signals.generator_init.connect(add_filter)
