"""File rules: every content file can be read, is not empty, not oversized,
and starts with an information (metadata) block.

Guarantees: a file Pelican would silently drop or mangle (not UTF-8, empty,
no metadata block, a line inside the block that is not ``Name: value``) is an
error naming the file and line. A file over CONTENT_MAX_BYTES (default 1 MB)
is an error too: a patient page that size is a pasting accident.
"""

from pelican import signals

from . import add
from .source import read_all

MAX_BYTES = 1_000_000


def check_file(source, max_bytes):
    if not source.data.strip():
        add(source.path, 0, "the file is empty. Write the page in it, or delete the file.")
        return
    if len(source.data) > max_bytes:
        add(
            source.path,
            0,
            f"the file is {len(source.data) / 1e6:.1f} MB; the site accepts pages up to "
            f"{max_bytes / 1e6:g} MB. Split it into several pages, or remove pasted material.",
        )
    if source.text is None:
        try:
            source.data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = source.data.count(b"\n", 0, error.start) + 1
        add(
            source.path,
            line,
            "the file is not saved as UTF-8 text, so some letters cannot be read. "
            'Open it in your editor and save it again with the encoding "UTF-8".',
        )
        return
    if not source.meta:
        add(
            source.path,
            1,
            "the file does not start with the information block (Title, Summary, "
            "Reviewed, Next-review …). Put those lines, each written as "
            '"Name: value", at the very top, then one empty line, then the text.',
        )
    elif source.meta_end:
        add(
            source.path,
            source.meta_end,
            "this line is inside the information block at the top but is not written "
            'as "Name: value". Add the missing colon, or leave one empty line before the text.',
        )


def check(generator):
    max_bytes = generator.settings.get("CONTENT_MAX_BYTES", MAX_BYTES)
    for source in read_all(generator):
        check_file(source, max_bytes)


def register():
    signals.page_generator_finalized.connect(check)
