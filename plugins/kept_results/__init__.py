"""What a build works out from inputs that have not changed is not worked out again.

Guarantees: a result (bytes) is kept in Pelican's cache folder (CACHE_PATH, in
``kept/``) under a key made of everything it can depend on: the inputs its maker
names, and, for every result, the code of the site's plugins (every .py file in
PLUGIN_PATHS), every file of the theme (its templates and words), the version of Python
and the installed files of Pelican, Python-Markdown, Jinja and the Markdown extensions
the settings name, every setting but the output folder and where the content folder
is (its name counts), and the day (review dates are checked against it;
SOURCE_DATE_EPOCH when set). A change to any of them is a different
key, so what a build takes from here is what it would have made. A missing, damaged or
unreadable entry is made again. When a build first adds an entry, the folder is
trimmed to the entries used most recently (at most MAX_ENTRIES, and any used in the
last hour); only entries written here are ever removed. The key is worked out once a
build, as its first generator starts (a preview's rebuild works it out again), and
``content_checks`` and ``whole_guide`` keep their results with it (``of_build``).
"""

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import time
import zlib

from pelican import signals

from review_dates import today

FOLDER = "kept"
MAX_ENTRIES = 400  # a few MB: the site's pages and whole guides, a dozen times over
RECENT_SECONDS = 3600
CONTEXT_KEY = "kept_results"
# The modules whose code shapes a page, besides the site's own plugins.
LIBRARIES = ("markdown", "pelican", "jinja2")


def plain(value):
    """A stable text for a setting: values as Python writes them; functions by their name
    and code; other objects Python writes with their address, by their kind."""
    if isinstance(value, dict):
        return "{" + ", ".join(sorted(f"{key!r}: {plain(v)}" for key, v in value.items())) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(plain(item) for item in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(plain(item) for item in value)) + "}"
    written = repr(value)
    if " at 0x" not in written:
        return written
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    code = getattr(value, "__code__", None)  # a function's code, wherever it is written
    body = hashlib.sha256(marshal.dumps(code)).hexdigest() if code else ""
    return f"<{getattr(value, '__module__', type(value).__module__)}.{name} {body}>"


def plugin_files(settings):
    for folder in settings.get("PLUGIN_PATHS", []):
        for where, folders, names in os.walk(folder):
            folders[:] = sorted(f for f in folders if f != "__pycache__")
            yield from (os.path.join(where, n) for n in sorted(names) if n.endswith(".py"))


def library_files(settings):
    """The top file of each library; installing another version rewrites it."""
    markdown = settings.get("MARKDOWN", {})
    names = [*LIBRARIES, *markdown.get("extensions", []), *markdown.get("extension_configs", {})]
    for name in names:
        module = sys.modules.get(name.split(".")[0]) if isinstance(name, str) else None
        if getattr(module, "__file__", None):
            yield module.__file__


def theme_files(settings):
    for where, folders, names in os.walk(settings["THEME"]):
        folders.sort()
        yield from (os.path.join(where, name) for name in sorted(names))


def fingerprint(settings):
    digest = hashlib.sha256(sys.version.encode())
    for path in [*plugin_files(settings), *theme_files(settings)]:
        with open(path, "rb") as file:
            digest.update(path.encode() + b"\0" + file.read() + b"\0")
    for path in library_files(settings):
        digest.update(f"{path} {os.stat(path).st_mtime_ns}\0".encode())
    # Not where the output and the content are: a page reads the same in a copy of the
    # content folder (the tests build many), as long as the folder's name is the same
    # (messages name it: "content/pages/…"), and the other content files are (content_checks).
    shown = {key: value for key, value in settings.items() if key not in ("OUTPUT_PATH", "PATH")}
    shown["PATH"] = os.path.basename(os.path.normpath(settings["PATH"]))
    digest.update(plain(shown).encode())
    digest.update(f"{today(settings)} {os.environ.get('SOURCE_DATE_EPOCH', '')}".encode())
    return digest.digest()


class Kept:
    """The kept results, as one build sees them."""

    def __init__(self, settings):
        self.folder = os.path.join(settings["CACHE_PATH"], FOLDER)
        self.base = fingerprint(settings)
        self.trimmed = False

    def key(self, *inputs):
        """The key of a result made from ``inputs`` (text or bytes) with this build's
        code, settings and day."""
        digest = hashlib.sha256(self.base)
        for value in inputs:
            data = value if isinstance(value, bytes) else str(value).encode()
            digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()

    def get(self, key):
        """The bytes kept under ``key``, or None."""
        path = os.path.join(self.folder, key)
        try:
            with open(path, "rb") as file:
                data = zlib.decompress(file.read())
            used(path)
            return data
        except (OSError, zlib.error):
            return None

    def put(self, key, data):
        """Keep ``data``; written whole or not at all, so a build running beside this
        one never reads half an entry. A build's first new entry trims the folder."""
        if not self.trimmed:
            self.trimmed = True
            trim(self.folder)
        try:
            os.makedirs(self.folder, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.folder, prefix=".new-")
        except OSError:
            return  # a cache that cannot be written only makes the next build slower
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(zlib.compress(data, 1))
            used(name)
            os.replace(name, os.path.join(self.folder, key))
        except OSError:
            with contextlib.suppress(OSError):
                os.remove(name)


def used(path):
    """Note that an entry is used now: its time, by the clock the trimming reads."""
    now = time.time()
    os.utime(path, (now, now))


def trim(folder):
    """Remove the entries used least recently beyond MAX_ENTRIES, but none used in the
    last RECENT_SECONDS: a build of a bigger site, or one running beside this one, still
    needs them."""
    recent = time.time() - RECENT_SECONDS
    with contextlib.suppress(OSError):  # a folder that cannot be trimmed is only bigger
        entries = [
            (entry.stat().st_mtime, entry.path)
            for entry in os.scandir(folder)
            if len(entry.name) == 64 and entry.is_file()
        ]
        for last_used, path in sorted(entries, reverse=True)[MAX_ENTRIES:]:
            if last_used < recent:
                with contextlib.suppress(OSError):  # removed by a build beside this one
                    os.remove(path)


def of_build(generator):
    """This build's kept results (made as its first generator starts)."""
    context = generator.context
    if CONTEXT_KEY not in context:
        context[CONTEXT_KEY] = Kept(generator.settings)
    return context[CONTEXT_KEY]


def register():
    signals.generator_init.connect(of_build)
