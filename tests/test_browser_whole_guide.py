"""The whole guide printed from the browser, in every language: no navigation, each part
from a new page, the sources' web addresses written out, black on white (issue 15)."""

import pytest

from browser_support import WHOLE_GUIDES, browser, open_page, server  # noqa: F401 (fixtures)

# Every colour printed words and the timeline show: text, the marks before list items, the
# words drawn in pictures, the timeline's strokes and fills, backgrounds. (The pictures'
# drawings keep their colours: a vein is red or blue, skin has its tones.)
COLOURS = """[...document.querySelectorAll('main *')].filter(e => e.getClientRects().length)
  .flatMap(e => {
    const style = getComputedStyle(e), before = getComputedStyle(e, '::before');
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const words = e instanceof SVGTextContentElement;
    const timeline = e instanceof SVGElement && e.closest('.timeline');
    return [own && !words && ['color', style.color],
            before.content !== 'none' && ['::before', before.color],
            (words || timeline) && ['fill', style.fill], timeline && ['stroke', style.stroke],
            ['background', style.backgroundColor]]
      .filter(Boolean).map(c => [e.className.baseVal ?? e.className, ...c]);
  })"""
BLACK, NONE = "rgb(0, 0, 0)", {"none", "rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"}


@pytest.mark.parametrize("path", WHOLE_GUIDES)
def test_the_whole_guide_prints_without_navigation_each_part_from_a_new_page(
    browser, server, page, path
):
    parts = len(page("index").select(".guide-overview__link"))
    with open_page(browser, server + path, media="print") as tab:
        for hidden in (".skip-link", ".site-nav", ".breadcrumb", ".whole-guide-links"):
            assert all(not element.is_visible() for element in tab.locator(hidden).all()), hidden
        breaks = tab.eval_on_selector_all(
            ".whole-guide__part", "parts => parts.map(p => getComputedStyle(p).breakBefore)"
        )
    assert breaks == ["page"] * parts


@pytest.mark.parametrize("path", WHOLE_GUIDES)
def test_the_whole_guide_prints_black_on_white(browser, server, path):
    with open_page(browser, server + path, media="print") as tab:
        colours = tab.evaluate(COLOURS)
    assert len(colours) > 100
    wrong = [
        (name, what, colour)
        for name, what, colour in colours
        if colour not in (NONE if what == "background" else NONE | {BLACK})
        or (what in ("color", "::before") and colour != BLACK)
    ]
    assert wrong == []


@pytest.mark.parametrize("path", WHOLE_GUIDES)
def test_the_whole_guide_prints_the_web_address_of_every_source_and_link(browser, server, path):
    with open_page(browser, server + path, media="print") as tab:
        printed = tab.evaluate("""[...document.querySelectorAll('main a[href^="http"]')].map(a =>
            [a.href, a.innerText + getComputedStyle(a, '::after').content])""")
        sources = tab.locator(".sources a[href^='http']").count()
    assert sources and len(printed) >= sources
    assert [(href, text) for href, text in printed if text.count(href.rstrip("/")) != 1] == []
