"""Clinic details and the emergency number come from settings, never made up."""

import pytest

from conftest import GUIDE_SLUGS, build, read_page, visible_text

CLINIC = {
    "CLINIC_NAME": '"Riverside Vein Clinic"',
    "CLINIC_PHONE": '"555 0100"',
    "CLINIC_EMAIL": '"help@example.org"',
    "CLINIC_ADDRESS": '"1 Main Street"',
    "CLINIC_HOURS": '"Monday to Friday, 9am to 5pm"',
    "EMERGENCY_NUMBER": '"999"',
}


@pytest.fixture(scope="module")
def configured_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("configured")
    result = build(output, extra=CLINIC.items())
    assert result.returncode == 0, result.stderr
    return output


def test_no_clinic_details_are_shown_when_none_are_set(page):
    for slug in ("about", "index"):
        assert page(slug).select(".clinic-details") == []
        assert "tel:" not in str(page(slug))


def test_clinic_details_appear_on_the_contact_page_and_footer_when_set(configured_site):
    about = read_page(configured_site, "about")
    text = visible_text(about.select_one("main"))
    for value in CLINIC.values():
        if value != '"999"':
            assert value.strip('"').lower() in text
    assert about.select_one("main a[href='tel:5550100']") is not None
    assert "riverside vein clinic" in visible_text(read_page(configured_site, "risks").footer)


@pytest.mark.parametrize("slug", GUIDE_SLUGS)
def test_emergency_number_follows_the_setting(configured_site, slug):
    text = visible_text(read_page(configured_site, slug))
    assert "call 999" in text
    assert "911" not in text


def test_default_emergency_number_is_911(page):
    assert "call 911" in visible_text(page("risks").select_one(".care-card--emergency"))
