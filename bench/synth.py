"""Synthetic sites for the benchmark, made from the real content.

Guarantees: `make_site(content, dest, n)` writes a copy of `content` with `n`
guide articles: the real ones (files untouched) plus numbered copies of them,
cycled in guide order. A copy keeps its source's text, size and structure and
gets a unique Title and Slug (and, in the guide, a unique Order that puts it
after the copies before it). Its intra-site links still resolve: a link to
another guide article goes to that article's copy in the same numbered set
when the set has one (the last set may be partial), else to the real article.
Everything else (pages, images) is copied as it is.

With `beside="pages/copies"` the copies go to that folder instead of the guide
and carry no Order: they are ordinary pages, so the guide, and every menu that
lists it, keeps its real size. That measures the build pipeline alone, without
the cost of pages that each link to every article.

`make_plain(content, dest)` lays the same documents out the way plain Pelican
with default settings reads pages, so both builds render the same documents.
"""

import argparse
import math
import pathlib
import posixpath
import re
import shutil

HEADER_LINE = re.compile(r"^([A-Za-z][\w-]*):[ \t]*(.*)$")
LINK = re.compile(r"\{(filename|static|attach)\}([^)\s\"'#?]+)")
# Theme- and URL-specific metadata that plain Pelican's default theme and
# URLs do not have (a `Template: home` page would not build there).
SITE_ONLY_METADATA = {"template", "save_as", "url"}


def split_header(text):
    """(header lines, rest): Pelican's Markdown metadata ends at the first blank line."""
    lines = text.split("\n")
    end = lines.index("") if "" in lines else len(lines)
    return lines[:end], "\n".join(lines[end:])


def metadata(header):
    return {match[1].lower(): match[2] for match in map(HEADER_LINE.match, header) if match}


def set_metadata(header, values):
    """Header lines with the given keys' values replaced, added, or (value None) removed."""
    remaining = dict(values)
    out = []
    for line in header:
        match = HEADER_LINE.match(line)
        key = match[1].lower() if match else None
        if key not in remaining:
            out.append(line)
        elif remaining[key] is not None:
            out.append(f"{match[1]}: {remaining[key]}")
        remaining.pop(key, None)
    out += [f"{key.capitalize()}: {value}" for key, value in remaining.items() if value is not None]
    return out


def order_of(meta):
    try:
        return int(meta.get("order", ""))
    except ValueError:
        return math.inf


def guide_articles(guide_dir):
    """The guide's Markdown files as (path, metadata), in guide order."""
    articles = []
    for path in sorted(guide_dir.glob("*.md")):
        header, _ = split_header(path.read_text(encoding="utf-8"))
        articles.append((path, metadata(header)))
    articles.sort(key=lambda item: (order_of(item[1]), item[1].get("title", "")))
    return articles


def copy_name(name, number):
    stem = posixpath.splitext(name)[0]
    return f"{stem}-copy-{number}.md"


def make_site(content, dest, n, guide="articles", beside=None):
    """Write a site with `n` guide articles (real + copies) to `dest`; return all their slugs."""
    content, dest = pathlib.Path(content), pathlib.Path(dest)
    articles = guide_articles(content / guide)
    if n < len(articles):
        raise ValueError(f"{n} articles is fewer than the {len(articles)} real ones")
    shutil.copytree(content, dest)
    where = beside or guide
    (dest / where).mkdir(parents=True, exist_ok=True)
    per_set = len(articles)
    step = max((order_of(m) for _, m in articles if order_of(m) != math.inf), default=per_set)
    slugs = [meta.get("slug") or path.stem for path, meta in articles]
    for index in range(per_set, n):
        number, position = divmod(index, per_set)
        in_set = {p.name for p, _ in articles[: n - number * per_set]}
        path, meta = articles[position]
        header, body = split_header(path.read_text(encoding="utf-8"))
        slug = f"{meta.get('slug') or path.stem}-copy-{number}"
        values = {"title": f"{meta.get('title', path.stem)} (copy {number})", "slug": slug}
        if beside:
            values["order"] = None
        elif order_of(meta) != math.inf:
            values["order"] = str(number * step + order_of(meta))

        def relink(match, number=number, in_set=in_set):
            return _relink(match, guide, where, in_set, number)

        text = "\n".join(set_metadata(header, values)) + "\n" + LINK.sub(relink, body)
        (dest / where / copy_name(path.name, number)).write_text(text, encoding="utf-8")
        slugs.append(slug)
    return slugs


def _relink(match, guide, where, in_set, number):
    """The link rewritten for a copy of a guide article that lives in `where`."""
    kind, link = match[1], match[2]
    target = (
        link.lstrip("/")
        if link.startswith("/")
        else posixpath.normpath(posixpath.join(guide, link))
    )
    folder, name = posixpath.split(target)
    if kind == "filename" and folder == guide and name in in_set:
        target = posixpath.join(where, copy_name(name, number))
    elif link.startswith("/"):
        return match[0]
    return f"{{{kind}}}{posixpath.relpath(target, where)}"


def make_plain(content, dest, hide=()):
    """Lay out `content` for plain Pelican: every Markdown file becomes a page.

    Markdown under a folder in `hide` gets `Status: hidden`: rendered, but not
    listed in the default theme's menu (which lists every other page)."""
    content, dest = pathlib.Path(content), pathlib.Path(dest)
    for source in sorted(content.rglob("*")):
        if source.is_dir():
            continue
        relative = source.relative_to(content)
        if source.suffix != ".md":
            target = dest / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            continue
        header, body = split_header(source.read_text(encoding="utf-8"))
        values = dict.fromkeys(SITE_ONLY_METADATA)
        if any(relative.is_relative_to(folder) for folder in hide):
            values["status"] = "hidden"
        target = dest / "pages" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(set_metadata(header, values)) + "\n" + body, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", type=pathlib.Path)
    parser.add_argument("dest", type=pathlib.Path)
    parser.add_argument("articles", type=int)
    parser.add_argument("--beside", help="put the copies in this folder, outside the guide")
    parser.add_argument("--plain", type=pathlib.Path, help="also write a plain-Pelican layout here")
    args = parser.parse_args()
    slugs = make_site(args.content, args.dest, args.articles, beside=args.beside)
    if args.plain:
        make_plain(args.dest, args.plain, hide=[args.beside] if args.beside else [])
    print(f"{len(slugs)} articles in {args.dest}")


if __name__ == "__main__":
    main()
