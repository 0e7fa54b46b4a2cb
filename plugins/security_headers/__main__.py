"""`python -m security_headers SETTINGS OUTPUT`: write deploy/nginx.conf from the settings."""

import sys

from pelican.settings import read_settings

from security_headers import render

settings_file, output = sys.argv[1:]
with open(output, "w", encoding="utf-8") as file:
    file.write(render("nginx.conf", read_settings(settings_file)))
