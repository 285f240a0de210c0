"""What an analysis worker sets for itself before its first task (pool worker or Ray actor)."""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import threading
import time

# glibc's mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# Blocks up to this size come from the heap, not from a fresh mmap of their own.
# It is glibc's own upper bound for its adaptive threshold; a batch of articles
# makes arrays of a few MB at most.
MMAP_THRESHOLD_BYTES = 32 << 20
# Free memory at the top of the heap is returned to the system only beyond this.
TRIM_THRESHOLD_BYTES = 128 << 20

# Whether keep_freed_memory took effect in this process (tests read it in workers).
heap_kept = False
# How often a pool worker checks that the process that started it is still there.
PARENT_CHECK_SECONDS = 1.0


def one_blas_thread() -> None:
    """Keep numpy's BLAS (which multiplies spaCy's matrices) to one thread in a worker:
    the workers already take one core each, and BLAS threads on a busy core wait and spin."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def keep_freed_memory() -> bool:
    """Let the worker's heap keep what a batch frees for the next batch; False where libc has no mallopt.

    With glibc's adaptive defaults the heap top went back to the system after
    nearly every batch, and the next batch faulted the same pages in again:
    1.3 million page faults and 7 s of system time per 1,000 articles across two
    workers, against 0.15 million and 1.4 s with these thresholds
    (docs/benchmarks.md, "Stories at scale", session 9). The cost: between
    batches a worker may hold up to TRIM_THRESHOLD_BYTES of freed heap; its
    peak memory was the same to within a few MB.
    """
    global heap_kept
    try:
        # dlopen(NULL): the symbols already loaded, libc's among them (no ldconfig run).
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False  # not glibc (macOS, musl builds without it): keep the defaults
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    mmap_set = mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
    trim_set = mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES)
    heap_kept = bool(mmap_set and trim_set)
    return heap_kept


def freeze_loaded_objects() -> None:
    """Exempt what the worker has loaded so far (models, vocabularies, modules) from garbage collection.

    Call once the models are loaded. The collector's full passes otherwise walk
    every one of those objects again, for nothing: they live as long as the
    worker. Single process, 160 articles: 0.85 -> 0.2 ms of collection per article.
    No collection runs first: it would write to every inherited object's header
    and so copy the pages a forked worker shares with its parent; the little
    garbage model loading leaves stays.
    """
    gc.freeze()


def exit_with_parent(parent: int) -> None:
    """End this pool worker when ``parent`` (the pid of the process that started it, passed
    in rather than read here, where it may already have died) is no longer its parent.

    A forked worker waits for tasks on a pipe whose writing end its siblings hold
    too, so it never reads an end of file: after ``kill -9`` of an ingest its
    workers waited forever, holding 370 MB each and the database open.  A daemon
    thread polls the parent's pid (on Linux and macOS; unlike Linux's
    PR_SET_PDEATHSIG, it does not fire when only the thread that forked exits).
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)  # nothing of the worker's is worth keeping: its results had nowhere to go

    threading.Thread(target=watch, name="synopsis-parent-watch", daemon=True).start()


def leave_interrupts_to_parent() -> None:
    """Ignore Ctrl-C in a pool worker.  A terminal sends SIGINT to the whole process group:
    the parent stops the pool and says so in one line, while a worker interrupted in the middle
    of loading its models printed a traceback of its own around that line."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def prepare_worker_process() -> None:
    """One BLAS thread and a heap that keeps freed memory: the per-process settings of an analysis worker."""
    one_blas_thread()
    keep_freed_memory()
