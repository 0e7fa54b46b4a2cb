"""Build the site without ever damaging the last good one, or anything else.

Usage (`make html`, `make publish`, `make clean` and the uploads run these):
    python build.py content -o output -s pelicanconf.py   build; Pelican's own arguments
    python build.py --clean -o output                      remove a build (make clean)
    python build.py --check-destination DEST               refuse an unsafe rsync destination
    python build.py --upload -o output -- COMMAND ...      run COMMAND on the finished build

Guarantees:
- The output folder is never the file system's root, the home folder or a folder that
  holds it, the project or a folder that holds it, the content folder, a folder inside it
  or one that holds it; an empty OUTPUTDIR is refused too.
- Only an empty folder, or a previous build of this site (one that holds the list of files
  the build wrote, `.site-build`, written by the `build_manifest` plugin), is replaced or
  removed. Any other folder is left as it is, and the message says how to proceed.
- A symlinked output folder: the build works beside the folder the link points to and
  replaces that folder; the link itself stays as it is.
- One build at a time per output folder: a lock (flock on `.<name>.lock` beside the folder)
  is held for the whole build, by `make clean` and by the uploads. Whoever comes second
  waits, so a build's unfinished folder is removed only when no build is using it.
- Pelican writes into a fresh `.<name>-build-…` folder beside the output. Only when Pelican
  succeeded (the content checks stop it on any error) and every file it listed as written
  is there does the new site replace the output, in one atomic step (Linux renameat2
  RENAME_EXCHANGE; where that is missing, two renames a moment apart, with signals held
  back between them).
- Ctrl-C, SIGTERM or SIGHUP stop Pelican and delete the new folder, and the message says
  truly whether the output is the old site or already the new one. If this script or its
  parent (make) is killed outright, Pelican is killed with it (PR_SET_PDEATHSIG), and the
  next build removes the unfinished folder.
Every refusal says what is wrong and how to fix it, exits with status 2 and changes nothing.
"""

import argparse
import contextlib
import ctypes
import fcntl
import glob
import os
import re
import runpy
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback

PROJECT = os.path.dirname(os.path.realpath(__file__))
MARKER = ".site-build"  # the list of files a build wrote; see plugins/build_manifest
STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
PR_SET_PDEATHSIG = 1
LIBC = ctypes.CDLL(None, use_errno=True)


class Refused(Exception):
    """A request that would damage something; the message says what to do instead."""


SETTINGS_FILES = ("pelicanconf.py", "publishconf.py")


def is_within(path, folder):
    return os.path.commonpath([path, folder]) == folder


def output_folder(given, content=None):
    """The real folder a build may write, replace or remove, for OUTPUTDIR ``given``."""
    if not given.strip():
        raise Refused(
            "The output folder is empty (OUTPUTDIR=): nothing was done. Leave OUTPUTDIR out "
            "to build into output/, or give a folder of its own, e.g. OUTPUTDIR=/srv/site."
        )
    real = os.path.realpath(given)
    home = os.path.realpath(os.path.expanduser("~"))
    protected = [
        (real == "/", "is the root of the file system"),
        (home != "/" and is_within(home, real), "is your home folder, or holds it"),
        (
            is_within(PROJECT, real),
            "is the project folder, or holds it (content/, settings, .git)",
        ),
    ]
    if content:
        content = os.path.realpath(content)
        protected.append(
            (
                is_within(real, content) or is_within(content, real),
                f"is the content folder ({content}), inside it, or holds it",
            )
        )
    for unsafe, why in protected:
        if unsafe:
            shown = given if real == os.path.abspath(given) else f"{given} ({real})"
            raise Refused(
                f"The output folder {shown} {why}: a build replaces its output folder "
                "whole, so nothing was done. Give the site a folder of its own, e.g. "
                "OUTPUTDIR=output (the default)."
            )
    return real


def check_replaceable(real, given):
    """Refuse to replace or remove ``real`` unless it is empty or a build of this site."""
    if os.path.lexists(real) and not os.path.isdir(real):
        raise Refused(
            f"The output folder {given} is a file, not a folder: nothing was done. "
            "Move the file away or choose another OUTPUTDIR."
        )
    if os.path.isdir(real) and os.listdir(real) and not os.path.isfile(os.path.join(real, MARKER)):
        raise Refused(
            f"The output folder {given} holds files that this site's build did not make (it "
            f"has no {MARKER} list), so nothing was done: a build or make clean would delete "
            "them. Empty that folder (if it only holds an older build of this site, delete it), "
            "or choose another one with OUTPUTDIR=…."
        )


def build_prefix(real):
    return os.path.join(os.path.dirname(real), f".{os.path.basename(real)}-build-")


@contextlib.contextmanager
def locked(real, given):
    """Hold the output folder's lock; wait (and say so) while another build holds it."""
    parent = os.path.dirname(real)
    os.makedirs(parent, exist_ok=True)
    # Never deleted: a process may be waiting on this very file.
    with open(os.path.join(parent, f".{os.path.basename(real)}.lock"), "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"Waiting for the build that is writing {given} to finish…",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def leftovers(real):
    """Unfinished build folders beside ``real``: of a running build, or one that was killed."""
    return glob.glob(glob.escape(build_prefix(real)) + "*")


def remove_leftovers(real):
    """Only call with the lock held: then no build is using them."""
    for leftover in leftovers(real):
        shutil.rmtree(leftover, ignore_errors=True)


def missing_files(folder):
    """Files the build listed in its marker but that are not in ``folder``."""
    try:
        with open(os.path.join(folder, MARKER), encoding="utf-8") as listing:
            listed = listing.read().splitlines()
    except FileNotFoundError:
        return [MARKER]
    return [name for name in listed if not os.path.isfile(os.path.join(folder, name))]


def die_with_parent(signum):
    """Ask Linux to send ``signum`` to this process when its parent dies (PR_SET_PDEATHSIG)."""
    parent = os.getppid()
    LIBC.prctl(PR_SET_PDEATHSIG, signum)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def exchange(a, b):
    """Swap two directories atomically; False where the system cannot."""
    renameat2 = getattr(LIBC, "renameat2", None)
    at_fdcwd, rename_exchange = -100, 2
    return (
        renameat2 is not None
        and renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0
    )


def put_in_place(new, real):
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(new, 0o777 & ~umask)  # mkdtemp made it private; the web server must read it
    if not os.path.exists(real):
        os.rename(new, real)
    elif not exchange(new, real):
        os.rename(real, new + "-old")
        os.rename(new, real)
        os.rename(new + "-old", new)


def raise_interrupt(signum, frame):
    raise KeyboardInterrupt


@contextlib.contextmanager
def signals_held():
    """Hold back Ctrl-C, SIGTERM and SIGHUP; they arrive when the block ends."""
    signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)


@contextlib.contextmanager
def uninterruptible():
    """Ignore Ctrl-C, SIGTERM and SIGHUP: a removal, once started, is finished."""
    handlers = {signum: signal.signal(signum, signal.SIG_IGN) for signum in STOPPING}
    try:
        yield
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)


def parse(argv):
    """The arguments build.py needs from Pelican's command line, and all the others."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("path", nargs="?")
    parser.add_argument("-s", "--settings")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-e", "--extra-settings", nargs="*", action="extend", default=[])
    return parser.parse_known_args(argv)


def settings_error(path):
    """One line naming the file and line of a Python mistake in a settings file (Pelican
    would print a long traceback), or None. The file is run as Pelican will run it."""
    try:
        runpy.run_path(path, run_name="settings_check")
    except SystemExit as stop:  # publishconf.py's own message, e.g. SITEURL missing
        return str(stop.code) if stop.code not in (None, 0) else None
    except Exception as error:
        if isinstance(error, SyntaxError):
            where, line = error.filename, error.lineno
        else:
            frames = traceback.extract_tb(error.__traceback__)
            mine = [f for f in frames if os.path.basename(f.filename) in SETTINGS_FILES] or frames
            where, line = mine[-1].filename, mine[-1].lineno
        what = f"{type(error).__name__}: {error.msg if isinstance(error, SyntaxError) else error}"
        return (
            f"{os.path.relpath(where)}, line {line}: this line is not valid Python ({what}). "
            'Text goes in quotes, e.g. CLINIC_NAME = "Riverside Vein Clinic", one setting '
            "per line. Nothing was built."
        )
    return None


def build(argv):
    """Run Pelican with ``argv`` into a fresh folder and swap it in; the exit status."""
    known, arguments = parse(argv)
    for path, what in (
        (known.path, "content folder"),
        (known.settings, "settings file"),
    ):
        if path and not os.path.exists(path):  # e.g. BASEDIR= on make's command line
            raise Refused(
                f"The {what} {path} does not exist: nothing was done. "
                "Run make in the project folder, without BASEDIR=."
            )
    problem = known.settings and settings_error(known.settings)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    given = known.output
    real = output_folder(given, known.path)
    pelican = [
        sys.executable,
        "-m",
        "pelican",
        *([known.path] if known.path else []),
        *(["-s", known.settings] if known.settings else []),
        *arguments,
        # One -e with every setting: Pelican keeps only the last -e it is given.
        *(["-e", *known.extra_settings] if known.extra_settings else []),
    ]
    swapped = False
    check_replaceable(real, given)
    with locked(real, given):
        remove_leftovers(real)
        new = tempfile.mkdtemp(
            prefix=os.path.basename(build_prefix(real)), dir=os.path.dirname(real)
        )
        try:
            # Its own session: Ctrl-C reaches only this script, which stops Pelican
            # (Pelican would exit 0 on Ctrl-C, as if its half-written site were whole).
            status = subprocess.run(
                [*pelican, "-o", new],
                check=False,
                start_new_session=True,
                preexec_fn=lambda: die_with_parent(signal.SIGKILL),
            ).returncode
            if status != 0:
                print(f"Build failed: {given} was left as it was.", file=sys.stderr)
                return status
            # Something else may have deleted files meanwhile (an old `make clean`
            # did): each file the build listed must still be there.
            missing = missing_files(new)
            if missing:
                print(
                    f"Build incomplete: something removed files while Pelican wrote them "
                    f"({', '.join(missing[:3])}). {given} was left as it was; run the "
                    "build again.",
                    file=sys.stderr,
                )
                return 1
            with signals_held():  # no interruption between the renames
                put_in_place(new, real)
                swapped = True
            return 0
        except KeyboardInterrupt:
            if swapped:
                print(
                    f"\nBuild interrupted after the new site had replaced {given}: it holds "
                    "the new build.",
                    file=sys.stderr,
                )
            else:
                print(f"\nBuild interrupted: {given} was left as it was.", file=sys.stderr)
            return 130
        finally:
            with uninterruptible():
                shutil.rmtree(new, ignore_errors=True)  # the failed build, or the old site


def clean(given, content):
    """`make clean`: remove the output folder, if it is a build, and unfinished builds."""
    real = output_folder(given, content)
    if not os.path.lexists(real) and not leftovers(real):
        return 0  # nothing to remove, and no lock file to leave behind
    check_replaceable(real, given)
    with locked(real, given), uninterruptible():
        shutil.rmtree(real, ignore_errors=True)
        remove_leftovers(real)
    return 0


def check_destination(destination):
    """Refuse an rsync destination that rsync --delete would empty of everything else."""
    if not destination.strip():
        raise Refused(
            "make rsync_upload needs to know where the site goes, and has no default: set "
            "SSH_HOST and SSH_TARGET_DIR (and SSH_USER, SSH_PORT if needed), e.g. "
            "make rsync_upload SSH_HOST=web1.example.org SSH_USER=deploy "
            "SSH_TARGET_DIR=/var/www/sclerotherapy, or RSYNC_DEST=folder for any rsync "
            "destination, also a local folder. Nothing was uploaded."
        )
    remote = re.match(r"[^/]*?:(.*)", destination)
    if remote is None:
        output_folder(destination)  # a local folder: the same rules as an output folder
    elif remote.group(1).strip() in ("", ".", "./", "~", "~/", "/"):
        raise Refused(
            f"The upload destination {destination} names no folder of its own on the server "
            "(SSH_TARGET_DIR is empty, /, or the home folder): rsync --delete would delete "
            "everything else there. Set SSH_TARGET_DIR to the site's folder, e.g. "
            "SSH_TARGET_DIR=/var/www/sclerotherapy. Nothing was uploaded."
        )
    return 0


def upload(given, command):
    """Run an upload ``command`` on the finished build in ``given``, holding its lock."""
    real = output_folder(given)
    with locked(real, given):
        missing = missing_files(real) if os.path.isdir(real) else [given]
        if missing:
            raise Refused(
                f"{given} is not a finished build of this site ({missing[0]} is "
                "missing): nothing was uploaded. Run make publish, then upload."
            )
        try:
            return subprocess.run(command, check=False).returncode
        except KeyboardInterrupt:
            print(
                "\nUpload interrupted: the destination may hold part of the new site. "
                "Run the upload again.",
                file=sys.stderr,
            )
            return 130


def stop_like_ctrl_c():
    """Stop like Ctrl-C when the terminal closes (SIGHUP), on kill (SIGTERM) and when the
    parent (make) is killed outright."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, raise_interrupt)
    die_with_parent(signal.SIGTERM)


def main(argv):
    stop_like_ctrl_c()
    mode, rest = (argv[0], argv[1:]) if argv else ("", [])
    try:
        if mode == "--clean":
            known, _ = parse(rest)
            return clean(known.output, known.path)
        if mode == "--check-destination":
            return check_destination(*rest)
        if mode == "--upload":
            split = rest.index("--")
            return upload(parse(rest[:split])[0].output, rest[split + 1 :])
        return build(argv)
    except Refused as refusal:
        print(refusal, file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # while waiting for the lock, before anything was changed
        print("\nStopped: nothing was changed.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
