"""Which vein is which: a spider vein, a small blue (reticular) vein and a varicose
vein, each on its own skin tone, drawn to one scale under a millimetre ruler.

Guarantees: every width and every number on the picture comes from
content/shared/numbers.md (``NUMBERS``), the numbers the text uses: the ruler
runs from 0 to 2 mm past the varicose limit, the spider vein is drawn as wide as
its largest size, the small blue vein as wide as the top of its range, and the
varicose vein, which has no top, 1 mm past its limit with a lumpy edge. Dashed
lines carry 0 and each limit down through all three. What each vein looks like
and whether Asclera is approved for it are the sources' words (``SOURCES``).
Colour is never the only clue: each vein is named beside it, with its size and
look in words and "approved" or "not approved" after a ✓ or ✗.
"""

import xml.etree.ElementTree as etree
from typing import NamedTuple

from components.timeline import LINE

from .svg import WIDTH, drawing, finish, mark, shape, words

SOURCES = ("L14", "K6", "K2", "K3")  # the label (sizes, approval), CEAP, Mayo, NHS
NUMBERS = ("spider_max_mm", "reticular_mm", "varicose_min_mm")
ZERO = 16  # the ruler's 0: the veins' left edges lie on it, with skin to their left
RULER = 26  # the ruler's line; its numbers above it, the skin under it
LENGTH = 80  # of the ruler, in user units: whatever the numbers, the words keep their room
MIN_ROW = 64


class Vein(NamedTuple):
    colour: str  # the modifier of .picture__vein
    name: str
    size: str
    look: str
    approved: bool
    drawn_mm: int  # how wide it is drawn


def veins(numbers, say=str):
    """The three veins, thinnest first, in the words of ``say`` (the page's language)."""
    spider = int(numbers["spider_max_mm"])
    low, _, high = numbers["reticular_mm"].partition("-")
    high = high or low
    varicose = int(numbers["varicose_min_mm"])
    return [
        Vein(
            "red",
            say("Spider vein"),
            say("{number} mm or less").format(number=spider),
            say("red or blue, in the skin"),
            True,
            spider,
        ),
        Vein(
            "blue",
            say("Small blue vein (reticular vein)"),
            say("{low} to {high} mm").format(low=low, high=high),
            say("bluish, just under the skin"),
            True,
            int(high),
        ),
        Vein(
            "purple",
            say("Varicose vein"),
            say("more than {number} mm").format(number=varicose),
            say("bulging, blue or dark purple"),
            False,
            varicose + 1,
        ),
    ]


def lumpy(height):
    """The varicose vein's right edge, top to bottom, bulging out and in."""
    bumps = max(2, height // 20 // 2 * 2)  # even, so the edge ends where it began
    step = height / bumps
    return "".join(f"q{6 * (-1) ** n} {step / 2:g} 0 {step:g}" for n in range(bumps))


def approval(parent, x, y, approved, say=str):
    """ "✓ Asclera: approved" or "✗ Asclera: not approved" as one line; returns its words."""
    said = say("Asclera: approved" if approved else "Asclera: not approved")
    line = etree.SubElement(parent, "text", {"class": "picture__text", "x": str(x), "y": str(y)})
    sign = etree.SubElement(line, "tspan", {"class": "picture__yes" if approved else "picture__no"})
    sign.text, sign.tail = ("✓" if approved else "✗"), f" {said}"
    return said


def numbered_every(ruler_mm, mm):
    """1, 2, 5, 10, 20, 50 … millimetres: the first that keeps the ruler's numbers apart."""
    room = 8 * len(str(ruler_mm)) + 4  # user units a number needs
    every = 1
    while every * mm < room:
        every = every * 5 // 2 if str(every)[0] == "2" else every * 2
    return every


def ruler(svg, ruler_mm, mm, bottom, limits):
    """The ruler, with a dashed line down from each of the `limits`. It is numbered every
    millimetre, and ticked at every one, while there is room (should the numbers grow)."""
    every = numbered_every(ruler_mm, mm)
    shape(
        svg,
        "picture__line picture__line--dashed",
        "".join(f"M{ZERO + limit * mm:g} {RULER}V{bottom}" for limit in limits),
    )
    ticks = "".join(
        f"M{ZERO + n * mm:g} {RULER}v-{4 if n % every else 8}"
        for n in range(ruler_mm + 1)
        if mm >= 4 or n % every == 0
    )
    shape(svg, "picture__line", f"M{ZERO} {RULER}h{LENGTH}{ticks}")
    for n in range(0, ruler_mm + 1, every):
        mark(svg, f"{ZERO + n * mm:g}", RULER - 12, str(n))
    mark(svg, ZERO + LENGTH + 30, RULER - 12, "mm")


def draw(numbers, say=str):
    rows = veins(numbers, say)
    ruler_mm = int(numbers["varicose_min_mm"]) + 2
    mm = LENGTH / ruler_mm  # user units per millimetre, for the veins and the ruler alike
    right = ZERO + LENGTH + 8  # the skin's right edge; the words start after it
    svg = drawing()
    said = [say("Picture drawn to scale under a millimetre ruler.")]
    top = RULER + 8
    for tone, vein in enumerate(rows, 1):
        y = words(svg, right + 10, top + 16, vein.name, [vein.size, vein.look])
        said.append(
            f"{vein.name}: {vein.size}, {vein.look}; {approval(svg, right + 10, y, vein.approved, say)}."
        )
        height = max(MIN_ROW, y + LINE - 12 - top)
        shape(svg, f"picture__skin picture__skin--{tone}", f"M4 {top}H{right}v{height}H4z")
        edge = f"v{height}" if vein.approved else lumpy(height)  # the varicose vein bulges
        shape(
            svg,
            f"picture__vein picture__vein--{vein.colour}",
            f"M{ZERO} {top}h{vein.drawn_mm * mm:g}{edge}H{ZERO}z",
        )
        top += height + 6
    ruler(svg, ruler_mm, mm, top - 6, sorted({0, rows[0].drawn_mm, rows[1].drawn_mm}))
    return finish(svg, WIDTH, top - 5, said)
