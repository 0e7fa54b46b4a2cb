"""Page weight of every page of a built site, as a browser would fetch it.

Guarantees: for each HTML file in the output, the bytes of the HTML (raw and
gzip) and of every same-site resource it loads (style sheets, scripts, icons,
images, and what the style sheets load in turn through url() and @import),
the number of requests, and the total transferred: text compressed with gzip
(level 6, a usual server setting), images and fonts as they are. A resource
the page asks for that is not in the output is listed as missing.

The site icon is counted apart: a browser fetches one of the icons a page
declares (the first it supports) once for the whole site and keeps it, so its
bytes count towards the total but it is not one of the page's requests.
"""

import gzip
import html.parser
import pathlib
import posixpath
import re
import urllib.parse

import builds

BUDGET_BYTES = 14 * 1024  # what fits in the first round trip (10 TCP segments)
BUDGET_REQUESTS = 2
# The whole guide on one page (issue 15): 24 KB for five parts of text, 5.5 KB a part
# now that the parts have pictures (as tests/test_browser_privacy.py).
WHOLE_GUIDE = builds.SETTINGS["WHOLE_GUIDE_SAVE_AS"]
WHOLE_GUIDE_BUDGET_PER_PART = 5.5 * 1024
TEXT_TYPES = {".html", ".css", ".js", ".mjs", ".svg", ".json", ".xml", ".txt"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


class _Resources(html.parser.HTMLParser):
    """Collects the URLs of what a page makes the browser fetch."""

    def __init__(self):
        super().__init__()
        self.urls = []
        self.icon = None  # the first icon declared: the one a browser fetches

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower().split()
        if tag == "link" and attrs.get("href") and "icon" in rel:
            self.icon = self.icon or attrs["href"]
        elif (
            tag == "link"
            and attrs.get("href")
            and {
                "stylesheet",
                "preload",
                "modulepreload",
                "manifest",
            }
            & set(rel)
        ):
            self.urls.append(attrs["href"])
        elif tag in ("script", "img", "iframe", "embed", "source", "video", "audio") and attrs.get(
            "src"
        ):
            self.urls.append(attrs["src"])
        if tag in ("img", "source") and attrs.get("srcset") and not attrs.get("src"):
            self.urls.append(attrs["srcset"].split(",")[0].split()[0])
        if tag == "video" and attrs.get("poster"):
            self.urls.append(attrs["poster"])
        for url in CSS_URL.findall(attrs.get("style") or ""):
            self.urls.append(url[0] or url[1])


def transfer_size(path):
    data = path.read_bytes()
    if path.suffix.lower() in TEXT_TYPES:
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


def _local_file(root, base, url):
    """The output file a same-site URL points to, or None for another site."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("data:", "#")):
        return None
    path = urllib.parse.unquote(parts.path)
    joined = posixpath.normpath(
        posixpath.join(posixpath.dirname(base), path)
        if not path.startswith("/")
        else path.lstrip("/")
    )
    return root / joined


def _css_dependencies(root, css_file, seen):
    relative = css_file.relative_to(root).as_posix()
    for match in CSS_URL.finditer(css_file.read_text(encoding="utf-8", errors="replace")):
        target = _local_file(root, relative, match[1] or match[2])
        if target is not None and target not in seen:
            seen.append(target)
            if target.suffix == ".css" and target.is_file():
                _css_dependencies(root, target, seen)


def _resource(root, path):
    if not path.is_file():
        return {"path": path.relative_to(root).as_posix(), "missing": True}
    return {
        "path": path.relative_to(root).as_posix(),
        "bytes": path.stat().st_size,
        "transfer": transfer_size(path),
    }


def budget(root, page):
    if pathlib.PurePosixPath(page).name != WHOLE_GUIDE:  # guide.html, es/guide.html
        return BUDGET_BYTES
    parts = (root / page).read_text(encoding="utf-8").count('class="whole-guide__part"')
    return int(WHOLE_GUIDE_BUDGET_PER_PART * parts)


def page_weight(root, page):
    relative = page.relative_to(root).as_posix()
    parser = _Resources()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    files = []
    for url in parser.urls:
        target = _local_file(root, relative, url)
        if target is not None and target not in files:
            files.append(target)
            if target.suffix == ".css" and target.is_file():
                _css_dependencies(root, target, files)
    resources = [_resource(root, f) for f in files]
    icon = parser.icon and _local_file(root, relative, parser.icon)
    icon = _resource(root, icon) if icon else None
    html_bytes = page.stat().st_size
    html_gzip = transfer_size(page)
    total = html_gzip + sum(r.get("transfer", 0) for r in resources + [icon] if r)
    requests = 1 + len(resources)
    return {
        "page": relative,
        "html_bytes": html_bytes,
        "html_gzip": html_gzip,
        "resources": resources,
        "requests": requests,
        "total_transfer": total,
        "icon": icon,
        "over_budget": total > budget(root, relative) or requests > BUDGET_REQUESTS,
    }


def site_weight(root):
    root = pathlib.Path(root)
    pages = [page_weight(root, page) for page in sorted(root.rglob("*.html"))]
    return {
        "budget_bytes": BUDGET_BYTES,
        "whole_guide_budget_per_part": WHOLE_GUIDE_BUDGET_PER_PART,
        "budget_requests": BUDGET_REQUESTS,
        "pages": pages,
        "largest": max(pages, key=lambda p: p["total_transfer"])["page"] if pages else None,
        "failures": [p["page"] for p in pages if p["over_budget"]],
    }
