"""Text from metadata is shown as text: it can never run as code on a patient's phone."""

from conftest import build, read_page

EVIL = "<script>alert(1)</script>"


def test_script_in_title_and_summary_is_shown_as_text(content_copy, tmp_path):
    (content_copy / "pages" / "evil.md").write_text(
        f"Title: Evil {EVIL}\nSlug: evil\nSummary: Summary {EVIL}\n"
        "Reviewed: 2026-11-25\nNext-review: 2027-11-25\n\nBody text.\n",
        encoding="utf-8",
    )
    output = tmp_path / "output"
    result = build(output, content=content_copy)
    assert result.returncode == 0, result.stderr
    soup = read_page(output, "evil")
    assert soup.find("script") is None
    assert soup.h1.get_text() == f"Evil {EVIL}"
    assert soup.title.get_text().startswith(f"Evil {EVIL}")
    assert soup.find("meta", attrs={"name": "description"})["content"] == f"Summary {EVIL}"
    assert "<script>" not in (output / "evil.html").read_text(encoding="utf-8")
