"""What the commands print besides their results: progress, per-item errors, exit status."""

from __future__ import annotations

import sys
import time

import click

from synopsis.records import InputError

# An exit status is one byte and values above 125 mean "killed by a signal" to
# shells, so the count of failed items is capped there.
MAX_EXIT_STATUS = 125
# Batches shorter than this finish before a progress line would help anyone.
PROGRESS_MIN_ITEMS = 10


def report_error(error: InputError) -> None:
    """One line per bad item: the item and the reason."""
    click.echo(f"synopsis: skipped {error.item}: {error.reason}", err=True)


def exit_status(failed: int) -> int:
    """The exit status of a batch: the number of items that failed (capped)."""
    return min(failed, MAX_EXIT_STATUS)


class Progress:
    """Progress on stderr for long batches: a live line on a terminal, a line every 5 s otherwise."""

    def __init__(self, verb: str, quiet: bool = False) -> None:
        self.verb = verb
        self.quiet = quiet
        self.started = time.monotonic()
        self.last_print = 0.0
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self.quiet or total < PROGRESS_MIN_ITEMS:
            return
        now = time.monotonic()
        if done < total and now - self.last_print < (0.2 if self.tty else 5.0):
            return
        self.last_print = now
        rate = done / max(now - self.started, 1e-6)
        line = f"{self.verb} {done}/{total} articles ({rate:.1f}/s)"
        if self.tty:
            end = "\n" if done == total else ""
            click.echo(f"\r{line}", err=True, nl=False)
            if end:
                click.echo("", err=True)
        else:
            click.echo(line, err=True)
