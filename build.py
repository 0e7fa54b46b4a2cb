"""Build the site without ever damaging the last good one (`make html`, `make publish`).

Usage: the same arguments as `pelican`, e.g.
    python build.py content -o output -s pelicanconf.py

Pelican writes into a fresh directory next to the output (`.output-build-<pid>-…`, so on
the same file system), with the content checks set to stop the build on any error
(CONTENT_CHECKS_STOP_BUILD). Only when Pelican and every check succeeded does the new
site replace the output, in one atomic step (Linux renameat2 RENAME_EXCHANGE; where that
is missing, two renames a moment apart). After a failed build, Ctrl-C or SIGTERM the
new directory is deleted and the output is exactly as it was. Directories left by a
build that was killed outright (SIGKILL, power cut) are removed by the next build.
"""

import argparse
import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile

PREFIX = ".output-build-"
STOP_ON_ERRORS = "CONTENT_CHECKS_STOP_BUILD=true"


def pelican_command(arguments, output, settings):
    """Pelican's command line, writing to ``output`` and stopping on content errors."""
    # One -e with every setting: Pelican keeps only the last -e it is given.
    return [sys.executable, "-m", "pelican", *arguments, "-o", output,
            "-e", *settings, STOP_ON_ERRORS]


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def remove_leftovers(parent):
    """Delete build directories whose build process no longer exists."""
    for name in os.listdir(parent):
        pid = name[len(PREFIX):].split("-")[0]
        if name.startswith(PREFIX) and pid.isdigit() and not alive(int(pid)):
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


def exchange(a, b):
    """Swap two directories atomically; False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    at_fdcwd, rename_exchange = -100, 2
    return renameat2 is not None and renameat2(
        at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange
    ) == 0


def put_in_place(new, output):
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(new, 0o777 & ~umask)  # mkdtemp made it private; the web server must read it
    # No interruption between the renames: the output is always one whole site.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        if not os.path.exists(output):
            os.rename(new, output)
        elif not exchange(new, output):
            os.rename(output, new + "-old")
            os.rename(new, output)
            os.rename(new + "-old", new)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv):
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-e", "--extra-settings", nargs="*", action="extend", default=[])
    known, arguments = parser.parse_known_args(argv)
    output = os.path.abspath(known.output)
    parent = os.path.dirname(output)
    os.makedirs(parent, exist_ok=True)
    remove_leftovers(parent)
    signal.signal(signal.SIGTERM, raise_interrupt)
    new = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=parent)
    try:
        # Its own session: Ctrl-C reaches only this script, which stops Pelican
        # (Pelican would exit 0 on Ctrl-C, as if its half-written site were whole).
        command = pelican_command(arguments, new, known.extra_settings)
        status = subprocess.run(command, start_new_session=True).returncode
        if status == 0:
            put_in_place(new, output)
        else:
            print(f"Build failed: {known.output} was left as it was.", file=sys.stderr)
        return status
    except KeyboardInterrupt:
        print(f"\nBuild interrupted: {known.output} was left as it was.", file=sys.stderr)
        return 130
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):  # let the clean-up finish
            signal.signal(signum, signal.SIG_IGN)
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(new)  # the failed build, or the old site after the swap


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
