"""Every page fits a small phone, prints cleanly, and is photographed for people to look at."""

import pytest

from browser_support import PAGES, SCREENSHOTS, browser, open_page, server  # noqa: F401 (fixtures)

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


@pytest.mark.parametrize("path", PAGES)
def test_print_hides_navigation_and_keeps_the_content(browser, server, path):
    with open_page(browser, server + path) as screen:
        on_screen = screen.locator("main").inner_text()
    with open_page(browser, server + path, media="print") as tab:
        for hidden in (".skip-link", ".site-nav", ".breadcrumb", ".contents-list", ".pagination"):
            assert all(not element.is_visible() for element in tab.locator(hidden).all()), hidden
        assert tab.locator("main h1").is_visible()
        printed = tab.locator("main").inner_text()
        contents = tab.locator(".contents-list").all_inner_texts()
        pagination = tab.locator(".pagination").all_inner_texts()
    # everything but the guide's navigation aids is still on paper
    for paragraph in on_screen.split("\n"):
        if paragraph.strip() and not any(paragraph in aid for aid in contents + pagination):
            assert paragraph in printed


def test_aftercare_sheet_keeps_cards_and_timeline_whole_and_prints_source_addresses(browser, server):
    with open_page(browser, server + "compression-stockings.html", media="print") as tab:
        for block in tab.locator(".care-card, .timeline, .do-dont-list, .warning-callout").all():
            assert block.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
        link = tab.locator(".sources a[href^='http']").first
        after = link.evaluate("e => getComputedStyle(e, '::after').content")
        assert link.get_attribute("href") in after
        pdf = tab.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_screenshot_of_every_page_is_written(browser, server, path, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    target = SCREENSHOTS / f"{path[:-5]}-{width}.png"
    with open_page(browser, server + path, width=width) as tab:
        tab.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 1000
