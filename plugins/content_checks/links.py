"""Link rules: every address a page links to is allowed, and none leads nowhere.

Per file (from the parsed tree): links go to web pages (https, http), e-mail or phone
(mailto, tel) or this site; pictures come from this site only, written
``{static}/images/name.png`` (which works from every folder, in the file-system
preview and under a sub-path); an address that cannot be read is an error, never a
crash. Across the site: every ``{filename}``/``{static}`` link and every relative
address names a page or file the build makes, inside the content folder, and a
``#part`` names an id on the target page; a translated page links to the pages of its
own language where they exist (a Spanish page never sends a reader to the English page
it has a Spanish version of). Each problem names the line of the link.
"""

import difflib
import os
import posixpath
import re
from urllib.parse import unquote, urlsplit

from translations import version_in

from .metadata import all_pages

INTRASITE = re.compile(r"^[{|](filename|static|attach)[|}](.*)$")
SCHEMES = ("http", "https", "mailto", "tel")
PICTURES = "put the picture in content/images/ and write ![What it shows]({static}/images/name.png)"
ANCHOR_ADVICE = (
    "A link to a part of a page uses the heading's words in lower case, with hyphens for "
    "spaces and no punctuation: ## When to get help is #when-to-get-help."
)


def refused(document, url, tag):
    """Why an address may not be used at all, or None."""
    try:
        parts = urlsplit(url)
    except ValueError as error:
        return f'the address "{url}" cannot be read ({error}). Check it for a typing mistake.'
    intrasite = INTRASITE.match(url)
    if tag == "img":
        if intrasite and intrasite[1] != "filename":
            return None
        return (
            f'the picture "{url}" is not written the way the site can show it everywhere: '
            f"{PICTURES}."
        )
    if intrasite:
        if document.shared and not intrasite[2].startswith("/"):
            return (
                f"in a shared part, write the path from the content folder, so it works on "
                f'every page: {{{intrasite[1]}}}/articles/risks.md, not "{url}".'
            )
        return None
    if parts.scheme and parts.scheme.lower() not in SCHEMES:
        return (
            f'the address "{url[:40]}" is not a web page: links may go to https://, '
            "http://, mailto: and tel: addresses, and to pages of this site. Remove it, or "
            "link to a real web address."
        )
    return None


def collect(document, root):
    """The page's links and ids, for the site-wide check; addresses refused here."""
    document.ids = {element.get("id") for element in root.iter() if element.get("id")}
    for element in (e for e in root.iter() if e.tag in ("a", "img")):
        url = element.get("href" if element.tag == "a" else "src")
        if url is None or "citation__link" in (element.get("class") or ""):
            continue  # a citation's target, the Sources list, is the template's
        place, line = document.locate(element)
        line = place.find(url[:40], line) if line else 0
        problem = refused(document, url, element.tag)
        if problem:
            document.report((place, line), problem)
        else:
            document.links.append((url, place, line))


class Site:
    """What the build will produce, to resolve links against."""

    def __init__(self, run, generators):
        self.context = generators[0].context
        self.settings = run.settings
        self.run = run
        self.by_output = {}
        for generator in generators:
            for page in all_pages(generator):
                self.by_output[page.save_as] = page
        self._files = None

    def files(self):
        """Every output path of the site, pages and files (worked out when needed)."""
        if self._files is None:
            self._files = set(self.by_output)
            self._files.update(
                content.save_as for content in self.context["static_content"].values()
            )
            theme = self.settings["THEME"]
            for static in self.settings["THEME_STATIC_PATHS"]:
                root = os.path.join(theme, static)
                for folder, _, names in os.walk(root):
                    for name in names:
                        relative = os.path.relpath(os.path.join(folder, name), root)
                        self._files.add(posixpath.join(self.settings["THEME_STATIC_DIR"], relative))
        return self._files

    def document_of(self, page):
        return self.run.documents.get(page.relative_source_path)

    def intrasite(self, page, what, path):
        """The content a {filename}/{static} path names: a page, True for a file,
        None when missing, or "outside" when it leaves the content folder."""
        joined = path[1:] if path.startswith("/") else posixpath.join(page.relative_dir, path)
        relative = posixpath.normpath(joined)
        if relative.startswith("..") or os.path.isabs(relative):
            return "outside"
        key = "generated_content" if what == "filename" else "static_content"
        found = self.context[key].get(relative)
        if found is None and what == "filename":
            found = self.context["static_content"].get(relative)
        # Pelican lists a {static} target even when the file is missing.
        if found is None or not os.path.isfile(found.source_path):
            return None
        return found if hasattr(found, "_content") else True

    def relative(self, page, path):
        """The page an ordinary relative URL names, True for a file, or None."""
        base = posixpath.dirname(page.save_as)
        target = posixpath.normpath(
            path[1:] or "." if path.startswith("/") else posixpath.join(base, path)
        )
        if path.endswith("/") or target == ".":
            target = posixpath.normpath(posixpath.join(target, "index.html"))
        if target in self.by_output:
            return self.by_output[target]
        return True if target in self.files() else None

    def near_miss(self, what, path):
        """The same file name elsewhere in the content folder, written from the top."""
        key = "generated_content" if what == "filename" else "static_content"
        name = posixpath.basename(path)
        same = [p for p in self.context[key] if posixpath.basename(p) == name]
        same = same or difflib.get_close_matches(path.lstrip("./"), list(self.context[key]), n=1)
        return f' Did you mean "{{{what}}}/{same[0]}"?' if same else ""


def anchor_problem(site, url, fragment, target):
    document = site.document_of(target)
    ids = document.ids if document else set()
    if fragment in ids:
        return None
    close = difflib.get_close_matches(fragment, sorted(ids), n=1)
    hint = f'Did you mean "#{close[0]}"? ' if close else ""
    return f'the link "{url}" points to "#{fragment}", which is not a heading on that page. {hint}{ANCHOR_ADVICE}'


def check_link(site, page, url):
    """A plain-words problem with one link, or None."""
    if url.startswith("#"):
        return anchor_problem(site, url, url[1:], page)
    match = INTRASITE.match(url)
    parts = urlsplit(match[2] if match else url)
    if not match and (parts.scheme or parts.netloc):
        return None  # another site, mailto:, tel: (anything else is refused when read)
    path = unquote(parts.path)
    target = page
    if match:
        target = site.intrasite(page, match[1], path)
        if target == "outside":
            return (
                f'the link "{url}" points outside the content folder. Link only to pages '
                "and files in content/."
            )
        if target is None:
            return (
                f'the link "{url}" points to "{path}", which is not in the content folder.'
                f"{site.near_miss(match[1], path)} A path from the content folder "
                "({filename}/articles/risks.md) works from every page."
            )
    elif path:
        target = site.relative(page, path)
        if target is None:
            return (
                f'the link "{url}" points to "{path}", which is not a page or file of the '
                "site. To link to another page, write [text]({filename}/articles/risks.md) "
                "with the page's file."
            )
    if target is not True and target.lang != page.lang:
        translated = version_in(target, page.lang)
        if translated is not None:
            names = {
                lang: language["name"]
                for lang, language in site.settings.get("LANGUAGES", {}).items()
            }
            name = names.get(page.lang, page.lang)
            return (
                f'the link "{url}" leads to the {names.get(target.lang, target.lang)} page, '
                f"but that page is also in {name}, as this one is: link to "
                f'"{{filename}}/{translated.relative_source_path}" instead (with a "#part" '
                "named after its heading in that language), so readers stay in their language."
            )
    if parts.fragment and target is not True:
        return anchor_problem(site, url, parts.fragment, target)
    return None


def check(run, generators):
    site = Site(run, generators)
    for page in sorted(site.by_output.values(), key=lambda p: p.relative_source_path):
        document = site.document_of(page)
        for url, place, line in document.links if document else ():
            try:
                problem = check_link(site, page, url)
            except ValueError as error:
                problem = f'the address "{url}" cannot be read ({error}).'
            if problem:
                place.report((place, line), problem)
