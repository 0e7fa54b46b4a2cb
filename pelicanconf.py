"""Pelican settings for the sclerotherapy patient-information site.

Used by `make html` and the tests; `publishconf.py` adds what only the public
site needs. Settings marked "clinic" are for the clinic to fill in: anything
left empty is simply not shown (the site never shows made-up details).
"""

SITENAME = "Sclerotherapy: a guide for patients"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
THEME = "theme"

# --- Clinic details (shown in the footer and on the contact page when set) ---
CLINIC_NAME = ""
CLINIC_PHONE = ""
CLINIC_EMAIL = ""
CLINIC_ADDRESS = ""
CLINIC_HOURS = ""
# Asclera® is a US product, so the default is 911; a UK clinic would set 999.
EMERGENCY_NUMBER = "911"

# --- Content layout ---
# Everything is a Pelican *page*: the five articles are evergreen reference
# pages read as one guide (ordered by their `Order` metadata), not blog posts.
ARTICLE_PATHS = []
PAGE_PATHS = ["articles", "pages"]
GUIDE_PATH = "articles"
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = "{slug}.html"
STATIC_PATHS = ["images"]

# The home page is content/pages/index.md, so no generated index, and none of
# the blog furniture a patient site has no use for.
DIRECT_TEMPLATES = []
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Summaries are plain text (shown escaped and used as the meta description),
# never Markdown that could smuggle HTML into a page.
FORMATTED_FIELDS = []

# Replaces Pelican's default entirely, so every extension is listed here.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {
            "footnotes": {"BACKLINK_TITLE": "Back to the text"},
        },
        # toc gives headings their ids (for links to a part of a page); no [TOC] marker
        # is used, and an empty one spares a search of every page for it.
        "markdown.extensions.toc": {"toc_depth": "2-3", "marker": ""},
        "markdown.extensions.admonition": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

# Autoescape everything; the theme marks only rendered Markdown as safe.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "extensions": [],
}

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["review_dates", "guide", "components", "fingerprint", "whole_guide"]

# --- Content checks (plugins/content_checks): every mistake reported at once ---
PLUGINS += [
    "content_checks",
    "content_checks.files",
    "content_checks.metadata",
    "content_checks.markdown_rules",
    "content_checks.links",
    "content_checks.markup",
    "content_checks.readability",
]
# The fields allowed at the top of a content file: CONTENT_METADATA_KEYS (default:
# the list in plugins/content_checks/metadata.py).
CONTENT_SUMMARY_MAX = 160  # characters, as search results show a description
CONTENT_MAX_BYTES = 1_000_000  # a bigger page is a pasting accident
CONTENT_REVIEW_OVERDUE_IS_ERROR = False  # a warning while editing; publishconf.py: error
READABILITY_MAX_GRADE = 9  # Flesch–Kincaid school grade; a warning above it
READABILITY_WORDS_PER_MINUTE = 200

# --- Publishing: favicons and host files, search engines, link previews ---
# Files that belong at the site's root: the favicons, and the headers for
# Netlify/Cloudflare (`_headers`) and Apache (`.htaccess`). robots.txt, also in
# content/extra, is a template (publishconf.py), not a static file.
ROOT_FILES = ["favicon.svg", "favicon.png", "_headers", ".htaccess"]
STATIC_PATHS += [f"extra/{name}" for name in ROOT_FILES]
EXTRA_PATH_METADATA = {f"extra/{name}": {"path": name} for name in ROOT_FILES}
# schema.org data (plugin structured_data): the treatment every page is
# about, the page that describes it, and the page of questions and answers.
SCHEMA_PROCEDURE = "Sclerotherapy"
SCHEMA_PROCEDURE_PAGE = "procedure"
SCHEMA_FAQ_PAGE = "faq"
PLUGINS += ["structured_data"]

# --- The whole guide on one page (guide.html), and as a PDF leaflet (plugin whole_guide) ---
# The PDF takes seconds to make, so `make html` skips it; `make pdf` and `make publish`
# (publishconf.py) make it, and only again when the content, theme or settings changed.
WHOLE_GUIDE_SAVE_AS = "guide.html"
PDF_LEAFLET = False
PDF_LEAFLET_SAVE_AS = "sclerotherapy-guide.pdf"
PDF_LEAFLET_PAGE_SIZE = "letter"  # clinic: "A4" outside North America
PDF_LEAFLET_REFERENCE = ""  # clinic: its leaflet number, e.g. "PIL-0421", shown on the cover
PDF_LEAFLET_VERSION = ""  # empty: the newest Reviewed date of the guide's articles
# Pelican's own cache folder (make clean removes it); the last PDF is kept in cache/leaflet.
CACHE_PATH = "cache"
