"""What every picture is drawn with: SVG elements that carry the theme's classes
(``.picture__…`` in main.css) and no style of their own, so the Content-Security-Policy
holds and print and high-contrast mode restyle them in one place."""

import textwrap
import xml.etree.ElementTree as etree

from components.timeline import text_lines

WIDTH = 320  # of every picture, in user units: about a phone's width, so it is drawn near 1:1
# Width of a character of a label (15px bold) and of a text (14px), in user units, in
# DejaVu Sans, one of the widest fonts system-ui may be: other fonts only leave more room.
LABEL_CHAR, TEXT_CHAR = 8.8, 7.2


def drawing():
    """An empty picture; ``finish`` gives it its size and name once it is drawn."""
    return etree.Element("svg", {"class": "picture__drawing", "role": "img"})


def finish(svg, width, height, said):
    """Size the picture, and name it for assistive technology with everything it says."""
    svg.set("aria-label", " ".join(said))
    svg.set("viewBox", f"0 0 {width} {height}")
    return svg


def shape(parent, css_class, d):
    return etree.SubElement(parent, "path", {"class": css_class, "d": d})


def words(parent, x, y, label, texts=()):
    """A bold label and lines of text under it, wrapped to fit between x and the
    picture's right edge; returns the y under the last line."""
    room = WIDTH - x
    y = text_lines(parent, x, y, textwrap.wrap(label, int(room / LABEL_CHAR)), "picture__label")
    for text in texts:
        y = text_lines(parent, x, y, textwrap.wrap(text, int(room / TEXT_CHAR)), "picture__text")
    return y


def mark(parent, x, y, text, css_class="picture__text picture__mark"):
    """A short text centred on x: a number on a ruler, a step's number, "Knee"."""
    element = etree.SubElement(parent, "text", {"class": css_class, "x": str(x), "y": str(y)})
    element.text = text
    return element
