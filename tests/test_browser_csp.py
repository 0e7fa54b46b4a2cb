"""Every page states the site's Content-Security-Policy itself, and renders fully under it.

A meta tag carries the policy the hosts send (without what only a header can say), so
the `make html` preview and hosts that send no headers are protected too. Real parts:
the built site, opened in Debian's Chromium from the file system and from a server
on 127.0.0.1 that sends no headers.
"""

import re

import pytest
from pelican.settings import read_settings

from browser_support import browser, built_pages, server  # noqa: F401
from conftest import ROOT

INLINE = '<p style="color: red">styled</p><script>document.title = "script ran";</script>'
RECORD_VIOLATIONS = (
    "window.violations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " event => window.violations.push(event.violatedDirective));"
)


def visit(browser, url):
    """(violations, console problems, whether the stylesheet applies, title) of a page."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.add_init_script(RECORD_VIOLATIONS)
        problems = []
        tab.on(
            "console",
            lambda m: problems.append(m.text) if m.type in ("error", "warning") else None,
        )
        tab.goto(url, wait_until="load")
        tab.wait_for_timeout(50)  # violation events are dispatched asynchronously
        # The stylesheet's rules cannot be read from a file: URL; its effect can.
        styled = tab.evaluate("getComputedStyle(document.querySelector('.skip-link')).left")
        return tab.evaluate("window.violations"), problems, styled, tab.title()
    finally:
        context.close()


def policy_of(path):
    found = re.search(
        r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
        path.read_text(encoding="utf-8"),
    )
    return found and found.group(1).replace("&#39;", "'")


def test_every_page_states_the_hosts_policy_without_header_only_directives(site):
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    header = settings["SECURITY_HEADERS"]["Content-Security-Policy"]
    expected = "; ".join(d.strip() for d in header.split(";") if "frame-ancestors" not in d)
    for name in built_pages(site):
        assert policy_of(site / name) == expected, name


@pytest.fixture(scope="module", params=["file system", "server"])
def base(request, site, server):
    return site.as_uri() + "/" if request.param == "file system" else server


def test_every_page_renders_fully_under_its_own_policy(browser, site, base):
    for name in built_pages(site):
        violations, problems, styled, _ = visit(browser, base + name)
        assert violations == [] and problems == [], (name, violations, problems)
        assert styled == "-9999px", name  # the site's stylesheet loaded and applied


def test_an_inline_script_and_style_in_a_page_are_blocked(browser, site, base):
    page = site / "csp-probe.html"
    page.write_text(
        (site / "about.html").read_text(encoding="utf-8").replace("</main>", INLINE + "</main>"),
        encoding="utf-8",
    )
    try:
        violations, _, _, title = visit(browser, base + page.name)
    finally:
        page.unlink()
    assert title != "script ran"
    assert "script-src-elem" in violations and "style-src-attr" in violations
