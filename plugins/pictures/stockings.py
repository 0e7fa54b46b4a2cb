"""Stocking lengths: a knee-high and a thigh-high stocking, each on a leg outline.

Guarantees: the two lengths are the ones the source gives (``SOURCES``: "thigh-
or knee-high, depending on the treated area"). Two people's legs, with two skin
tones, stand side by side under their names; a dashed line marks the knee across
both, so the knee-high stocking is seen to stop below it and the thigh-high one to
go on up the thigh. Each stocking has a thick band at its top and an edge apart
from the skin, so the lengths read without colour.

Not drawn: where a stocking presses hardest. The only source for "graduated"
stockings (K3c in the fact sheet) could not be read, and the site's text leaves it
out (CONTENT-REVIEW.md, section 2); it joins the picture once a source is cited.
"""

import itertools

from .svg import WIDTH, drawing, finish, mark, shape

SOURCES = ("L10",)  # PDR Health: thigh- or knee-high
NUMBERS = ()
KNEE = 150
# A leg seen from the side, facing right, hip to ankle: (height, back edge, front edge)
# from the middle of the leg; between two of these each edge curves, upright at both.
LEG = [(40, -30, 26), (95, -27, 22), (KNEE, -17, 17), (195, -25, 13), (262, -9, 8)]
SOLE = 302
LEGS = [  # (name, middle of the leg, skin tone, the stocking's top as in LEG)
    ("Knee-high", 80, 1, (KNEE + 14, -19, 16)),
    ("Thigh-high", 230, 3, (70, -29, 24)),
]


def outline(middle, stations):
    """A closed leg shape: down the front edge through `stations` (top first), round
    the foot, and up the back edge."""
    y, _, front = stations[0]
    down, up = f"M{middle + front} {y}", ""
    for (y0, b0, f0), (y1, b1, f1) in itertools.pairwise(stations):
        mid = (y0 + y1) / 2
        down += f"C{middle + f0} {mid:g} {middle + f1} {mid:g} {middle + f1} {y1}"
        up = f"C{middle + b1} {mid:g} {middle + b0} {mid:g} {middle + b0} {y0}" + up
    ankle, ankle_back = stations[-1][:2]
    # instep, toes, sole and heel, from the front of the ankle round to its back
    foot = (
        f"c4 12 10 18 24 22s20 6 20 10-2 8-8 8H{middle - 8}"
        f"c-6 0-8-6-6-14S{middle + ankle_back} {SOLE - 30} {middle + ankle_back} {ankle}"
    )
    return down + foot + up + "z"


def draw(numbers, say=str):
    svg = drawing()
    shape(svg, "picture__line picture__line--dashed", f"M0 {KNEE}H{WIDTH}")
    mark(svg, WIDTH // 2, KNEE - 6, say("Knee"))
    said = [say("Picture of two legs, with a dashed line at the knee.")]
    for name, middle, tone, top in LEGS:
        name = say(name)
        stations = sorted([*LEG, top])
        shape(svg, f"picture__skin picture__skin--{tone}", outline(middle, stations))
        below = stations[stations.index(top) :]
        shape(svg, "picture__stocking", outline(middle, below))
        shape(
            svg,
            "picture__line picture__line--band",
            f"M{middle + top[1]} {top[0]}H{middle + top[2]}",
        )
        mark(svg, middle, 20, name, "picture__label picture__mark")
        ends = say("below the knee" if top[0] > KNEE else "high on the thigh")
        said.append(
            say("{name}: the stocking covers the foot and the leg up to {ends}.").format(
                name=name, ends=ends
            )
        )
    return finish(svg, WIDTH, SOLE + 2, said)
