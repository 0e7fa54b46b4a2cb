"""Link rules: no internal link on the site leads nowhere.

Guarantees: every ``{filename}``, ``{static}`` or ``{attach}`` link, and every
relative URL (``risks.html``, ``images/leg.png``, ``#when-to-get-help``), in
every page points to a page or file the build produces; a ``#anchor`` (also
``{filename}risks.md#anchor`` on another page) names a heading or other id
that is on the target page. Otherwise it is an error with the Markdown line.
Pelican itself only warns and ships the broken link. The rendered HTML is read
with a regular expression, once per page: it is Python-Markdown's own output.
"""

import difflib
import html
import os
import posixpath
import re
from urllib.parse import unquote, urlsplit

from pelican import signals

from . import LineFinder, add, page_path
from .metadata import all_pages

URL_ATTRIBUTE = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
ID_ATTRIBUTE = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
INTRASITE = re.compile(r"^[{|](filename|static|attach)[|}](.*)$")
EXTERNAL = re.compile(r"^(?:https?:|mailto:|tel:|//)", re.I)


def ids_of(page):
    if not hasattr(page, "_content_check_ids"):
        page._content_check_ids = {a or b for a, b in ID_ATTRIBUTE.findall(page._content)}
    return page._content_check_ids


class Site:
    """What the build will produce, to resolve links against."""

    def __init__(self, generators):
        self.context = generators[0].context
        self.settings = generators[0].settings
        self.by_output = {}
        for generator in generators:
            for page in all_pages(generator):
                self.by_output[page.save_as] = page
        self._files = None

    def files(self):
        """Every output path of the site, pages and files (computed when needed)."""
        if self._files is None:
            self._files = set(self.by_output)
            for content in self.context["static_content"].values():
                self._files.add(content.save_as)
            theme = self.settings["THEME"]
            for static in self.settings["THEME_STATIC_PATHS"]:
                root = os.path.join(theme, static)
                for folder, _, names in os.walk(root):
                    for name in names:
                        relative = os.path.relpath(os.path.join(folder, name), root)
                        self._files.add(
                            posixpath.join(self.settings["THEME_STATIC_DIR"], relative)
                        )
        return self._files

    def intrasite(self, page, what, path):
        """The content a {filename}/{static} path names, or None."""
        if path.startswith("/"):
            relative = path[1:]
        else:
            relative = os.path.normpath(os.path.join(page.relative_dir, path))
        key = "generated_content" if what == "filename" else "static_content"
        found = self.context[key].get(relative)
        if found is None and what == "filename":
            found = self.context["static_content"].get(relative)
        # Pelican lists a {static} target even when the file is missing.
        return found if found and os.path.isfile(found.source_path) else None

    def relative(self, page, path):
        """The page an ordinary relative URL names, True for a file, or None."""
        base = posixpath.dirname(page.save_as)
        target = posixpath.normpath(path[1:] or "." if path.startswith("/") else posixpath.join(base, path))
        if path.endswith("/") or target == ".":
            target = posixpath.normpath(posixpath.join(target, "index.html"))
        if target in self.by_output:
            return self.by_output[target]
        return True if target in self.files() else None


def anchor_problem(url, fragment, target):
    ids = ids_of(target)
    if fragment in ids:
        return None
    headings = sorted(i for i in ids if not i.startswith(("fn:", "fnref:")))
    close = difflib.get_close_matches(fragment, headings, n=1)
    hint = f'Did you mean "#{close[0]}"? ' if close else ""
    return (
        f'the link "{url}" points to "#{fragment}", which is not a heading on that page. '
        f"{hint}The link must use the heading's name in lower case with hyphens, as "
        "in the address bar when you click the heading in the contents."
    )


def check_link(site, page, url):
    """A plain-words problem with one link, or None."""
    if url.startswith("#"):  # most links: footnotes and headings on the same page
        return anchor_problem(url, url[1:], page)
    if EXTERNAL.match(url):
        return None
    match = INTRASITE.match(url)
    parts = urlsplit(match[2] if match else url)
    if not match and (parts.scheme or parts.netloc):
        return None  # external, mailto:, tel: (javascript: is a markup rule)
    path = unquote(parts.path)
    if match:
        target = site.intrasite(page, match[1], path)
        if target is None:
            return (
                f'the link "{url}" points to "{path}", which is not in the content '
                "folder. Check the file name and folder (write ../pages/about.md to "
                "reach another folder)."
            )
    elif path:
        target = site.relative(page, path)
        if target is None:
            return (
                f'the link "{url}" points to "{path}", which is not a page or file of '
                "the site. To link to another page, write [text]({filename}risks.md) "
                "with the page's file name."
            )
    else:
        target = page
    if parts.fragment and target is not True and hasattr(target, "_content"):
        return anchor_problem(url, parts.fragment, target)
    return None


def check(generators):
    site = Site(generators)
    for page in sorted(site.by_output.values(), key=lambda p: p.relative_source_path):
        find_line = None
        for a, b in URL_ATTRIBUTE.findall(page._content):
            url = a or b
            url = html.unescape(url) if "&" in url else url
            problem = check_link(site, page, url)
            if problem:
                find_line = find_line or LineFinder(page.source_path)
                add(page_path(page), find_line(url), problem)


def register():
    signals.all_generators_finalized.connect(check)
