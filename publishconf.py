# This file is only used if you use `make publish` or
# explicitly specify it as your config file.

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# If your site is available via HTTPS, make sure SITEURL begins with https://
SITEURL = os.environ.get("SITEURL", "")
RELATIVE_URLS = False

# build.py always builds into a fresh, empty directory, so nothing stale survives;
# deleting output/ first would leave it empty after a failed build.
DELETE_OUTPUT_DIRECTORY = False

# An out-of-date medical page must not go live unnoticed.
CONTENT_REVIEW_OVERDUE_IS_ERROR = True
