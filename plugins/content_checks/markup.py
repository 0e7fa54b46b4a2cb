"""Markup rules: the text of a page is safe, accessible HTML.

Guarantees, for the rendered body of every page: no ``<script>``,
``<iframe>``, ``<object>`` or ``<embed>``, no ``on…=`` event handler and no
``javascript:`` (or ``vbscript:``, ``data:text/html``) address; every image
has alt text; the page title is the only ``h1`` and headings go down one
level at a time (## then ###). Each is an error with the Markdown line. The
rendered HTML is scanned with regular expressions, once per page.
"""

import html
import re

from pelican import signals

from . import LineFinder, add, page_path

# Whole-page regular expressions: a page is scanned a few times at C speed rather
# than tag by tag in Python (the checks must cost little next to Pelican).
FORBIDDEN_TAG = re.compile(r"<\s*(script|iframe|object|embed)\b", re.I)
HANDLER = re.compile(r"""<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*?\s(on[a-zA-Z]+)\s*=""")
URL = re.compile(
    r"""\s(?:href|src|action|formaction|data|poster|xlink:href)\s*=\s*"""
    r"""(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
    re.I,
)
IMG = re.compile(r"""<img\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.I)
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.S | re.I)
INNER_TAGS = re.compile(r"<[^>]+>")
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# A browser ignores these characters inside a URL scheme ("java\tscript:").
IGNORED_IN_URL = re.compile(r"[\x00-\x20]")


def tag_problems(content):
    """(text to find the line by, problem) for every unsafe or unlabelled tag."""
    for match in FORBIDDEN_TAG.finditer(content):
        yield f"<{match[1]}", (
            f"<{match[1].lower()}> is not allowed in the content: it could run code or show "
            "another site inside the page. Remove it; link to the other site instead."
        )
    for match in HANDLER.finditer(content):
        attr = match[1].lower()
        yield attr, (
            f'"{attr}=" is not allowed in the content: it runs code in the '
            "reader's browser. Remove it."
        )
    for match in URL.finditer(content):
        value = html.unescape(match[1] or match[2] or match[3] or "")
        if IGNORED_IN_URL.sub("", value).lower().startswith(UNSAFE_SCHEMES):
            yield value[:30], (
                f'the address "{value[:40]}" runs code instead of opening a page. '
                "Remove the link, or link to a real web address (https://…)."
            )
    for match in IMG.finditer(content):
        attrs = {name.lower(): html.unescape(a or b or c) for name, a, b, c in ATTRIBUTE.findall(match[1])}
        if not attrs.get("alt", "").strip():
            yield attrs.get("src") or "<img", (
                f'the image "{attrs.get("src", "")}" has no text alternative for people who '
                "cannot see it. Describe it in the brackets: ![What the picture shows](…)."
            )


def heading_problems(content):
    level = 1  # the page title, from the template
    for match in HEADING.finditer(content):
        new = int(match[1])
        text = html.unescape(INNER_TAGS.sub("", match[2])).strip()
        if new == 1:
            yield text, (
                f'"{text}" is a main heading (#), but the page title is the only one. '
                "Start sections with ## and sub-sections with ###."
            )
        elif new > level + 1:
            yield text, (
                f'the heading "{text}" ({"#" * new}) skips a level: it follows a '
                f'{"#" * level} heading{" (the page title)" if level == 1 else ""}. '
                f'Write it as {"#" * (level + 1)}.'
            )
        level = new


def check(content):
    if not getattr(content, "_content", None):
        return
    find_line = None
    for needle, problem in [*tag_problems(content._content), *heading_problems(content._content)]:
        find_line = find_line or LineFinder(content.source_path)
        add(page_path(content), find_line(needle), problem)


def register():
    signals.content_object_init.connect(check)
