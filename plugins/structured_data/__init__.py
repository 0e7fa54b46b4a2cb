"""What search engines and link previews read about each page.

Guarantees: templates get two filters.

- ``page|canonical_url`` is the page's absolute address under SITEURL (a home
  page by its folder's address: ``SITEURL/``, ``SITEURL/es/``, as in the sitemap).
- ``page|structured_data`` is the page's schema.org description as a dict,
  for ``|tojson`` (Jinja's json.dumps that also escapes ``<``, ``>``, ``&``
  and ``'``, so no title can close the ``<script>`` data block; other letters are
  written as they are): a
  ``MedicalWebPage`` for patients with its title, summary, address, language
  (``inLanguage``; the treatment's and the site's names in that language too),
  ``lastReviewed`` and ``reviewedBy`` (only when the page names a reviewer),
  ``about`` the treatment (SCHEMA_PROCEDURE); the page whose slug is
  SCHEMA_PROCEDURE_PAGE describes that ``MedicalProcedure`` in full, and the
  page whose slug is SCHEMA_FAQ_PAGE is also an ``FAQPage`` whose questions are
  its ``##`` headings and whose answers are the text under them (footnote
  markers and the Sources list left out). Everything comes from what the page
  itself shows; nothing is made up.
"""

import datetime
import html.parser
import re

from pelican import signals

from translations import sitename, text

PATIENT = "https://schema.org/Patient"
HOME = re.compile(r"(?:^|(?<=/))index\.html$")
VOID_ELEMENTS = {"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"}
INLINE_ELEMENTS = {
    "a",
    "abbr",
    "b",
    "cite",
    "code",
    "em",
    "i",
    "kbd",
    "mark",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
}


def canonical_url(page, siteurl):
    """A folder's home page by the folder's address (index.html is /, es/index.html is
    /es/), as in the sitemap."""
    return f"{siteurl}/{HOME.sub('', page.url)}"


class FaqParser(html.parser.HTMLParser):
    """Reads (question, answer) pairs from a page's rendered Markdown."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pairs = []
        self.depth = 0
        self.in_question = False
        self.skipping = 0  # inside a footnote marker or the Sources list

    def add(self, text):
        if self.pairs and not self.skipping:
            self.pairs[-1][0 if self.in_question else 1] += text

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE_ELEMENTS:
            self.add(" ")  # blocks are separate sentences, not run together
        if tag in VOID_ELEMENTS:
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.skipping or tag == "sup" or "sources" in classes:
            self.skipping += 1
        elif tag == "h2" and self.depth == 0:
            self.pairs.append(["", ""])
            self.in_question = True
        self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1
        elif tag == "h2" and self.depth == 0:
            self.in_question = False
        if tag not in INLINE_ELEMENTS:
            self.add(" ")

    def handle_data(self, data):
        self.add(data)


def questions_and_answers(content):
    parser = FaqParser()
    parser.feed(content)
    return [[" ".join(text.split()) for text in pair] for pair in parser.pairs]


def describe(page, settings):
    procedure = {
        "@type": "MedicalProcedure",
        "name": text(settings, page.lang, settings["SCHEMA_PROCEDURE"]),
    }
    url = canonical_url(page, settings["SITEURL"])
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "inLanguage": page.lang,
        "audience": PATIENT,
        "about": procedure,
        "isPartOf": {
            "@type": "WebSite",
            "name": sitename(settings, page.lang),
            "url": f"{settings['SITEURL']}/",
        },
    }
    reviewed = getattr(page, "reviewed", None)
    if isinstance(reviewed, datetime.date):
        data["lastReviewed"] = reviewed.isoformat()
    if getattr(page, "reviewer", ""):
        data["reviewedBy"] = {"@type": "Person", "name": page.reviewer}
    if page.slug == settings["SCHEMA_PROCEDURE_PAGE"]:
        procedure.update(
            description=page.summary,
            url=url,
            procedureType="https://schema.org/PercutaneousProcedure",
        )
    if page.slug == settings["SCHEMA_FAQ_PAGE"]:
        data["@type"] = ["MedicalWebPage", "FAQPage"]
        data["mainEntity"] = [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in questions_and_answers(page.content)
        ]
    return data


def add_filters(generator):
    settings = generator.settings
    generator.env.filters["canonical_url"] = lambda page: canonical_url(page, settings["SITEURL"])
    generator.env.filters["structured_data"] = lambda page: describe(page, settings)
    # |tojson writes letters as they are ("guía", not "gu\\u00eda": a Spanish page's data is
    # shorter); it still escapes <, >, & and ', which are all that could end the data block.
    generator.env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}


def register():
    signals.generator_init.connect(add_filters)
