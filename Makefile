# Pelican's quickstart Makefile, plus a virtual environment that sets itself up:
# `make html` and `make test` work on a fresh machine with Python 3.11 and make.
PY?=python3
VENV?=$(CURDIR)/.venv
PELICAN?=$(VENV)/bin/pelican
PELICANOPTS=

BASEDIR=$(CURDIR)
INPUTDIR=$(BASEDIR)/content
OUTPUTDIR=$(BASEDIR)/output
CONFFILE=$(BASEDIR)/pelicanconf.py
PUBLISHCONF=$(BASEDIR)/publishconf.py

SSH_HOST=localhost
SSH_PORT=22
SSH_USER=root
SSH_TARGET_DIR=/var/www
# Where rsync_upload sends the site: over ssh by default, or a local folder.
RSYNC_DEST?=$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)

S3_BUCKET=my_s3_bucket

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

# Servers listen on this machine only unless told otherwise.
SERVER ?= 127.0.0.1

PORT ?= 0
ifneq ($(PORT), 0)
	PELICANOPTS += -p $(PORT)
endif

# html and publish go through build.py: the content checks collect every problem,
# and a failed or interrupted build leaves output/ exactly as it was.
BUILD=$(VENV)/bin/python $(BASEDIR)/build.py

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
	@echo '   make rsync_upload                   upload the web site via rsync+ssh  '
	@echo '   make s3_upload                      upload the web site via S3         '
	@echo '   make github                         upload the web site via gh-pages   '
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

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	"$(VENV)/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch "$@"

venv: $(VENV)/.installed

html: $(VENV)/.installed
	$(BUILD) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

# The site and its PDF leaflet, as make publish makes it (make html leaves the PDF out).
pdf: $(VENV)/.installed
	$(BUILD) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -e PDF_LEAFLET=true
.PHONY: pdf

test: $(VENV)/.installed-test system-deps
	"$(VENV)/bin/python" -m pytest

# Debian packages the tests need, installed only when missing (as root, as in CI),
# so this is instant on a machine that has them: Chromium and its fonts for the
# browser tests, Java for the HTML checker, nginx and Apache to serve the published
# site with the shipped configurations, rsync for the upload test; Pango, HarfBuzz
# and fonts for WeasyPrint, which makes the PDF leaflet, and poppler-utils to read it.
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
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Only what builds generate: the site, unfinished build directories, Pelican's cache.
clean:
	rm -rf "$(OUTPUTDIR)" "$(BASEDIR)"/.output-build-* "$(BASEDIR)/cache"

regenerate: $(VENV)/.installed
	"$(PELICAN)" -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(VENV)/.installed
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b $(SERVER)

devserver: $(VENV)/.installed
	"$(PELICAN)" -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b $(SERVER)

publish: $(VENV)/.installed
	$(BUILD) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

rsync_upload: publish
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --include tags --cvs-exclude --delete "$(OUTPUTDIR)"/ "$(RSYNC_DEST)"

s3_upload: publish
	aws s3 sync "$(OUTPUTDIR)"/ s3://$(S3_BUCKET) --acl public-read --delete

github: publish
	ghp-import -m "$(GITHUB_PAGES_COMMIT_MESSAGE)" -b $(GITHUB_PAGES_BRANCH) "$(OUTPUTDIR)" --no-jekyll
	git push origin $(GITHUB_PAGES_BRANCH)

.PHONY: html help clean regenerate serve devserver publish rsync_upload s3_upload github venv test system-deps

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
