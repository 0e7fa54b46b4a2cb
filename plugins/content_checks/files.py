"""File rules: every file under content/ is a page, a shared part, a file the site
publishes as it is, or an error that names it and says where it belongs.

Guarantees: nothing in the content folder is silently ignored (a page saved as
``.md.txt``, a Markdown file directly in content/ or in a new folder, a ``.rst`` or
``.html`` page; in a language's folder, content/es/, the same folders as in content/
for its pages and shared parts, but not the sources, numbers or pictures, which
every language shares); nothing reaches the site from elsewhere on the build machine (a
link, or "symlink", to a file or folder outside content/ is refused, so no file
such as /proc/self/environ can be published). Files that editors and operating
systems leave behind (.DS_Store, Thumbs.db, backups ending in ~) are passed over.
"""

import fnmatch
import os

from translations import split_language

from .document import display_path
from .library import NUMBERS, SHARED, SOURCES

PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
# Left by operating systems and editors; Pelican is told to ignore them too (IGNORE_FILES).
JUNK = [".DS_Store", "._*", "Thumbs.db", "desktop.ini", "*~", ".#*", ".*.swp", ".*.swo"]
PAGE_ADVICE = (
    "Pages are Markdown files (.md) in content/pages/, and the parts of the guide "
    "in content/articles/; their translations are in the same folders in the "
    "language's folder (content/es/pages/, content/es/articles/)."
)


def is_junk(name):
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in JUNK)


def under(relative, folder):
    return relative == folder or relative.startswith(folder + "/")


def where_it_belongs(relative, settings):
    """None for a file the site uses, else what is wrong and what to do."""
    name = relative.rsplit("/", 1)[-1]
    lang, place = split_language(relative, settings)
    top = place.split("/", 1)[0]
    if lang != settings["DEFAULT_LANG"] and top == SHARED and name in (SOURCES, NUMBERS):
        return (
            f"the sources and the numbers are the same in every language: they are written "
            f"once, in content/{SHARED}/{name}. Delete this copy (a translated page cites "
            "the same sources and uses the same numbers)."
        )
    if any(under(relative, path) for path in settings["PAGE_PATHS"]):
        if name.endswith(".md"):
            return None
        return (
            f"only Markdown files (.md) are pages, so this file is not used. If it is a page, "
            f'save it as "{name.split(".")[0]}.md"; a picture goes in content/images/.'
        )
    if top == SHARED:
        if "/" not in place[len(SHARED) + 1 :] and name.endswith(".md"):
            return None
        folder = relative[: len(relative) - len(place)] + SHARED
        return f"content/{folder}/ holds only the shared parts, as .md files directly in it."
    if any(under(relative, path) for path in settings["STATIC_PATHS"]):
        if top != "images" or name.lower().endswith(PICTURES):
            return None
        return f"content/images/ is for pictures ({', '.join(PICTURES)}). {PAGE_ADVICE}"
    if relative in settings.get("TEMPLATE_PAGES", {}):
        return None
    if name.endswith(".md"):
        return f"this page is not in a folder the site reads. {PAGE_ADVICE}"
    return (
        f"the site does not use this file. {PAGE_ADVICE} Pictures go in content/images/. "
        "Move the file there, or delete it."
    )


def check(run):
    settings, root = run.settings, run.settings["PATH"]
    for folder, folders, names in os.walk(root):
        for name in sorted(folders + names):
            full = os.path.join(folder, name)
            relative = os.path.relpath(full, root).replace(os.sep, "/")
            path = display_path(settings, relative)
            if os.path.islink(full):
                run.problems.add(
                    path,
                    0,
                    "this is a link (a shortcut) to something elsewhere on the computer, and "
                    "the site publishes only what is really in content/. Copy the file itself "
                    "into the folder, and delete the link.",
                )
            elif name in names and not is_junk(name):
                problem = where_it_belongs(relative, settings)
                if problem:
                    run.problems.add(path, 0, problem)
        folders[:] = [f for f in folders if not os.path.islink(os.path.join(folder, f))]
