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

# --- Languages (plugin translations) ---
# English is in content/articles, content/pages and content/shared; each other
# language has the same three folders in content/<code>/ (content/es/...), with
# "Lang: <code>" and the Slug of the English page on each page, and is written under
# <code>/ (es/procedure.html). "name" is the link to a page in that language, in that
# language; "locale" is for link previews; "sitename" is SITENAME in that language.
# The clinic's own words for that language's pages may be added in the same place,
# e.g. "CLINIC_HOURS": "De lunes a viernes, de 9 a. m. a 5 p. m." (also CLINIC_NAME,
# CLINIC_ADDRESS, CLINIC_PAYMENT, CLINIC_PRICES); without them the English is shown.
# The theme's own words in each language are in theme/strings.toml.
LANGUAGES = {
    "en": {"name": "English", "locale": "en_US"},
    "es": {"name": "Español", "locale": "es_US", "sitename": "Escleroterapia: una guía para pacientes"},
}

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
PAGE_PATHS = ["articles", "pages", "es/articles", "es/pages"]
GUIDE_PATH = "articles"
# Pages linked after the guide in the header, and in every page's footer, by Slug.
MENU_PAGES = ["faq", "costs", "glossary", "about"]
FOOTER_PAGES = ["about", "accessibility", "privacy"]
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = "{slug}.html"
PAGE_LANG_URL = PAGE_LANG_SAVE_AS = "{lang}/{slug}.html"
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

# Replaces Pelican's default entirely, so every extension is listed here. The
# site's own syntax (boxes, help cards, shared parts, citations, numbers) is the
# components plugin's extension; raw HTML is refused by the content checks.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.tables": {},
        # toc gives headings their ids (for links to a part of a page); no [TOC] marker
        # is used, and an empty one spares a search of every page for it.
        "markdown.extensions.toc": {"toc_depth": "2-3", "marker": ""},
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
# template_cache keeps the compiled templates in CACHE_PATH between builds, and
# kept_results the pages read without a problem and the whole guide (cache/kept/).
PLUGINS = [
    "template_cache", "build_manifest", "translations", "review_dates", "guide", "components",
    "pictures", "lean_css", "fingerprint", "kept_results", "content_checks", "glossary",
    "whole_guide",
]

# --- Content checks (plugins/content_checks): every mistake reported at once ---
# Files that operating systems and editors leave behind; the checks pass over them too.
IGNORE_FILES = [".#*", ".DS_Store", "._*", "Thumbs.db", "desktop.ini", "*~", ".*.swp", ".*.swo"]
CONTENT_SUMMARY_MAX = 160  # characters, as search results show a description
CONTENT_MAX_BYTES = 1_000_000  # a bigger page is a pasting accident (checked before parsing)
CONTENT_READ_SECONDS = 10  # a page that takes longer to parse is refused
CONTENT_REVIEW_MAX_YEARS = 3  # Next-review at most this long after Reviewed
CONTENT_REVIEW_OVERDUE_IS_ERROR = False  # a warning while editing; publishconf.py: error
CONTENT_REQUIRE_REVIEWER = False  # unsigned pages show a notice; publishconf.py: error
# A translation no qualified translator has checked (no Translation-reviewer) shows a
# notice; publishconf.py: error. One older than its English original: a warning;
# publishconf.py: error ("update the translation").
CONTENT_REQUIRE_TRANSLATION_REVIEWER = False
CONTENT_OUTDATED_TRANSLATION_IS_ERROR = False
READABILITY_MAX_GRADE = 9  # Flesch–Kincaid school grade; a warning above it
# Spanish: Fernández-Huerta reading ease (higher is easier); aim for 70 (sixth grade, a
# reading age of 11), a warning below this.
READABILITY_MIN_EASE_ES = 65
READABILITY_WORDS_PER_MINUTE = 200
READABILITY_REPORT = "readability.txt"  # in the preview's output; never published

# --- Publishing: favicons, response headers, search engines, link previews ---
# Files that belong at the site's root: the favicons. robots.txt, also in
# content/extra, is a template (publishconf.py), not a static file.
ROOT_FILES = ["favicon.svg", "favicon.png"]
STATIC_PATHS += [f"extra/{name}" for name in ROOT_FILES]
EXTRA_PATH_METADATA = {f"extra/{name}": {"path": name} for name in ROOT_FILES}
TEMPLATE_PAGES = {"extra/robots.txt": "robots.txt"}
# schema.org data (plugin structured_data): the treatment every page is
# about, the page that describes it, and the page of questions and answers.
SCHEMA_PROCEDURE = "Sclerotherapy"
SCHEMA_PROCEDURE_PAGE = "procedure"
SCHEMA_FAQ_PAGE = "faq"
PLUGINS += ["structured_data"]

# The headers every host sends with the site, written once (plugin security_headers):
# the source of the .htaccess (Apache) and _headers (Netlify, Cloudflare Pages) in
# every build, of deploy/nginx.conf (`make deploy/nginx.conf`), and of the
# Content-Security-Policy each page states in its head. Nothing from other sites,
# no inline script or style. connect-src 'self' lets nothing new run (no script may
# run at all), but tools that read robots.txt from inside the page, as Lighthouse does
# (GoogleChrome/lighthouse#4386), can read it.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Strict-Transport-Security": "max-age=31536000",
}
# Pages are checked with the server on every visit, so a correction reaches patients
# at once; theme files carry a fingerprint in their URL, so they are kept for a year.
CACHE_CONTROL_PAGES = "public, max-age=0, must-revalidate"
CACHE_CONTROL_THEME = "public, max-age=31536000, immutable"
PLUGINS += ["security_headers"]

# --- Costs (content/pages/costs.md shows them; nothing is shown while they are empty) ---
# What the clinic charges, as ("what it is", "price") pairs, e.g.
# CLINIC_PRICES = [("First visit and check of your veins", "$150"), ("One treatment session", "$400")]
CLINIC_PRICES = []
# How patients pay, in one or two sentences, e.g. "We take cash and cards. We do not bill insurance."
CLINIC_PAYMENT = ""

# --- Plain language (plugins/glossary, content_checks/plain_language.py): warnings ---
# The page that shows content/shared/glossary.md; the first use of each of its words on
# every other page links to it.
GLOSSARY_PAGE = "pages/glossary.md"
# Medical words a page must explain where it uses them, unless the glossary does.
JARGON = [
    "anaphylaxis", "artery", "compression", "DVT", "embolism", "endothermal ablation",
    "hives", "hyperpigmentation", "inflammation", "ischemic", "matting", "necrosis",
    "placebo", "platelets", "polidocanol", "reticular", "SPF", "telangiectasia",
    "thrombosis", "TIA", "venous insufficiency", "eczema", "gangrene", "sclerosant",
]
# The same for the pages of each translation (they link to content/es/shared/glossary.md).
JARGON_BY_LANGUAGE = {
    "es": [
        "anafilaxia", "arteria", "compresión", "TVP", "embolia", "ablación endotérmica",
        "urticaria", "hiperpigmentación", "inflamación", "isquémico", "neovascularización",
        "necrosis", "placebo", "plaquetas", "polidocanol", "reticulares", "FPS",
        "telangiectasias", "trombosis", "AIT", "insuficiencia venosa", "eczema", "gangrena",
        "esclerosante",
    ],
}
PLAIN_SENTENCE_MAX_WORDS = 25  # NHS content style: 15 to 20 on average, 25 at most
PLAIN_PARAGRAPH_MAX_SENTENCES = 5
PLAIN_LIST_MAX_ITEMS = 9  # the emergency card lists 9 signs (see CONTENT-REVIEW.md)
# Words with a plainer one that serves: word -> the plainer word(s).
PLAIN_AVOID = {
    "approximately": "about", "assist": "help", "commence": "start", "discontinue": "stop",
    "individuals": "people", "medication": "medicine", "physician": "doctor",
    "prior to": "before", "utilize": "use", "clinician": "doctor or nurse",
}
# The same for the pages of each translation.
PLAIN_AVOID_BY_LANGUAGE = {
    "es": {
        "aproximadamente": "más o menos", "utilizar": "usar", "fármaco": "medicamento",
        "facultativo": "médico", "cefalea": "dolor de cabeza", "prurito": "picazón",
        "hematoma": "moretón", "equimosis": "moretón", "edema": "hinchazón",
        "deambular": "caminar", "posteriormente": "después", "previamente": "antes",
    },
}

# --- The whole guide on one page (guide.html), and as a PDF leaflet (plugin whole_guide) ---
# The PDF takes seconds to make, so `make html` skips it; `make pdf` and `make publish`
# (publishconf.py) make it, and only again when the content, theme or settings changed.
WHOLE_GUIDE_SAVE_AS = "guide.html"
PDF_LEAFLET = False
PDF_LEAFLET_SAVE_AS = "sclerotherapy-guide.pdf"
PDF_LEAFLET_PAGE_SIZE = "letter"  # clinic: "A4" outside North America
PDF_LEAFLET_REFERENCE = ""  # clinic: its leaflet number, e.g. "PIL-0421", shown on the cover
PDF_LEAFLET_VERSION = ""  # empty: the newest Reviewed date of the guide's articles
# Pelican's own cache folder (git ignores it); the last PDF is kept in cache/leaflet.
CACHE_PATH = "cache"
