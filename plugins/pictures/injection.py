"""How the injection closes a vein, in 4 steps, each a small drawing beside its words.

Guarantees: the steps are the ones the procedure page explains, in its sources'
words (``SOURCES``): the injection, the vein closing, blood taking other veins,
the vein fading over weeks to months. Each drawing shows the same two veins under
the skin, the treated one above the healthy one, and changes only what its step
says: a needle in the treated vein; the treated vein shut to a thin line; arrows
along the healthy vein; the treated vein a faint dotted line. The steps are
numbered in the drawing and in words, so the order never rests on position alone.
"""

import xml.etree.ElementTree as etree

from .svg import WIDTH, drawing, finish, mark, shape, words

SOURCES = (
    "K1",
    "L14",
    "K11",
)  # Mayo (steps, fading), the label (the wall), Jefferson (weeks to months)
NUMBERS = ()
STEPS = [
    ("The injection", "A tiny needle puts Asclera into the vein."),
    ("The vein closes", "The medicine irritates the vein wall, and the vein closes."),
    ("Blood takes other veins", "Blood flows through other, healthy veins instead."),
    ("The vein fades", "It turns into scar tissue and fades over weeks to months."),
]
SKIN = 108  # the skin's right edge; the words start after it
MIN_ROW = 66
TREATED, HEALTHY = 34, 53  # the middle of each vein, from the top of its drawing


def treated(svg, step, top):
    """The treated vein as this step leaves it."""
    y = top + TREATED
    if step == 0:
        shape(svg, "picture__vein picture__vein--blue", f"M4 {y - 4}h{SKIN - 4}v8H4z")
        shape(svg, "picture__line", f"M56 {y - 1}l24-14")  # the needle, its tip in the vein
        shape(svg, "picture__syringe", f"M80 {top + 19}l20-12")
    else:  # closed, then fading away
        faded = " picture__shut--faded" if step == len(STEPS) - 1 else ""
        shape(svg, f"picture__shut{faded}", f"M4 {y}h{SKIN - 4}")


def draw(numbers, say=str):
    svg = drawing()
    said = [say("Picture in {count} steps.").format(count=len(STEPS))]
    top = 0
    for step, (label, text) in enumerate(STEPS):
        label, text = say(label), say(text)
        bottom = words(svg, SKIN + 10, top + 16, label, [text])
        height = max(MIN_ROW, bottom - 12 - top)
        shape(svg, "picture__skin picture__skin--2", f"M4 {top}H{SKIN}v{height}H4z")
        y = top + HEALTHY
        shape(svg, "picture__vein picture__vein--blue", f"M4 {y - 5}h{SKIN - 4}v10H4z")
        if step == 2:  # blood flows along the healthy vein
            shape(svg, "picture__flow", "".join(f"M{x} {y - 3}l4 3-4 3" for x in (24, 54, 84)))
        treated(svg, step, top)
        etree.SubElement(
            svg, "circle", {"class": "picture__step", "cx": "16", "cy": str(top + 14), "r": "9"}
        )
        mark(svg, 16, top + 19, str(step + 1))
        said.append(f"{step + 1}. {label}: {text}")
        top += height + 6
    return finish(svg, WIDTH, top - 6 + 1, said)
