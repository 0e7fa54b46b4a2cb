# Pelican's quickstart Makefile, plus a virtual environment that sets itself up:
# `make html` and `make test` work on a fresh machine with Python 3.11 and make.
PY?=python3
VENV?=$(CURDIR)/.venv
PELICANOPTS=

BASEDIR=$(CURDIR)
INPUTDIR=$(BASEDIR)/content
OUTPUTDIR=$(BASEDIR)/output
CONFFILE=$(BASEDIR)/pelicanconf.py
PUBLISHCONF=$(BASEDIR)/publishconf.py

# Uploads have no default destination: each must be given (see README "Publishing").
SSH_HOST=
SSH_PORT=22
SSH_USER=
SSH_TARGET_DIR=
# Where rsync_upload sends the site: SSH_USER@SSH_HOST:SSH_TARGET_DIR, or any rsync
# destination (also a local folder) given as RSYNC_DEST.
RSYNC_DEST?=$(if $(SSH_HOST),$(if $(SSH_USER),$(SSH_USER)@)$(SSH_HOST):$(SSH_TARGET_DIR))

S3_BUCKET=

GITHUB_PAGES_BRANCH=gh-pages
GITHUB_PAGES_COMMIT_MESSAGE=Generate Pelican site

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif

# The preview server listens on this machine only unless told otherwise.
SERVER ?= 127.0.0.1
PORT ?= 8000

# Every build goes through build.py (also the preview's): the content checks collect
# every problem, a failed or interrupted build leaves output/ exactly as it was, and
# only a previous build of this site is ever replaced or removed. The uploads run
# under its lock, on a finished build. `exec` makes build.py and preview.py make's own
# children instead of a shell's, so they stop when make is killed (see build.py).
BUILD=exec "$(VENV)/bin/python" "$(CURDIR)/build.py"
PREVIEW=exec "$(VENV)/bin/python" "$(CURDIR)/preview.py"
UPLOAD=$(BUILD) --upload -o "$(OUTPUTDIR)" --

help:
	@echo 'Makefile for the sclerotherapy patient guide                              '
	@echo '                                                                          '
	@echo 'Usage:                                                                    '
	@echo '   make html                           (re)generate the web site          '
	@echo '   make test                           run the whole test suite           '
	@echo '   make clean                          remove the generated files         '
	@echo '   make regenerate                     regenerate files upon modification '
	@echo '   make publish                        generate using production settings '
	@echo '   make pdf                            generate, with the PDF leaflet     '
	@echo '   make serve [PORT=8000]              serve site at http://127.0.0.1:8000'
	@echo '   make devserver [PORT=8000]          serve and regenerate together      '
	@echo '   make rsync_upload SSH_HOST=… SSH_TARGET_DIR=…  upload via rsync+ssh     '
	@echo '   make s3_upload S3_BUCKET=…          upload the web site via S3         '
	@echo '   make github                         upload the web site via gh-pages   '
	@echo '   make deploy/nginx.conf              rewrite it from the header settings'
	@echo '   make bench                          benchmark speed and page weight    '
	@echo '                                                                          '
	@echo 'Set the DEBUG variable to 1 to enable debugging, e.g. make DEBUG=1 html   '
	@echo 'Set the RELATIVE variable to 1 to enable relative urls                    '
	@echo '                                                                          '

# The virtual environment is rebuilt whenever a requirements file changes.
$(VENV)/.installed: requirements.txt
	[ -x "$(VENV)/bin/python" ] || $(PY) -m venv "$(VENV)"
	"$(VENV)/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch "$@"

# The plugins compiled once, as pip compiles the installed packages: where
# PYTHONDONTWRITEBYTECODE is set, Python would compile them on every build (a tenth of
# a build of the real content). Python checks each compiled file against its source.
# Only a speed-up: a plugin that cannot be compiled or saved is left to the build, which
# reports a mistake in it.
PLUGIN_SOURCES=$(wildcard plugins/*.py plugins/*/*.py)
$(VENV)/.compiled: $(VENV)/.installed $(PLUGIN_SOURCES)
	"$(VENV)/bin/python" -m compileall -q "$(CURDIR)/plugins" >/dev/null 2>&1 || true
	touch "$@"

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	"$(VENV)/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch "$@"

venv: $(VENV)/.installed

html: $(VENV)/.compiled
	$(BUILD) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

# The site and its PDF leaflet, as make publish makes it (make html leaves the PDF out).
pdf: $(VENV)/.compiled
	$(BUILD) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -e PDF_LEAFLET=true
.PHONY: pdf

# ruff first: a style slip is reported in a second, before the ten-minute suite.
test: $(VENV)/.installed-test system-deps
	"$(VENV)/bin/ruff" check .
	"$(VENV)/bin/ruff" format --check .
	"$(VENV)/bin/python" -m pytest

# Debian packages the tests need, installed only when missing (Debian or Ubuntu, as
# root, as in CI), so this is instant on a machine that has them: Chromium and its
# fonts for the browser tests, Java for the HTML checker, nginx and Apache to serve
# the published site with the shipped configurations, rsync for the upload test;
# Pango, HarfBuzz and fonts for WeasyPrint, which makes the PDF leaflet, and
# poppler-utils to read it.
# Debian's package scripts would start nginx and Apache on port 80; a policy-rc.d
# that answers 101 ("not allowed") keeps them stopped (the tests start their own on
# 127.0.0.1). It is made only if there is none, and removed only if made here.
LEAFLET_PACKAGES=libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core poppler-utils
system-deps:
	@missing=""; \
	for package in $(LEAFLET_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium fonts-liberation"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	[ -x /usr/sbin/apache2 ] || missing="$$missing apache2"; \
	command -v rsync >/dev/null || missing="$$missing rsync"; \
	if [ -n "$$missing" ]; then \
		policy=/usr/sbin/policy-rc.d; made=""; \
		if [ ! -e $$policy ]; then printf '#!/bin/sh\nexit 101\n' > $$policy && \
			chmod 755 $$policy && made=yes; fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $$missing; status=$$?; \
		[ -z "$$made" ] || rm -f $$policy; \
		exit $$status; \
	fi

# Only what builds made: the output folder (if it is a build of this site) and
# unfinished build folders, waiting for a build that is running.
clean: $(VENV)/.installed
	$(BUILD) --clean "$(INPUTDIR)" -o "$(OUTPUTDIR)"

# The preview rebuilds with build.py on every change, so output/ stays the last good build.
regenerate: $(VENV)/.compiled
	$(PREVIEW) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(VENV)/.installed
	$(PREVIEW) -l -o "$(OUTPUTDIR)" -p $(PORT) -b $(SERVER)

devserver: $(VENV)/.compiled
	$(PREVIEW) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -p $(PORT) -b $(SERVER)

publish: $(VENV)/.compiled
	$(BUILD) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

# Each upload first checks its destination, so a missing one stops it before the build.
# The list of built files (.site-build) stays on this machine.
rsync_upload: rsync-destination publish
	$(UPLOAD) rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --include tags --cvs-exclude \
		--exclude /.site-build --delete "$(OUTPUTDIR)"/ "$(RSYNC_DEST)"

rsync-destination: $(VENV)/.installed
	$(BUILD) --check-destination "$(RSYNC_DEST)"

s3_upload: s3-destination publish
	$(UPLOAD) aws s3 sync "$(OUTPUTDIR)"/ "s3://$(S3_BUCKET)" --acl public-read --delete \
		--exclude .site-build

s3-destination:
	@[ -n "$(S3_BUCKET)" ] || { echo "make s3_upload needs the bucket: S3_BUCKET=name." \
		"Nothing was uploaded." >&2; exit 2; }

github: github-branch publish
	$(UPLOAD) ghp-import -m "$(GITHUB_PAGES_COMMIT_MESSAGE)" -b "$(GITHUB_PAGES_BRANCH)" "$(OUTPUTDIR)" --no-jekyll
	git push origin "$(GITHUB_PAGES_BRANCH)"

# ghp-import replaces the branch's files with the site: never the branch being worked on.
github-branch:
	@[ -n "$(GITHUB_PAGES_BRANCH)" ] || { echo "make github needs the branch to publish to:" \
		"GITHUB_PAGES_BRANCH=gh-pages. Nothing was uploaded." >&2; exit 2; }
	@[ "$(GITHUB_PAGES_BRANCH)" != "$$(git symbolic-ref --short -q HEAD)" ] || { \
		echo "GITHUB_PAGES_BRANCH=$(GITHUB_PAGES_BRANCH) is the branch you are working on:" \
		"make github would replace its files with the site. Use another branch, e.g." \
		"GITHUB_PAGES_BRANCH=gh-pages. Nothing was uploaded." >&2; exit 2; }

# The nginx configuration, from the header settings (a test checks it is up to date).
deploy/nginx.conf: pelicanconf.py $(wildcard plugins/security_headers/*.py plugins/security_headers/templates/*) | $(VENV)/.installed
	PYTHONPATH=plugins "$(VENV)/bin/python" -m security_headers pelicanconf.py "$@"

.PHONY: html help clean regenerate serve devserver publish rsync_upload s3_upload github venv test system-deps
.PHONY: rsync-destination s3-destination github-branch

# --- Benchmark (not a test, not in CI): see README "Benchmarks" -----------------
# Python packages of bench/requirements.txt go into the same venv; Lighthouse
# into bench/node_modules (npm ci, only when missing or the lock changed);
# Debian's Chromium (system-deps) only when the machine has none.
$(VENV)/.installed-bench: $(VENV)/.installed bench/requirements.txt
	"$(VENV)/bin/python" -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch "$@"

bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch "$@"

bench: $(VENV)/.installed-bench bench/node_modules/.package-lock.json system-deps
	CHROME_PATH=/usr/bin/chromium "$(VENV)/bin/python" bench/run.py

.PHONY: bench
