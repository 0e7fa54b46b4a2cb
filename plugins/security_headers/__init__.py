"""The site's response headers, written once (settings) and stated to every host.

Guarantees: the settings SECURITY_HEADERS (header name -> value), CACHE_CONTROL_PAGES and
CACHE_CONTROL_THEME are the one source of
- `.htaccess` (Apache) and `_headers` (Netlify, Cloudflare Pages), written into every
  build's output folder from the templates beside this file;
- `deploy/nginx.conf`, written by `make deploy/nginx.conf` (``python -m security_headers``),
  which a test keeps equal to what the settings give;
- the page's ``<meta http-equiv="Content-Security-Policy">``: the template filter
  ``meta_policy`` gives the policy without the directives a meta tag cannot carry, for
  hosts that send no headers and for pages opened from the file system.
A value that would break a host file (a double quote, a line break) stops the build.
"""

import pathlib

import jinja2
from pelican import signals
from pelican.generators import Generator

TEMPLATES = pathlib.Path(__file__).resolve().parent / "templates"
HOST_FILES = {
    "htaccess": ".htaccess",
    "_headers": "_headers",
}  # template -> output file
# Browsers ignore these in a meta tag (and say so in the console): they work only as headers.
HEADER_ONLY = {"frame-ancestors", "report-uri", "report-to", "sandbox"}


def check(settings):
    for header, value in settings["SECURITY_HEADERS"].items():
        if '"' in value or "\n" in value:
            raise ValueError(f'SECURITY_HEADERS["{header}"] may hold no double quote or line break')


def template(name):
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template(name)


def render(name, settings):
    """The host file ``name`` (a template beside this file) for these settings."""
    check(settings)
    return template(name).render(settings)


def meta_policy(policy):
    directives = (directive.strip() for directive in policy.split(";"))
    return "; ".join(d for d in directives if d and d.split()[0] not in HEADER_ONLY)


class HostFiles(Generator):
    """Writes .htaccess and _headers through Pelican's writer, like any other page."""

    def generate_output(self, writer):
        check(self.settings)
        for name, save_as in HOST_FILES.items():
            writer.write_file(save_as, template(name), self.context, override_output=True, url="")


def host_files(pelican):
    return HostFiles


def add_filter(generator):
    generator.env.filters["meta_policy"] = meta_policy


def register():
    signals.get_generators.connect(host_files)
    signals.generator_init.connect(add_filter)
