"""The aftercare timeline is a picture with a name, followed by the same steps as text."""

import pytest

from conftest import visible_text
from support import content_file, tiny_site

# What the client's copy and the fact sheet (section 5) say the schedule is, one row per
# vein type (clinical review F20), in the order the steps end.
SCHEDULE = [
    ("Straight after the injections", ["stocking", "walk for 15 to 20 minutes"]),
    ("First 2 to 3 days", ["no heavy exercise", "long flights", "hot baths", "walk every day"]),
    ("Spider veins, first 2 to 3 days", ["day and night"]),
    ("Small blue veins, first 5 to 7 days", ["day and night"]),
    ("First 2 weeks", ["out of the sun", "do not sunbathe"]),
    ("Until 2 to 3 weeks after treatment day", ["in the daytime"]),
]


def svg_lines(text_element):
    return " ".join(span.get_text() for span in text_element.find_all("tspan"))


def test_aftercare_timeline_has_named_pictures_before_its_text_list(page):
    timeline = page("compression-stockings").select_one(".timeline")
    steps = timeline.select_one(".timeline__content ul")
    pictures = timeline.find_all("svg")
    assert [svg["class"][-1] for svg in pictures] == [
        "timeline__picture--across",
        "timeline__picture--down",
    ]
    for svg in pictures:
        assert svg["role"] == "img" and svg["aria-label"].startswith("Picture: ")
        assert svg.find_next("ul") is steps, "the picture must come before its text equivalent"
        assert svg["width"] == "100%" and svg["viewbox"].startswith("0 0 ")


@pytest.mark.parametrize("direction", ["across", "down"])
def test_picture_and_text_list_show_the_clients_schedule_in_order(page, direction):
    timeline = page("compression-stockings").select_one(".timeline")
    svg = timeline.select_one(f"svg.timeline__picture--{direction}")
    labels = [svg_lines(t) for t in svg.select(".timeline__label")]
    texts = [svg_lines(t).lower() for t in svg.select(".timeline__text")]
    items = [visible_text(li) for li in timeline.select(".timeline__content li")]
    assert len(labels) == len(texts) == len(items) == len(SCHEDULE)
    for (label, phrases), svg_label, svg_text, item in zip(
        SCHEDULE, labels, texts, items, strict=True
    ):
        assert svg_label == label and item.startswith(label.lower())
        for phrase in phrases:
            assert phrase in svg_text and phrase in item, (label, phrase)


def test_picture_is_drawn_from_the_list_and_leaves_out_source_numbers(tmp_path):
    body = '!!! timeline "Plan"\n    - **Day 1:** rest.[^K1]\n    - **Week 2:** walk.\n'
    build = tiny_site(tmp_path, {"pages/plan.md": content_file(body, Slug="plan")})
    assert build.ok, build.stderr
    pictures = build.read("plan.html").select(".timeline svg")
    assert len(pictures) == 2
    for picture in pictures:
        assert picture["aria-label"] == "Picture: Plan. The same steps are listed below."
        assert len(picture.find_all("circle")) == 2
        labels = [" ".join(t.stripped_strings) for t in picture.select(".timeline__label")]
        texts = [" ".join(t.stripped_strings) for t in picture.select(".timeline__text")]
        assert labels == ["Day 1", "Week 2"] and texts == ["Rest.", "Walk."]
        assert "Source" not in picture.get_text() and picture.find("sup") is None
