"""Templates are compiled once, not on every build.

Guarantees: every Jinja environment Pelican makes (one a generator) keeps the compiled
form of the theme's templates in Pelican's cache folder (CACHE_PATH), with Jinja's own
FileSystemBytecodeCache, which recompiles a template whose source has changed. The
folder is named after the Jinja settings (JINJA_ENVIRONMENT) as well, since they change
what a template compiles to. Templates in the content folder (robots.txt) are compiled
each time: they are tiny, and a cache entry is named after the file's full path, so
each content folder the tests build would leave one behind. A page is the same with or
without the cache; compiling the theme's templates was about a fifth of a build of the
real content.
"""

import hashlib
import os

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket
from pelican import signals


class ThemeBytecodeCache(FileSystemBytecodeCache):
    def __init__(self, directory, content):
        super().__init__(directory)
        self.content = os.path.join(os.path.abspath(content), "")

    def get_bucket(self, environment, name, filename, source):
        if filename and os.path.abspath(filename).startswith(self.content):
            key = self.get_cache_key(name, filename)
            bucket = Bucket(environment, key, self.get_source_checksum(source))
            bucket.kept = False  # compiled, never written to the cache (set_bucket)
            return bucket
        return super().get_bucket(environment, name, filename, source)

    def set_bucket(self, bucket):
        if getattr(bucket, "kept", True):
            super().set_bucket(bucket)


def keep_compiled(generator):
    settings = generator.settings
    jinja = repr(sorted(settings["JINJA_ENVIRONMENT"].items())).encode()
    folder = os.path.join(settings["CACHE_PATH"], f"jinja-{hashlib.sha256(jinja).hexdigest()[:12]}")
    os.makedirs(folder, exist_ok=True)
    generator.env.bytecode_cache = ThemeBytecodeCache(folder, settings["PATH"])


def register():
    signals.generator_init.connect(keep_compiled)
