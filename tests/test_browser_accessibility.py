"""Every page works for people using assistive technology or a keyboard (axe-core in Chromium)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_support import PAGES, browser, built_pages, language_of, open_page, server  # noqa: F401 (fixtures)
from conftest import SETTINGS
from translations import text

# WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules axe-core files under these tags.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def test_the_browser_tests_cover_every_built_page(site):
    assert built_pages(site) == sorted(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_a_or_aa_violation(browser, server, path):
    with open_page(browser, server + path) as tab:
        results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    assert violations == [], results.generate_report()


def test_axe_runs_the_wcag_22_rules(browser, server):
    with open_page(browser, server + "index.html") as tab:
        results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    checked = {
        rule["id"]
        for key in ("passes", "inapplicable", "incomplete", "violations")
        for rule in results.response[key]
    }
    assert {"target-size", "color-contrast", "bypass", "html-has-lang"} <= checked


@pytest.mark.parametrize("path", PAGES)
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(browser, server, path):
    with open_page(browser, server + path) as tab:
        tab.keyboard.press("Tab")
        first = tab.evaluate(
            "document.activeElement.className + ' ' + document.activeElement.textContent"
        )
        assert first == f"skip-link {text(SETTINGS, language_of(path), 'Skip to main content')}"
        box = tab.locator(".skip-link").bounding_box()
        assert box["x"] >= 0 and box["y"] >= 0 and box["width"] >= 24, (
            "skip link not shown on focus"
        )
        tab.keyboard.press("Enter")
        assert tab.evaluate("document.activeElement.id") == "main-content"
        assert tab.evaluate("document.activeElement.tagName") == "MAIN"


@pytest.mark.parametrize("path", ["index.html", "compression-stockings.html"])
def test_keyboard_focus_is_clearly_visible_on_every_link(browser, server, path):
    with open_page(browser, server + path) as tab:
        links, checked = tab.locator("a:visible").count(), 0
        for _ in range(links):
            tab.keyboard.press("Tab")
            style = tab.evaluate("""(() => { const s = getComputedStyle(document.activeElement);
                return [document.activeElement.tagName, s.backgroundColor, s.boxShadow]; })()""")
            if style[0] != "A":
                break
            # the yellow focus colour behind the link and a dark bar under it
            assert style[1] == "rgb(255, 235, 59)" and "rgb(33, 43, 50)" in style[2], style
            checked += 1
    assert checked >= 10
