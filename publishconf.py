"""Settings for the public site (`make publish`): pelicanconf.py plus what
only the published site needs.

The site's address comes from the environment, so the same sources publish
to any host: `SITEURL=https://example.org make publish`, or with a sub-path,
`SITEURL=https://example.org/clinic make publish`.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# Canonical addresses, the sitemap and link previews need the site's absolute
# address; a published site without one would point search engines nowhere.
SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    sys.exit(
        "make publish needs the site's public address, for example:\n"
        "    SITEURL=https://www.example.org make publish\n"
        "(with https://, and the sub-path if the site is not at the root of its host)."
    )
RELATIVE_URLS = False

# build.py always builds into a fresh, empty directory, so nothing stale survives;
# deleting output/ first would leave it empty after a failed build.
DELETE_OUTPUT_DIRECTORY = False

# Drafts are for the preview only: the public site never has them.
PLUGINS += ["no_drafts"]  # noqa: F405

# An out-of-date medical page must not go live unnoticed, nor one that no clinician
# has signed off; internal reports stay off the public site.
CONTENT_REVIEW_OVERDUE_IS_ERROR = True
CONTENT_REQUIRE_REVIEWER = True
# Nor a translation that no qualified human translator has checked (45 CFR
# 92.201(c)(3)), or one older than the English it translates.
CONTENT_REQUIRE_TRANSLATION_REVIEWER = True
CONTENT_OUTDATED_TRANSLATION_IS_ERROR = True
READABILITY_REPORT = ""

# The whole guide as a PDF leaflet, linked from every guide page.
PDF_LEAFLET = True

# sitemap.xml (pelican-sitemap; `review_sitemap` makes each page's <lastmod>
# its review date, `sitemap_languages` lists each page's language versions) and the
# robots.txt that points to it.
PLUGINS += ["pelican.plugins.sitemap", "review_sitemap", "sitemap_languages"]  # noqa: F405
SITEMAP = {
    "format": "xml",
    # Written from templates but not pages for search engines: the 404 page, robots.txt
    # and the host files (plugin security_headers).
    "exclude": [r"(^|/)404\.html$", r"^robots\.txt$", r"^\.htaccess$", r"^_headers$"],
}

# .gz and .br copies beside every text file, for hosts that serve them
# (nginx gzip_static, Apache rewrite rules); rewritten on every publish.
PLUGINS += ["pelican.plugins.precompress"]
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_OVERWRITE = True
PRECOMPRESS_TEXT_EXTENSIONS = {".html", ".css", ".svg", ".xml", ".txt", ".json", ".js"}
