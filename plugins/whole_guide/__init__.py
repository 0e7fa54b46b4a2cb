"""The whole guide on one page to print or save, and as a PDF leaflet.

Guarantees: every build writes WHOLE_GUIDE_SAVE_AS (``guide.html``) from the
``whole-guide.html`` template: the guide's parts in order, each with its text,
boxes, timeline, Sources and review dates, rewritten by ``combine`` so that ids
stay unique and links between parts lead within the page, with each kind of
help card shown once. Templates get ``whole_guide`` on every page: the page as
a ``WholeGuide`` (its URL, title, parts, review dates) whose ``pdf`` is the
leaflet (URL and size) or None.

With PDF_LEAFLET on (``make publish``, ``make pdf``; off for ``make html``) the
same template, rendered with ``leaflet`` true, becomes the PDF
PDF_LEAFLET_SAVE_AS (see ``leaflet``). It is made after the content checks
passed and before any page is written, so every page can give its size, into
the output folder Pelican is writing (which build.py puts in place only when
the whole build succeeded).
"""

import datetime
from dataclasses import dataclass, field

from pelican import signals
from pelican.utils import get_relative_path, path_to_url

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
    slug: str = field(init=False)

    def __post_init__(self):
        self.slug = self.save_as.rsplit(".", 1)[0]


def site_url(settings, save_as):
    """The SITEURL of a file: relative to it, or the absolute one (as Pelican's writer does)."""
    return path_to_url(get_relative_path(save_as)) if settings["RELATIVE_URLS"] else settings["SITEURL"]


def whole_guide(entries, context, sources, siteurl, svg_style=None):
    """The combined page. Each part is its page's text and its Sources list (the theme's
    partial `sources`, as on the page itself), rewritten by `combine`."""
    pages = [entry.page for entry in entries]
    texts, cards = combine([(page, page.get_content(siteurl)
                             + sources.render(dict(context, SITEURL=siteurl, page=page)))
                            for page in pages], siteurl, svg_style)
    # A date that is not one stays a string (review_dates); the checks report it.
    dated = [page for page in pages if isinstance(getattr(page, "reviewed", None), datetime.date)]
    newest = max(dated, key=lambda page: page.reviewed, default=None)
    next_reviews = [page.next_review for page in dated
                    if isinstance(getattr(page, "next_review", None), datetime.date)]
    reviewers = [getattr(page, "reviewer", "") for page in pages]
    emergency = cards.get("emergency")
    return WholeGuide(
        title=context["SITENAME"],
        summary=f"All {len(pages)} parts of the guide on one page, with their sources, "
                "to print or to save.",
        lang=context["DEFAULT_LANG"],
        url=context["WHOLE_GUIDE_URL"],
        save_as=context["WHOLE_GUIDE_SAVE_AS"],
        parts=[Part(number, page.slug, page.title, text, page)
               for number, (page, text) in enumerate(zip(pages, texts), start=1)],
        reviewed=getattr(newest, "reviewed", None),
        next_review=min(next_reviews, default=None),
        modified=getattr(newest, "modified", None),
        version=context["PDF_LEAFLET_VERSION"] or (newest.reviewed.isoformat() if newest else ""),
        # signed off when every part is, by whoever signed the parts
        reviewer="; ".join(dict.fromkeys(reviewers)) if all(reviewers) else "",
        cover_card=cover_card(emergency) if emergency else "",
    )


def write(generator, writer):
    """The site has no blog articles (ARTICLE_PATHS is empty): the articles writer
    finishing is the moment after the content checks passed (they stop the build
    when the writer is requested) and before any page is written."""
    settings, context = generator.settings, generator.context
    entries = context.get("guide_pages")
    if not entries:
        return
    save_as = settings["WHOLE_GUIDE_SAVE_AS"]
    siteurl = site_url(settings, save_as)
    sources = generator.get_template("partials/sources")
    guide = context["whole_guide"] = whole_guide(entries, context, sources, siteurl)
    template = generator.get_template("whole-guide")
    if settings["PDF_LEAFLET"]:
        paper = whole_guide(entries, context, sources, siteurl, leaflet.svg_style(settings))
        html = template.render(dict(context, SITEURL=siteurl, page=paper, leaflet=True))
        guide.pdf = leaflet.make(html, context, siteurl)
    writer.write_file(save_as, template, context, relative_urls=settings["RELATIVE_URLS"],
                      page=guide, url=guide.url)


def defaults(pelican):
    settings = pelican.settings
    settings.setdefault("WHOLE_GUIDE_SAVE_AS", "guide.html")
    settings.setdefault("WHOLE_GUIDE_URL", settings["WHOLE_GUIDE_SAVE_AS"])
    leaflet.defaults(settings)


def register():
    signals.initialized.connect(defaults)
    signals.article_writer_finalized.connect(write)
