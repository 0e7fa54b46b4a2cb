"""Cache-busting addresses for the theme's static files.

Guarantees: the ``theme_url`` template filter turns a path under the theme's
``static/`` folder (``'css/main.css'|theme_url``) into that file's address on the
site, ``{SITEURL}/theme/css/main.css?v=<hash>``, where the hash is taken from the
file's content as it is published (plugin lean_css) at build time. Hosts keep everything under /theme/ for a year
(settings CACHE_CONTROL_THEME); templates link theme files only through this filter,
so a browser gets the new file the moment it changes. A missing file stops the build.
"""

import functools
import hashlib
import pathlib

import jinja2
from pelican import signals

from lean_css import published


def add_filter(generator):
    static = pathlib.Path(generator.settings["THEME"]) / "static"
    folder = generator.settings["THEME_STATIC_DIR"]

    @functools.cache
    def fingerprint(path):
        return hashlib.sha256(published(static / path)).hexdigest()[:10]

    @jinja2.pass_context
    def theme_url(context, path):
        return f"{context['SITEURL']}/{folder}/{path}?v={fingerprint(path)}"

    generator.env.filters["theme_url"] = theme_url


def register():
    signals.generator_init.connect(add_filter)
