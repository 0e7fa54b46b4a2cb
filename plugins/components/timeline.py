"""The picture of a ``!!! timeline`` block: an inline SVG drawn from its list.

The picture is made from the same list the reader gets as text, so the two can
never disagree: one step per list item, in order along a time line, the
item's **bold lead-in** as the step's label and the rest of the item (without
its source numbers) under it. It is an image with an accessible name; the list
after it stays the text equivalent.

It is drawn twice: across (left to right) for wide screens and paper, and down
(top to bottom) for phones, where four columns would shrink the text too much
to read; the theme's CSS shows one of the two.
"""

import textwrap
import xml.etree.ElementTree as etree

# Sizes in user units; the text sizes match the theme's CSS (label 15px bold, text 14px).
LINE = 18
MARKER = 7
ACROSS_STEP = 130  # width of one step across; the viewBox scales it to the screen
ACROSS_CHARS = (12, 14)  # characters per line of the label and the text in such a step
DOWN_WIDTH = 280  # about a phone's width, so the text shows near its real size
DOWN_CHARS = (28, 32)
INDENT = 2 * MARKER + 14  # from the line going down to the text beside it


def _text_of(element):
    """Visible text of a list item, without source numbers (<sup>)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != "sup":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def steps_of(ul):
    """(label, text) for each item: the bold lead-in, then the rest."""
    steps = []
    for li in ul.findall("li"):
        strong = li.find("strong")
        label = "".join(strong.itertext()).strip().rstrip(":") if strong is not None else ""
        text = _text_of(li)
        if label and text.startswith(label):
            text = text[len(label) :].lstrip(": ")
        steps.append((label, text[:1].upper() + text[1:]))
    return steps


def text_lines(parent, x, y, lines, css_class):
    """Lines of text from (x, y) down, one <tspan> each (SVG does not wrap); returns
    the y under the last. The pictures plugin writes its labels with it too."""
    text = etree.SubElement(parent, "text", {"class": css_class, "y": str(y)})
    for number, line in enumerate(lines):
        span = etree.SubElement(text, "tspan", {"x": str(x)})
        if number:
            span.set("dy", str(LINE))
        span.text = line
    return y + LINE * len(lines)


def _step(svg, marker, x, y, label, text, chars):
    """One step: its marker on the line, its label, its text; returns the bottom."""
    etree.SubElement(
        svg,
        "circle",
        {
            "class": "timeline__marker",
            "cx": str(marker[0]),
            "cy": str(marker[1]),
            "r": str(MARKER),
        },
    )
    y = text_lines(svg, x, y, textwrap.wrap(label, chars[0]), "timeline__label")
    return text_lines(svg, x, y + 4, textwrap.wrap(text, chars[1]), "timeline__text")


def _svg(direction, name):
    return etree.Element(
        "svg",
        {
            "class": f"timeline__picture timeline__picture--{direction}",
            "role": "img",
            "aria-label": name,
            "width": "100%",
        },
    )


def _axis(svg, path=""):
    return etree.SubElement(svg, "path", {"class": "timeline__axis", "d": path})


def across(steps, name):
    width, axis = ACROSS_STEP * len(steps), MARKER + 3
    svg = _svg("across", name)
    _axis(svg, f"M8 {axis}H{width - 2}m-8-6 8 6-8 6")
    bottom = 0
    for number, (label, text) in enumerate(steps):
        x = number * ACROSS_STEP + 8
        bottom = max(bottom, _step(svg, (x + 6, axis), x, axis + 30, label, text, ACROSS_CHARS))
    svg.set("viewBox", f"0 0 {width} {bottom - LINE + 6}")
    return svg


def down(steps, name):
    svg = _svg("down", name)
    line = _axis(svg)  # drawn first, so it goes under the markers
    axis, y = MARKER + 3, 15
    for label, text in steps:
        y = _step(svg, (axis, y - 5), INDENT, y, label, text, DOWN_CHARS) + LINE
    line.set("d", f"M{axis} 10V{y - LINE}m-6-8 6 8 6-8")
    svg.set("viewBox", f"0 0 {DOWN_WIDTH} {y - LINE + 2}")
    return svg


def pictures(ul, name):
    """The two SVGs for the steps of `ul`, each named `name` for assistive technology."""
    steps = steps_of(ul)
    return [across(steps, name), down(steps, name)]
