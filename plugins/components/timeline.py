"""The picture of a ``!!! timeline`` block: an inline SVG drawn from its list.

The picture is made from the same list the reader gets as text, so the two can
never disagree: one step per list item, left to right on a time line, the
item's **bold lead-in** as the step's label and the rest of the item (without
its source numbers) under it. It is an image with an accessible name; the list
after it stays the text equivalent.
"""

import textwrap
import xml.etree.ElementTree as etree

# Narrow steps, so the text stays legible when the viewBox shrinks to a phone's width;
# the sizes match the label (15px bold) and text (14px) styles in the theme's CSS.
STEP_WIDTH = 130  # user units per step
LABEL_CHARS = 12  # characters per line that fit a step at the label's size
TEXT_CHARS = 14  # ... and at the text's size
LINE = 18
AXIS_Y = 10


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
            text = text[len(label):].lstrip(": ")
        steps.append((label, text[:1].upper() + text[1:]))
    return steps


def _lines(parent, x, y, lines, css_class):
    text = etree.SubElement(parent, "text", {"class": css_class, "y": str(y)})
    for number, line in enumerate(lines):
        span = etree.SubElement(text, "tspan", {"x": str(x)})
        if number:
            span.set("dy", str(LINE))
        span.text = line
    return y + LINE * len(lines)


def picture(ul, name):
    """The SVG for the steps of `ul`, named `name` for assistive technology."""
    steps = steps_of(ul)
    width = STEP_WIDTH * len(steps)
    svg = etree.Element("svg", {
        "class": "timeline__picture", "role": "img", "aria-label": name, "width": "100%",
    })
    etree.SubElement(svg, "path", {
        "class": "timeline__axis", "d": f"M8 {AXIS_Y}H{width - 2}m-8-6 8 6-8 6",
    })
    bottom = 0
    for number, (label, text) in enumerate(steps):
        x = number * STEP_WIDTH + 8
        etree.SubElement(svg, "circle", {
            "class": "timeline__marker", "cx": str(x + 6), "cy": str(AXIS_Y), "r": "7",
        })
        y = _lines(svg, x, AXIS_Y + 30, textwrap.wrap(label, LABEL_CHARS), "timeline__label")
        y = _lines(svg, x, y + 4, textwrap.wrap(text, TEXT_CHARS), "timeline__text")
        bottom = max(bottom, y)
    svg.set("viewBox", f"0 0 {width} {bottom - LINE + 6}")
    return svg
