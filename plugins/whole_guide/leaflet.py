"""The PDF leaflet: the whole-guide page rendered for paper by WeasyPrint.

Guarantees: ``make(html, context, siteurl, lang)`` writes PDF_LEAFLET_SAVE_AS into
the output folder and returns its URL and size; a translation's leaflet has its page
numbers in its language ("Página 1 de 12"), and is kept in its own cache
(CACHE_PATH/leaflet-es). The PDF is tagged (PDF/UA-1:
title, language and subject from the page, the structure for screen
readers), with its fonts embedded and its links kept; pages are
PDF_LEAFLET_PAGE_SIZE ("letter" or "A4"), laid out by the theme's print styles
plus ``theme/leaflet/leaflet.css`` (cover, contents with page numbers, running
headers, "Page N of M"). WeasyPrint reads only the site's own files, from
their sources: it never goes to the network. Anything WeasyPrint reports
while making it stops the build, except the parts of the browsers' style
sheet it cannot use (which the leaflet's styles stand in for). It runs only
when what it would read changed (the page's HTML, which the content,
templates and settings make; the files it loads; its own version and
options): otherwise the PDF is the one kept in CACHE_PATH/leaflet by the last
run that made it.
"""

import contextlib
import hashlib
import logging
import mimetypes
import os
import pathlib
import posixpath
import re
import shutil
import time
from dataclasses import dataclass
from importlib.metadata import version
from urllib.parse import unquote, urlsplit

from translations import text

PAGE_SIZES = ("letter", "A4")
# Where WeasyPrint takes a site with relative links (make pdf) to be: a name only, whose
# files the fetcher serves from their sources like those under SITEURL.
LOCAL_ROOT = "file:///site/"
OPTIONS = {"pdf_variant": "pdf/ua-1"}
VARIABLE = re.compile(r"var\((--[\w-]+)\)")
# What WeasyPrint says about main.css, written for browsers: properties and media
# queries it does not know (the print styles and leaflet.css cover what matters).
BROWSER_ONLY = ("Ignored `", "Expected a media type", "Invalid media type")


class LeafletError(Exception):
    pass


@dataclass(frozen=True)
class Pdf:
    url: str
    size: int  # bytes

    @property
    def size_text(self):
        """As people read file sizes: "340 KB", "1.2 MB"."""
        if self.size < 1000 * 1024:
            return f"{max(1, round(self.size / 1024))} KB"
        return f"{self.size / 1024 / 1024:.1f} MB"


def defaults(settings):
    settings.setdefault("PDF_LEAFLET", False)
    settings.setdefault("PDF_LEAFLET_SAVE_AS", "guide.pdf")
    settings.setdefault("PDF_LEAFLET_URL", settings["PDF_LEAFLET_SAVE_AS"])
    settings.setdefault("PDF_LEAFLET_PAGE_SIZE", "letter")
    settings.setdefault("PDF_LEAFLET_REFERENCE", "")
    settings.setdefault("PDF_LEAFLET_VERSION", "")
    if settings["PDF_LEAFLET_PAGE_SIZE"] not in PAGE_SIZES:
        raise LeafletError(
            f'PDF_LEAFLET_PAGE_SIZE must be "letter" or "A4", not '
            f'"{settings["PDF_LEAFLET_PAGE_SIZE"]}".'
        )


def theme_file(settings, name):
    return pathlib.Path(settings["THEME"]) / "leaflet" / name


def svg_style(settings):
    """What an inline SVG needs inside it, from its classes: the theme's rules for its
    BEM blocks (``timeline__…`` for ``timeline__picture``), those for paper after the
    others as in the print cascade, each ``var(--name)`` written out (WeasyPrint draws an
    inline SVG with the styles inside it only, and knows no custom properties there)."""
    import tinycss2  # a part of WeasyPrint, loaded only for the PDF

    rules, variables = [], {}

    def take(rule):
        selector = tinycss2.serialize(rule.prelude).strip()
        declarations = tinycss2.serialize(rule.content).strip()
        if selector == ":root":
            for declaration in tinycss2.parse_blocks_contents(rule.content):
                if declaration.type == "declaration" and declaration.name.startswith("--"):
                    variables[declaration.name] = tinycss2.serialize(declaration.value).strip()
        rules.append((selector, declarations))

    static = pathlib.Path(settings["THEME"])
    for sheet in sorted(
        path
        for folder in settings["THEME_STATIC_PATHS"]
        for path in (static / folder).rglob("*.css")
    ):
        for rule in tinycss2.parse_stylesheet(
            sheet.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True
        ):
            if rule.type == "qualified-rule":
                take(rule)
            elif (
                rule.type == "at-rule"
                and rule.lower_at_keyword == "media"
                and tinycss2.serialize(rule.prelude).strip() == "print"
            ):
                for inner in tinycss2.parse_rule_list(rule.content, True, True):
                    if inner.type == "qualified-rule":
                        take(inner)

    def style(classes):
        blocks = [f".{name.split('__')[0]}__" for name in classes if "__" in name]
        kept = "".join(
            f"{selector}{{{declarations}}}"
            for selector, declarations in rules
            if any(block in part for block in blocks for part in selector.split(","))
        )
        return VARIABLE.sub(lambda match: variables.get(match[1], match[0]), kept)

    return style


def site_files(context):
    """Every file of the site WeasyPrint may load: its path in the site -> its source."""
    files = {}
    theme = pathlib.Path(context["THEME"])
    for static in context["THEME_STATIC_PATHS"]:
        for path in (theme / static).rglob("*"):
            if path.is_file():
                relative = path.relative_to(theme / static).as_posix()
                files[f"{context['THEME_STATIC_DIR']}/{relative}"] = path
    for content in context["static_content"].values():
        files[content.save_as] = pathlib.Path(content.source_path)
    return files


def fetcher(files, root):
    """A WeasyPrint URL fetcher that serves the site's files from their sources and
    fails on anything else: a leaflet without its style sheet is no leaflet."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            address = url.split("#")[0].split("?")[0]
            path = (
                files.get(unquote(address.removeprefix(root))) if address.startswith(root) else None
            )
            if path is None:
                raise LeafletError(f"the leaflet may load only the site's own files, not {url}")
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})

    return SiteFetcher(fail_on_errors=True)


class _Reports(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        message = record.getMessage()
        if not message.startswith(BROWSER_ONLY):
            self.messages.append(message)


@contextlib.contextmanager
def reports():
    """What WeasyPrint logs meanwhile, kept here rather than printed."""
    logger, handler = logging.getLogger("weasyprint"), _Reports()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def weasyprint():
    """WeasyPrint, loaded only when a build makes the PDF (its import alone takes a while)."""
    try:
        import weasyprint
    except OSError as error:  # its C libraries
        raise LeafletError(
            f"the PDF leaflet needs Pango ({error}). On Debian or Ubuntu, run "
            "`make system-deps` as root, or: apt-get install libpango-1.0-0 "
            "libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core"
        ) from error
    return weasyprint


def page_numbers(context, lang):
    """The running "Page N of M", in the leaflet's language (over leaflet.css's English)."""
    page, of = (text(context, lang, words) for words in ("Page ", " of "))
    return f'@page {{ @bottom-right {{ content: "{page}" counter(page) "{of}" counter(pages) }} }}'


def make(html, context, siteurl, lang):
    absolute = bool(urlsplit(siteurl).scheme)
    # Where WeasyPrint takes the site to be: the fetcher serves its files from the sources.
    root = f"{siteurl}/" if absolute else LOCAL_ROOT
    # The folder of the page the leaflet is made from (es/ for the Spanish one): relative
    # links in it are read from there.
    folder = posixpath.dirname(context["PDF_LEAFLET_SAVE_AS"])
    styles = [
        theme_file(context, "leaflet.css").read_text(encoding="utf-8"),
        f"@page {{ size: {context['PDF_LEAFLET_PAGE_SIZE']} }}",
        page_numbers(context, lang),
    ]
    files = site_files(context)
    target = pathlib.Path(context["OUTPUT_PATH"]) / context["PDF_LEAFLET_SAVE_AS"]
    target.parent.mkdir(parents=True, exist_ok=True)
    cache = pathlib.Path(context["CACHE_PATH"]) / "-".join(
        filter(None, ("leaflet", folder))
    )  # leaflet-es
    cached = cache / f"{fingerprint(html, root, styles, files)}.pdf"
    started = time.perf_counter()
    try:
        shutil.copyfile(cached, target)
        how = "unchanged since the last one, copied from the cache"
    except FileNotFoundError:  # not made yet, or another build (the tests) kept its own since
        pages = render(html, root, styles, files, target, relative=not absolute, folder=folder)
        keep(target, cache, cached)
        how = f"{pages} pages, made in {time.perf_counter() - started:.1f} s"
    pdf = Pdf(context["PDF_LEAFLET_URL"], target.stat().st_size)
    print(f"PDF leaflet: {context['PDF_LEAFLET_SAVE_AS']}, {pdf.size_text}, {how}", flush=True)
    return pdf


def fingerprint(html, root, styles, files):
    """A hash of everything WeasyPrint would read, and of WeasyPrint itself."""
    digest = hashlib.sha256()
    for part in (version("weasyprint"), repr(sorted(OPTIONS.items())), root, *styles, html):
        digest.update(part.encode() + b"\0")
    for url, path in sorted(files.items()):
        digest.update(url.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def render(html, root, styles, files, target, relative, folder=""):
    """Write the PDF of `html` (a page in `folder` of the site) to `target`; return its
    number of pages."""
    renderer = weasyprint()
    base = f"{root}{folder}/" if relative and folder else root
    with reports() as problems:
        page = renderer.HTML(string=html, base_url=base, url_fetcher=fetcher(files, root))
        document = page.render(stylesheets=[renderer.CSS(string=style) for style in styles])
        if relative:
            relative_links(document, root, folder)
        document.write_pdf(target, **OPTIONS)
    if problems:
        target.unlink()
        raise LeafletError(
            "WeasyPrint could not make the PDF leaflet as designed:\n  "
            + "\n  ".join(dict.fromkeys(problems))
        )
    return len(document.pages)


def relative_links(document, root, folder=""):
    """Links to the site's pages as relative links (``about.html``), as the pages have them:
    they lead to the site beside the PDF (in `folder` of it), wherever the folder is copied."""

    def relative(target):
        if not target.startswith(root):
            return target
        address = target.removeprefix(root)
        return posixpath.relpath(address or ".", folder) if folder else address

    for page in document.pages:
        page.links = [
            (kind, relative(target) if kind == "external" else target, *rest)
            for kind, target, *rest in page.links
        ]


def keep(pdf, cache, cached):
    """Keep this PDF, and only this one, for the next build with the same inputs."""
    cache.mkdir(parents=True, exist_ok=True)
    partial = cache / f".{cached.name}.{os.getpid()}"
    shutil.copyfile(pdf, partial)
    os.replace(partial, cached)  # whole or not at all, also with two builds at once
    for old in cache.glob("*.pdf"):
        if old != cached:
            old.unlink(missing_ok=True)
