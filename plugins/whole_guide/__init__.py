"""The whole guide on one page to print or save, and as a PDF leaflet.

Guarantees: every build writes WHOLE_GUIDE_SAVE_AS (``guide.html``) from the
``whole-guide.html`` template: the guide's parts in order, each with its text,
boxes, timeline, Sources and review dates, rewritten by ``combine`` so that ids
stay unique and links between parts lead within the page, with each kind of
help card shown once. Templates get ``whole_guide`` on every page: the page as
a ``WholeGuide`` (its URL, title, parts, review dates) whose ``pdf`` is the
leaflet (URL and size) or None.

Each language of the site has its whole guide and leaflet, made from the guide in
that language (plugin guide: a part not yet translated is the English one), written
in the language's folder (``es/guide.html``, ``es/`` + PDF_LEAFLET_SAVE_AS), with
the theme's words in that language (plugin translations); each page's
``whole_guide`` is the one in its language, and the versions of a whole guide are
each other's ``translations``, as a page's are.

With PDF_LEAFLET on (``make publish``, ``make pdf``; off for ``make html``) the
same template, rendered with ``leaflet`` true, becomes the PDF
PDF_LEAFLET_SAVE_AS (see ``leaflet``). It is made after the content checks
passed and before any page is written, so every page can give its size, into
the output folder Pelican is writing (which build.py puts in place only when
the whole build succeeded).
"""

import datetime
import pickle
from dataclasses import dataclass, field

from pelican import signals
from pelican.utils import get_relative_path, path_to_url

from kept_results import of_build
from translations import in_language, language_context, text

from . import leaflet
from .combine import combine, cover_card


@dataclass
class Part:
    number: int
    slug: str
    title: str
    content: str  # the page's text, rewritten for the combined page
    page: object  # the guide's Page, for its review dates


@dataclass
class WholeGuide:
    """The combined page, with what templates and plugins read from a page."""

    title: str
    summary: str
    lang: str
    url: str
    save_as: str
    parts: list
    reviewed: datetime.date  # the newest review of a part: the leaflet's version
    next_review: datetime.date  # the earliest next review: when the whole is due
    modified: object  # the sitemap's date, the newest part's (see review_sitemap)
    version: str
    reviewer: str
    cover_card: str = ""  # the emergency card without ids or source numbers
    pdf: object = None
    translator: str = ""  # of a translation: of its parts, when every part names one
    translation_reviewer: str = ""
    translations: list = field(default_factory=list)  # the whole guide in the other languages
    slug: str = field(init=False)

    def __post_init__(self):
        self.slug = self.save_as.rsplit(".", 1)[0]


def site_url(settings, save_as):
    """The SITEURL of a file: relative to it, or the absolute one (as Pelican's writer does)."""
    return (
        path_to_url(get_relative_path(save_as))
        if settings["RELATIVE_URLS"]
        else settings["SITEURL"]
    )


def joined(pages, attribute):
    """The names of a field of every part (once each), when every part has one."""
    names = [getattr(page, attribute, "") for page in pages]
    return "; ".join(dict.fromkeys(names)) if all(names) else ""


def combined(kept, pages, siteurl, svg_style, lang, settings):
    """``combine``'s result, taken from the kept results when the same parts were
    combined before (the theme's words and the style of the SVGs come from the theme
    and the settings, which the kept results' keys include)."""
    key = kept.key(
        "whole guide",
        lang,
        siteurl,
        "paper" if svg_style else "screen",
        *(f"{page.url}\0{page.slug}\0{html}" for page, html in pages),
    )
    data = kept.get(key)
    if data is not None:
        return pickle.loads(data)
    made = combine(pages, siteurl, svg_style, lambda english: text(settings, lang, english))
    kept.put(key, pickle.dumps(made))
    return made


def whole_guide(entries, context, sources, siteurl, lang, kept, svg_style=None):
    """The combined page in language `lang`. Each part is its page's text and its Sources
    list (the theme's partial `sources`, as on the page itself), rewritten by `combine`."""
    settings = context

    def say(english):
        return text(settings, lang, english)

    pages = [entry.page for entry in entries]
    texts, cards = combined(
        kept,
        [
            (
                page,
                page.get_content(siteurl)
                + sources.render(dict(context, SITEURL=siteurl, page=page)),
            )
            for page in pages
        ],
        siteurl,
        svg_style,
        lang,
        settings,
    )
    # A date that is not one stays a string (review_dates); the checks report it.
    dated = [page for page in pages if isinstance(getattr(page, "reviewed", None), datetime.date)]
    newest = max(dated, key=lambda page: page.reviewed, default=None)
    next_reviews = [
        page.next_review
        for page in dated
        if isinstance(getattr(page, "next_review", None), datetime.date)
    ]
    emergency = cards.get("emergency")
    return WholeGuide(
        title=context["SITENAME"],
        summary=say(
            "All {count} parts of the guide on one page, with their sources, to print or to save."
        ).format(count=len(pages)),
        lang=lang,
        url=in_language(context["WHOLE_GUIDE_URL"], lang, context),
        save_as=in_language(context["WHOLE_GUIDE_SAVE_AS"], lang, context),
        parts=[
            Part(number, page.slug, page.title, text, page)
            for number, (page, text) in enumerate(zip(pages, texts, strict=True), start=1)
        ],
        reviewed=getattr(newest, "reviewed", None),
        next_review=min(next_reviews, default=None),
        modified=getattr(newest, "modified", None),
        version=context["PDF_LEAFLET_VERSION"] or (newest.reviewed.isoformat() if newest else ""),
        # signed off when every part is, by whoever signed the parts
        reviewer=joined(pages, "reviewer"),
        cover_card=cover_card(emergency) if emergency else "",
        translator=joined(pages, "translator") if lang != context["DEFAULT_LANG"] else "",
        translation_reviewer=joined(pages, "translation_reviewer")
        if lang != context["DEFAULT_LANG"]
        else "",
    )


def write(generator, writer):
    """The site has no blog articles (ARTICLE_PATHS is empty): the articles writer
    finishing is the moment after the content checks passed (they stop the build
    when the writer is requested) and before any page is written."""
    settings = generator.settings
    by_language = generator.context.get("by_language") or {
        settings["DEFAULT_LANG"]: generator.context
    }
    made = [
        made_in(lang, language, generator)
        for lang, language in by_language.items()
        if language.get("guide_pages")
    ]
    for guide, _ in made:  # each links to the others, as a page to its translations
        guide.translations = [other for other, _ in made if other is not guide]
    template = generator.get_template("whole-guide")
    for guide, context in made:
        writer.write_file(
            guide.save_as,
            template,
            context,
            relative_urls=settings["RELATIVE_URLS"],
            page=guide,
            url=guide.url,
        )


def made_in(lang, language, generator):
    """The whole guide in one language, its leaflet made, and the context to write it with."""
    settings = generator.settings
    context = dict(generator.context, **language_context(settings, generator.context, lang))
    for name in ("PDF_LEAFLET_SAVE_AS", "PDF_LEAFLET_URL"):  # in the language's folder
        context[name] = in_language(settings[name], lang, settings)
    siteurl = site_url(settings, in_language(settings["WHOLE_GUIDE_SAVE_AS"], lang, settings))
    sources = generator.get_template("partials/sources")
    entries = language["guide_pages"]
    kept = of_build(generator)
    guide = whole_guide(entries, context, sources, siteurl, lang, kept)
    language["whole_guide"] = context["whole_guide"] = guide  # what each page links to
    if lang == settings["DEFAULT_LANG"]:
        generator.context["whole_guide"] = guide
    if settings["PDF_LEAFLET"]:
        paper = whole_guide(
            entries, context, sources, siteurl, lang, kept, leaflet.svg_style(settings)
        )
        html = generator.get_template("whole-guide").render(
            dict(context, SITEURL=siteurl, page=paper, leaflet=True)
        )
        guide.pdf = leaflet.make(html, context, siteurl, lang)
    return guide, context


def defaults(pelican):
    settings = pelican.settings
    settings.setdefault("WHOLE_GUIDE_SAVE_AS", "guide.html")
    settings.setdefault("WHOLE_GUIDE_URL", settings["WHOLE_GUIDE_SAVE_AS"])
    leaflet.defaults(settings)


def register():
    signals.initialized.connect(defaults)
    signals.article_writer_finalized.connect(write)
