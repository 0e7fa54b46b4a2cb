"""Helpers for the publishing tests: `make publish` and its output, as staff run it."""

import json
import os
import pathlib
import re
import subprocess

from bs4 import BeautifulSoup

ROOT = pathlib.Path(__file__).resolve().parent.parent
NGINX = ROOT / "deploy" / "nginx.conf"
# A sub-path, so every test of the published site also shows it works there.
EXAMPLE_SITEURL = "https://example.org/clinic"
NOT_FOUND_PAGE = """Title: Page not found
Slug: 404
Save_as: 404.html
URL: 404.html
Summary: The page you asked for is not on this site.

Start again from the [home page]({filename}index.md).
"""


def make(target, siteurl, content=ROOT / "content", output=None, flags=(), **variables):
    """Run `make <flags> <target>` with SITEURL in the environment; return the process."""
    env = dict(os.environ, SITEURL=siteurl)
    variables.setdefault("INPUTDIR", content)
    if output is not None:
        variables["OUTPUTDIR"] = output
    command = ["make", "--no-print-directory", *flags, target]
    command += [f"{name}={value}" for name, value in variables.items()]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def with_not_found_page(content):
    """The content folder, with a 404 page if it has none yet (the theme adds one)."""
    page = content / "pages" / "404.md"
    if not any(content.rglob("404.md")):
        page.write_text(NOT_FOUND_PAGE, encoding="utf-8")
    return content


def page_files(output):
    """Every page of a built site: its .html files."""
    return sorted(pathlib.Path(output).glob("*.html"))


def soup_of(path):
    return BeautifulSoup(pathlib.Path(path).read_text(encoding="utf-8"), "html.parser")


def structured_data(soup):
    """The page's one JSON-LD block, parsed."""
    blocks = soup.find_all("script", type="application/ld+json")
    assert len(blocks) == 1, f"expected one JSON-LD block, found {len(blocks)}"
    return json.loads(blocks[0].string)


def nginx():
    """The shipped nginx configuration's headers, page and theme cache lifetimes."""
    text = NGINX.read_text()
    headers = dict(re.findall(r'^add_header (\S+) "([^"]*)" always;$', text, re.M))
    cache = re.findall(r'set \$cache_control "([^"]*)";', text)
    assert re.search(r"^add_header Cache-Control \$cache_control always;$", text, re.M)
    assert re.search(r"location ~ /theme/ \{\s*set \$cache_control", text)
    return headers, cache[0], cache[1]
