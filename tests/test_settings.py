"""Clinic details and the emergency number come from the settings, never made up."""

import pytest

from conftest import GUIDE_SLUGS, SETTINGS, build, make_in, project, read_page, visible_text  # noqa: F401
from support import content_file, tiny_site

# Values no clinic would have, so a test cannot pass on the shipped settings by chance.
CLINIC = {
    "CLINIC_NAME": "Test Clinic Of Nowhere",
    "CLINIC_PHONE": "555 0199",
    "CLINIC_EMAIL": "test-clinic@example.org",
    "CLINIC_ADDRESS": "99 Test Street",
    "CLINIC_HOURS": "Tuesdays, 3am to 4am",
}
EMERGENCY = "112"
CONTACT_PAGE = content_file(
    "## How do I contact the clinic?\n\nSee below.",
    Title="Contact",
    Slug="contact",
    Template="contact",
)


@pytest.fixture(scope="module")
def configured_site(tmp_path_factory):
    """The real content, built with the test's clinic details and emergency number."""
    output = tmp_path_factory.mktemp("configured")
    settings = {**{k: f'"{v}"' for k, v in CLINIC.items()}, "EMERGENCY_NUMBER": f'"{EMERGENCY}"'}
    result = build(output, extra=settings.items())
    assert result.returncode == 0, result.stderr
    return output


def test_no_clinic_details_are_shown_when_none_are_set(tmp_path):
    empty = dict.fromkeys(CLINIC, "")
    build = tiny_site(tmp_path, {"pages/contact.md": CONTACT_PAGE}, **empty)
    assert build.ok, build.stderr
    for name in ("contact.html", "index.html"):
        assert build.read(name).select(".clinic-details") == []
        assert "tel:" not in str(build.read(name)) and "mailto:" not in str(build.read(name))


def test_clinic_details_appear_on_the_contact_page_and_footer_when_set(configured_site):
    about = read_page(configured_site, "about")
    text = visible_text(about.select_one("main"))
    for value in CLINIC.values():
        assert value.lower() in text
    assert about.select_one("main a[href='tel:5550199']") is not None
    assert about.select_one("main a[href='mailto:test-clinic@example.org']") is not None
    for slug in GUIDE_SLUGS:
        assert CLINIC["CLINIC_NAME"].lower() in visible_text(
            read_page(configured_site, slug).footer
        )


@pytest.mark.parametrize("slug", GUIDE_SLUGS)
def test_emergency_number_follows_the_setting(configured_site, slug):
    text = visible_text(read_page(configured_site, slug))
    assert f"call {EMERGENCY}" in text
    if SETTINGS["EMERGENCY_NUMBER"] != EMERGENCY:
        assert SETTINGS["EMERGENCY_NUMBER"] not in text.replace(EMERGENCY, "")


def test_the_built_site_shows_the_emergency_number_of_the_settings(page):
    card = page(GUIDE_SLUGS[0]).select_one(".care-card--emergency")
    assert f"call {SETTINGS['EMERGENCY_NUMBER']}" in visible_text(card)


@pytest.mark.parametrize(
    "mistake, error",
    [
        ("CLINIC_NAME = Riverside Vein Clinic", "SyntaxError: invalid syntax"),
        ("CLINIC_NAME = Riverside", "NameError: name 'Riverside' is not defined"),
        ('CLINIC_NAME = "Riverside', "SyntaxError: unterminated string literal"),
    ],
)
def test_a_python_mistake_in_the_settings_is_one_line_naming_file_and_line(project, mistake, error):
    settings = project / "pelicanconf.py"
    lines = settings.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("CLINIC_NAME ="))
    lines[number - 1] = mistake
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = make_in(project, "html")
    assert result.returncode != 0
    (message,) = [
        line for line in result.stderr.splitlines() if line.strip() and not line.startswith("make")
    ]
    assert message.startswith(
        f"pelicanconf.py, line {number}: this line is not valid Python ({error}"
    )
    assert "Text goes in quotes" in message and not (project / "output").exists()
