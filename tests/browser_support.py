"""Shared browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium.

Import the fixtures a test module needs by name (`from browser_support import ...`).
"""

import contextlib
import functools
import http.server
import pathlib
import threading

import pytest
from playwright.sync_api import sync_playwright

from conftest import DEFAULT_LANG, ROOT, SETTINGS, TRANSLATIONS, content_pages, page_path

CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium, started as the project's rules say: no sandbox (root), no GPU,
# nothing that calls home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "screenshots"


def page_paths():
    """The page each content file becomes, in every language: its Save_as, else
    {slug}.html; a translation's {lang}/{slug}.html."""
    return [page_path(slug, meta) for slug, meta in content_pages().items()] + [
        page_path(slug, meta, lang)
        for lang, pages in TRANSLATIONS.items()
        for slug, meta in pages.items()
    ]


WHOLE_GUIDE = SETTINGS["WHOLE_GUIDE_SAVE_AS"]  # made from the guide's pages, not from a file
# the whole guide in every language: guide.html, es/guide.html
WHOLE_GUIDES = [WHOLE_GUIDE, *(f"{lang}/{WHOLE_GUIDE}" for lang in TRANSLATIONS)]
PAGES = page_paths() + WHOLE_GUIDES


def language_of(path):
    """The language of a page, from its address (es/… is Spanish)."""
    top = path.split("/", 1)[0]
    return top if top in TRANSLATIONS else DEFAULT_LANG


def built_pages(site):
    """Every page Pelican wrote, as URL paths ("index.html", "404.html", "es/index.html", ...)."""
    return sorted(path.relative_to(site).as_posix() for path in pathlib.Path(site).rglob("*.html"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def server(site):
    """Base URL of a real HTTP server for the built site, stopped after the tests."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Playwright gives it a fresh temporary profile), closed after the tests."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
        )
        yield chromium
        chromium.close()


@contextlib.contextmanager
def open_page(browser, url, width=1280, height=800, media="screen", before=None):
    """A tab at `url` in a fresh context (no cache, no cookies), closed afterwards.

    `before(tab)` runs before the page loads, e.g. to listen to its requests.
    """
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        tab = context.new_page()
        tab.emulate_media(media=media)
        if before:
            before(tab)
        tab.goto(url, wait_until="load")
        yield tab
    finally:
        context.close()
