"""The pictures as patients see them in Chromium: whole and legible on a phone and a
wide screen, on paper, with their text enlarged, in high-contrast mode, and named for
screen readers; each photographed for people to look at."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_support import SCREENSHOTS, browser, open_page, server  # noqa: F401 (fixtures)
from conftest import SETTINGS
from test_browser_accessibility import WCAG_TAGS
from test_pictures import placed_pictures

# (page, name, caption) of every "!!! picture" line, in every language: a longer
# translation of a label must fit as well
PLACED = [placed for lang in SETTINGS["LANGUAGES"] for placed in placed_pictures(lang)]
PICTURE_PAGES = sorted({f"{slug}.html" for slug, _, _ in PLACED})
MIN_TEXT_PX = 11  # the smallest text, in CSS px, a picture may show

# Every text of every picture: its box and its size as drawn, and the box of its drawing.
TEXT_BOXES = """[...document.querySelectorAll('figure.picture')].map(figure => {
    const svg = figure.querySelector('svg'), box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    return {name: figure.className, svg: [box.left, box.top, box.right, box.bottom],
            texts: [...svg.querySelectorAll('text')].map(t => {
                const b = t.getBoundingClientRect();
                return [t.textContent, b.left, b.top, b.right, b.bottom,
                        parseFloat(getComputedStyle(t).fontSize) * scale]; })};
})"""


def drawn(tab):
    return tab.evaluate(TEXT_BOXES)


def assert_whole_and_legible(pictures, where):
    assert pictures, f"no picture on {where}"
    for picture in pictures:
        left, top, right, bottom = picture["svg"]
        assert right - left > 200, (where, picture["name"], "drawn too small")
        for text, t_left, t_top, t_right, t_bottom, size in picture["texts"]:
            # nothing cut off at the drawing's edges
            inside = (
                left - 0.5 <= t_left
                and t_right <= right + 0.5
                and top - 0.5 <= t_top
                and t_bottom <= bottom + 0.5
            )
            assert inside, (where, picture["name"], text)
            assert size >= MIN_TEXT_PX, (where, picture["name"], text, size)


def test_every_page_with_a_picture_line_is_checked():
    assert PICTURE_PAGES, "no page places a picture: these tests prove nothing"


@pytest.mark.parametrize("width", [320, 360, 1280])
@pytest.mark.parametrize("path", PICTURE_PAGES)
def test_each_picture_is_shown_whole_with_words_large_enough_to_read(browser, server, path, width):
    with open_page(browser, server + path, width=width) as tab:
        for figure in tab.locator("figure.picture").all():
            figure.scroll_into_view_if_needed()
            assert figure.locator("svg").is_visible() and figure.locator("figcaption").is_visible()
        assert_whole_and_legible(drawn(tab), f"{path} at {width} px")


@pytest.mark.parametrize("path", PICTURE_PAGES)
def test_each_picture_prints_whole_and_legible_and_is_not_split_across_pages(browser, server, path):
    with open_page(browser, server + path, width=794, media="print") as tab:  # A4 at 96 dpi
        for figure in tab.locator("figure.picture").all():
            assert figure.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
            assert figure.locator("svg").is_visible() and figure.locator("figcaption").is_visible()
        assert_whole_and_legible(drawn(tab), f"{path} on paper")


@pytest.mark.parametrize("path", PICTURE_PAGES)
def test_the_pictures_words_grow_with_text_resized_to_200_percent(browser, server, path):
    with open_page(browser, server + path, width=1280) as tab:
        before = drawn(tab)
        tab.evaluate("document.documentElement.style.fontSize = '200%'")
        after = drawn(tab)
    for small, large in zip(before, after, strict=True):
        growth = [
            big[5] / little[5] for little, big in zip(small["texts"], large["texts"], strict=True)
        ]
        assert min(growth) >= 1.8, (path, small["name"], min(growth))
    assert_whole_and_legible(after, f"{path} with text at 200 %")


# Windows high-contrast mode, emulated with a dark theme: the user's own colours.
SYSTEM_TEXT_COLOUR = """(() => { const probe = document.createElement('div');
    probe.style.color = 'CanvasText'; document.body.append(probe);
    const colour = getComputedStyle(probe).color; probe.remove(); return colour; })()"""
PAINT = """selector => [...document.querySelectorAll(selector)].map(e => {
    const style = getComputedStyle(e); return [e.getAttribute('class'), style.fill, style.stroke]; })"""


@pytest.mark.parametrize("path", PICTURE_PAGES)
def test_in_high_contrast_mode_the_pictures_are_drawn_in_the_users_text_colour(
    browser, server, path
):
    """Shapes are outlined or filled in the user's text colour, over the user's background."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, color_scheme="dark")
    try:
        tab = context.new_page()
        tab.emulate_media(forced_colors="active")
        tab.goto(server + path)
        text = tab.evaluate(SYSTEM_TEXT_COLOUR)
        words = tab.evaluate(PAINT, "figure.picture text, figure.picture tspan")
        filled = tab.evaluate(PAINT, ".picture__stocking")
        outlined = tab.evaluate(PAINT, ".picture__skin, .picture__vein")
        lines = tab.evaluate(
            PAINT, ".picture__line, .picture__shut, .picture__syringe, .picture__flow"
        )
    finally:
        context.close()
    assert text == "rgb(255, 255, 255)", "the dark high-contrast theme did not apply"
    assert words and all(fill == text for _, fill, _ in words), words
    assert all(fill == text for _, fill, _ in filled), filled
    assert outlined and all(fill == "none" and stroke == text for _, fill, stroke in outlined), (
        outlined
    )
    assert lines and all(stroke == text for _, _, stroke in lines), lines


@pytest.mark.parametrize("path", PICTURE_PAGES)
def test_axe_checks_each_picture_as_a_named_image_and_finds_nothing_wrong(browser, server, path):
    with open_page(browser, server + path) as tab:
        count = tab.locator("figure.picture svg").count()
        results = Axe().run(
            tab,
            context={"include": [["figure.picture"]]},
            options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
        )
    response = results.response
    assert response["violations"] == [], results.generate_report()
    named = [rule for rule in response["passes"] if rule["id"] == "svg-img-alt"]
    assert named and len(named[0]["nodes"]) == count, "axe did not check every picture's name"


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("width", [360, 1280])
def test_screenshot_of_every_picture_is_written(browser, server, width, media):
    SCREENSHOTS.mkdir(exist_ok=True)
    written = []
    for path in PICTURE_PAGES:
        with open_page(browser, server + path, width=width, media=media) as tab:
            for number, figure in enumerate(tab.locator("figure.picture").all(), 1):
                name = figure.get_attribute("class").rpartition("picture--")[2]
                target = SCREENSHOTS / f"picture-{path[:-5]}-{number}-{name}-{width}-{media}.png"
                figure.screenshot(path=str(target))
                written.append(target)
    assert written and all(target.stat().st_size > 1000 for target in written)
