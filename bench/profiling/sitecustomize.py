"""Profiles a Python process with pyinstrument when BENCH_PROFILE_DIR is set.

`make bench` puts this directory on PYTHONPATH for one build only, so the
profile covers every Python process `make html` starts, however it starts
them (Pelican itself, or a script around it). Each process saves its session
as BENCH_PROFILE_DIR/<pid>.pyisession when it exits.
"""

import atexit
import os

if os.environ.get("BENCH_PROFILE_DIR"):
    try:
        from pyinstrument import Profiler
    except ImportError:  # a Python other than the project's venv: not profiled
        Profiler = None
    if Profiler is not None:
        _profiler = Profiler(interval=0.001)
        _profiler.start()

        @atexit.register
        def _save():
            session = _profiler.stop()
            session.save(os.path.join(os.environ["BENCH_PROFILE_DIR"], f"{os.getpid()}.pyisession"))
