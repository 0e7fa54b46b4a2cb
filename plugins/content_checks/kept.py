"""Pages read without any problem are kept between builds (plugin ``kept_results``),
so an unchanged page is not parsed and checked again.

Guarantees: a page is taken from the kept results only under a key made of its own
place and bytes, the bytes of every other file in the content folder except the other
pages (the shared parts, the sources and numbers, the pictures, the files published
as they are) and the names of all of them, besides what ``kept_results`` adds (the
code, the theme, the settings, the day). It is then the Document a fresh reading would
give: the same HTML, information block, links, ids, readability and plain-language
figures, tree and lines for the checks across the site, and the same shared parts
recorded as shown on it. A page whose reading reported anything (a problem of its
own, of a shared part it shows, or a warning Pelican logged) is never kept, so its
problems are found and reported at every build until it is fixed.
"""

import hashlib
import io
import os
import pickle

from .document import Document
from .library import SHARED
from .reader import MAX_BYTES

PAGE = "page"  # the kind of result, in its key


def content_stamp(settings):
    """What a page's reading depends on in the content folder, besides the page."""
    digest = hashlib.sha256()
    root = settings["PATH"]
    for where, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names):
            path = os.path.join(where, name)
            relative = os.path.relpath(path, root)
            digest.update(relative.encode() + b"\0")
            page = name.endswith(".md") and os.path.basename(where) != SHARED
            if os.path.islink(path):  # refused by the file rules; never followed here
                digest.update(b"link\0")
            elif not page and os.path.isfile(path):
                with open(path, "rb") as file:
                    digest.update(hashlib.sha256(file.read()).digest())
    return digest.digest()


class PagePickler(pickle.Pickler):
    """A page with the shared parts its tree came from named, not copied: they are
    the ones this build loaded."""

    def __init__(self, file, page):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.page = page

    def persistent_id(self, obj):
        if isinstance(obj, Document) and obj is not self.page:
            return obj.relative
        return None


class PageUnpickler(pickle.Unpickler):
    def __init__(self, file, documents):
        super().__init__(file)
        self.documents = documents

    def persistent_load(self, relative):
        return self.documents[relative]  # a part deleted since: a KeyError, read afresh


class KeptPages:
    """The pages of one build, taken from and kept in the kept results."""

    def __init__(self, run, kept):
        self.run, self.kept = run, kept
        self.stamp = content_stamp(run.settings)

    def reported(self):
        """How many things the build has reported so far (repeats too)."""
        return self.run.problems.added + (len(self.run.log.records) if self.run.log else 0)

    def read(self, relative, read_document):
        """The Document of a file, kept or read by ``read_document()`` (and kept)."""
        settings = self.run.settings
        path = os.path.join(settings["PATH"], relative)
        key = None
        limit = settings.get("CONTENT_MAX_BYTES", MAX_BYTES)  # bigger: read, to be refused
        if not os.path.islink(path) and os.path.getsize(path) <= limit:
            with open(path, "rb") as file:
                key = self.kept.key(PAGE, self.stamp, relative, file.read())
            document = self.load(key, relative)
            if document is not None:
                return document
        before = self.reported()
        document = read_document()
        if key and self.reported() == before:
            self.keep(key, document)
        return document

    def load(self, key, relative):
        data = self.kept.get(key)
        if data is None:
            return None
        try:
            document, parts = PageUnpickler(io.BytesIO(data), self.run.documents).load()
        except Exception:  # damaged, or made by other code: read afresh
            return None
        run = self.run
        document.problems, document.settings, document.library = (
            run.problems,
            run.settings,
            run.library,
        )
        for part in parts:
            run.library.shown_on.setdefault(part, set()).add(document.path)
        run.documents[relative] = document
        return document

    def keep(self, key, document):
        parts = [
            part for part, pages in self.run.library.shown_on.items() if document.path in pages
        ]
        data = io.BytesIO()
        try:
            PagePickler(data, document).dump((document, parts))
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return  # not kept: read again at the next build
        self.kept.put(key, data.getvalue())
