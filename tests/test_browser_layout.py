"""Every page fits a small phone, prints cleanly, and is photographed for people to look at."""

import re

import pytest

from browser_support import PAGES, SCREENSHOTS, browser, open_page, server  # noqa: F401 (fixtures)

# links that only help on screen: the guide's contents, previous/next, back to the text,
# to the whole guide and its PDF
SCREEN_ONLY = ".contents-list, .pagination, .sources__back, .review-notice, .whole-guide-links"
PAGE_WIDTH = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"


@pytest.mark.parametrize("path", PAGES)
def test_page_reflows_at_320_px_without_horizontal_scrolling(browser, server, path):
    with open_page(browser, server + path, width=320, height=640) as tab:
        assert tab.evaluate("document.documentElement.clientWidth") == 320
        assert tab.evaluate(PAGE_WIDTH) <= 320
        # nothing sticks out to the right either (text cut off by a clipping box is lost too)
        wide = tab.evaluate("""[...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > 320.5 && e.className !== 'skip-link')
            .map(e => e.outerHTML.slice(0, 80))""")
        assert wide == []


@pytest.mark.parametrize(
    "width, shown", [(320, "down"), (639, "down"), (640, "across"), (1280, "across")]
)
def test_one_timeline_picture_shows_drawn_to_fit_the_screen(browser, server, width, shown):
    with open_page(browser, server + "compression-stockings.html", width=width) as tab:
        visible = [
            svg.get_attribute("class")
            for svg in tab.locator(".timeline svg").all()
            if svg.is_visible()
        ]
        assert visible == [f"timeline__picture timeline__picture--{shown}"]
        height = tab.locator(".timeline svg:visible .timeline__text").first.bounding_box()["height"]
    assert height >= 11, "the picture's text is too small to read"  # one line, in CSS px


@pytest.mark.parametrize("path", PAGES)
def test_text_resized_to_200_percent_still_fits_without_horizontal_scrolling(browser, server, path):
    with open_page(browser, server + path, width=1280) as tab:
        tab.evaluate("document.documentElement.style.fontSize = '200%'")
        assert tab.evaluate("getComputedStyle(document.body).fontSize") == "38px"
        assert tab.evaluate(PAGE_WIDTH) <= 1280


@pytest.mark.parametrize("path", PAGES)
def test_print_hides_navigation_and_keeps_the_content(browser, server, path):
    with open_page(browser, server + path) as screen:
        screen.evaluate(f"document.querySelectorAll('{SCREEN_ONLY}').forEach(e => e.remove())")
        on_screen = screen.locator("main").inner_text()
    with open_page(browser, server + path, media="print") as tab:
        for hidden in (".skip-link", ".site-nav", ".breadcrumb", SCREEN_ONLY):
            assert all(not element.is_visible() for element in tab.locator(hidden).all()), hidden
        assert tab.locator("main h1").is_visible()
        # web addresses printed after links are extra; everything else must be on paper
        printed = re.sub(r" \(https?://[^)]*\)", "", tab.locator("main").inner_text())
    missing = [
        line for line in map(str.strip, on_screen.split("\n")) if line and line not in printed
    ]
    assert missing == []


def test_aftercare_sheet_keeps_cards_and_timeline_whole_and_prints_web_addresses(browser, server):
    with open_page(browser, server + "compression-stockings.html", media="print") as tab:
        blocks = tab.locator(".care-card, .timeline, .do-dont-list, .warning-callout").all()
        assert len(blocks) >= 4 and tab.locator(".timeline__picture--across").is_visible()
        for block in blocks:
            assert block.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
        # on paper every web address a link leads to is written out, once
        printed = tab.evaluate("""[...document.querySelectorAll('main a[href^="http"]')].map(a =>
            [a.href, a.innerText + getComputedStyle(a, '::after').content])""")
        assert printed
        for href, text in printed:
            assert text.count(href.rstrip("/")) == 1, text
        pdf = tab.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_screenshot_of_every_page_is_written(browser, server, path, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    target = SCREENSHOTS / f"{path[:-5].replace('/', '-')}-{width}.png"
    with open_page(browser, server + path, width=width) as tab:
        tab.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 1000
