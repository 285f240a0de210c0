"""What the commands print besides their results: progress, per-item errors, exit status."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath

import click

from synopsis.records import InputError, SynopsisError
from synopsis.report.render import counted

# Exit statuses (README, "Exit status"): one fixed number per outcome, so a script can tell
# them apart.  (They were the count of failed items, so two failed items read as 2, a usage error.)
# 1 is left to Python: an unexpected error, with its traceback (a bug to report).
EXIT_STOPPED = 2  # the command stopped, its one line says why: a usage error (click's 2, as argparse's) or a missing database, an unwritable output, ...
EXIT_ITEMS_FAILED = 3  # the command did its work, but some input items failed: each named in a line, the count at the end
# Stopped by a signal: 128 + its number, as shells report it (130 Ctrl-C, 143 SIGTERM): cli.main._stopped.
# A reader that closed standard output (`| head -1`) had what it wanted: the command ends quietly
# with 0, as ripgrep does.  Not 141 (128 + SIGPIPE), which `cat` or `git log` get there: whether the
# reader closes the pipe before the last write or after it is a race, so a `set -o pipefail` script
# would fail or not at random (QA21: `articles | head -1` gave 1 1 0 1 1).
EXIT_PIPE_CLOSED = 0
# Duplicates in input, new versions of stored articles and warnings, named without -v (the rest are counted).
DUPLICATES_SHOWN = 5
# Batches shorter than this finish before a progress line would help anyone.
PROGRESS_MIN_ITEMS = 10
# What an ingest into a store made by an older lead model does first, for minutes
# on a large store (``link.stored_stories.refresh_lead_vectors``).
REFRESH_VERB = "new lead model: embedded again the leads of"


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived (``kill``, docker stop, systemd): a command stops as on Ctrl-C."""


def raise_terminated(signum, frame) -> None:
    raise Terminated


@contextmanager
def resumable(db_path: str) -> Iterator[None]:
    """Around work that commits articles as it goes: when it is stopped (Ctrl-C or SIGTERM), the one
    line ``cli.main`` prints says which, that nothing committed is lost, and how to go on."""
    try:
        yield
    except KeyboardInterrupt as stop:
        stop.resume_hint = f"what was committed stays in {db_path}; the same command resumes"
        raise


def check_writable(paths: Iterable[Path]) -> None:
    """Refuse, before any work, output files that could not be written: a folder that does not exist
    or is not writable, a folder in the file's place, or a file that may not be overwritten."""
    for path in paths:
        target = Path(path).expanduser()
        parent = target.parent
        if target.is_dir():
            raise SynopsisError(f"{path}: is a folder; give a file name to write")
        if not parent.is_dir():
            why = f"{parent} is a file, not a folder" if parent.exists() else f"the folder {parent} does not exist"
            raise SynopsisError(f"{path}: cannot write there: {why}")
        if target.exists() and not os.access(target, os.W_OK):
            raise SynopsisError(f"{path}: cannot write there: the file is not writable")
        if not target.exists() and not os.access(parent, os.W_OK | os.X_OK):
            raise SynopsisError(f"{path}: cannot write there: the folder {parent} is not writable")


# The type of every -o option: the value as typed, a string.  A Path would make "./-" into "-"
# (QA25: `-o ./-` wrote the report to standard output instead of the file "-" the README promises).
OUTPUT_PATH = click.Path(dir_okay=False, allow_dash=True)


def is_stdout(path: str) -> bool:
    """``-o -``: standard output, as ``-`` is standard input among the inputs; any other value,
    ``./-`` too, is a file.  ``path`` is the option's value as typed (``OUTPUT_PATH``)."""
    return isinstance(path, str) and path == "-"


def shorten(text: str, width: int) -> str:
    """Text cut to ``width`` characters at a word boundary where one is near, with an ellipsis
    when anything was cut (a listing's column)."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space >= width * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


class IgnoredFiles:
    """The files the given folders held in formats synopsis does not read (PDFs, images, …),
    collected as they are met and named in one line at the end."""

    def __init__(self, used: Iterable[str] = ()) -> None:
        from synopsis.ingest.outlets import ENV_VAR as OUTLETS_VAR

        self.paths: list[str] = []
        # Files the command reads otherwise: outlet lists kept beside the articles, given by
        # --outlets or by SYNOPSIS_OUTLETS, which the registry reads as it reads --outlets
        # (``OutletRegistry.load``; QA25: a list the variable named was called ignored).
        listed = [path for path in os.environ.get(OUTLETS_VAR, "").split(os.pathsep) if path]
        self.used = {Path(path).resolve() for path in [*used, *listed]}

    def __call__(self, path: str) -> None:
        if Path(path).resolve() not in self.used:
            self.paths.append(path)

    def report(self) -> None:
        if not self.paths:
            return
        names = [PurePath(path).name for path in self.paths]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        click.echo(f"synopsis: ignored {counted(len(names), 'file')} in formats synopsis does not read: {shown}", err=True)


class NamedItems:
    """One line per input item of a kind (dropped duplicates, new versions of stored articles):
    as they are met with ``verbose``, else the first DUPLICATES_SHOWN at the end and how many
    more there were, so a batch of thousands does not bury its summary."""

    def __init__(self, noun: str, verbose: bool = False) -> None:
        self.noun = noun
        self.verbose = verbose
        self.shown: list[str] = []
        self.count = 0

    def add(self, line: str) -> None:
        self.count += 1
        if self.verbose:
            click.echo(f"synopsis: {line}", err=True)
        elif len(self.shown) < DUPLICATES_SHOWN:
            self.shown.append(line)

    def report(self) -> None:
        for line in self.shown:
            click.echo(f"synopsis: {line}", err=True)
        if self.count > len(self.shown) and not self.verbose:
            click.echo(f"synopsis: and {counted(self.count - len(self.shown), 'more ' + self.noun)} (-v names them all)", err=True)


class Duplicates(NamedItems):
    """Input items dropped because an earlier item had the same clean text, each naming both."""

    def __init__(self, verbose: bool = False) -> None:
        super().__init__("duplicate", verbose)

    def __call__(self, item: str, first: str) -> None:
        self.add(f"duplicate {item}: same text as {first}, kept once")


class Versions(NamedItems):
    """Input items that are another version of a stored article (``jobs.VersionNote``)."""

    def __init__(self, verbose: bool = False) -> None:
        super().__init__("version", verbose)

    def __call__(self, note) -> None:
        others = ", ".join(other[:12] for other in note.others)
        if note.kind == "updated":
            line = (
                f"updated {note.source}: its new text (article {note.article_id[:12]}) replaces article {others}; "
                "it keeps its place in its story, and extracted items follow the new text"
            )
        elif note.kind == "outdated":
            line = f"older version {note.source}: not stored, article {others} replaced it"
        else:
            line = (
                f"new article {note.source}: same file or address as stored article {others} but another text; "
                f"stored beside it as article {note.article_id[:12]}"
            )
        self.add(line)


class Warnings(NamedItems):
    """Input items read without a part they gave but that could not be read (``jobs.OnWarning``):
    a field of the wrong kind, an impossible publication date."""

    def __init__(self, verbose: bool = False) -> None:
        super().__init__("warning", verbose)

    def __call__(self, item: str, reason: str) -> None:
        self.add(f"warning: {item}: {reason}")


def report_error(error: InputError) -> None:
    """One line per bad item: the item and the reason."""
    click.echo(f"synopsis: skipped {error.item}: {error.reason}", err=True)


def exit_status(failed: int, summarised: bool = False) -> int:
    """The exit status of a batch in which ``failed`` items failed; the count goes to stderr in
    one line, unless the command's own summary line gives it (``summarised``)."""
    if not failed:
        return 0
    if not summarised:
        click.echo(f"synopsis: {counted(failed, 'item')} failed", err=True)
    return EXIT_ITEMS_FAILED


class Progress:
    """Progress on stderr for long batches: a live line on a terminal, a line every 5 s otherwise."""

    def __init__(self, verb: str, quiet: bool = False) -> None:
        self.verb = verb
        self.quiet = quiet
        self.started = time.monotonic()
        self.first: tuple[int, float] | None = None  # (done, when) at the first article finished
        self.last_print = 0.0
        self.tty = sys.stderr.isatty()
        self.width = 0  # of the longest live line so far, which a shorter one must cover

    def __call__(self, done: int, total: int | None) -> None:
        """Report done of total articles; a total of None means more may follow (not known yet).
        Nothing done yet marks the start of the work."""
        now = time.monotonic()
        if done == 0:
            self.started, self.first = now, None
        elif self.first is None:
            self.first = (done, now)
        # A small batch shows no progress, but a line already shown is always finished.
        if self.quiet or (total is not None and total < PROGRESS_MIN_ITEMS and not self.last_print):
            return
        finished = done == total
        if not finished and now - self.last_print < (0.2 if self.tty else 5.0):
            return
        self.last_print = now
        counted = f"{done} articles so far" if total is None else f"{done}/{total} articles"
        line = f"{self.verb} {counted}"
        if (rate := self.rate(done, now, finished)) is not None:
            line += f" ({rate:.1f}/s)"
        if self.tty:
            self.width = max(self.width, len(line))
            click.echo(f"\r{line.ljust(self.width)}", err=True, nl=False)
            if finished:
                click.echo("", err=True)
        else:
            click.echo(line, err=True)

    def rate(self, done: int, now: float, finished: bool) -> float | None:
        """Articles per second: at the end, over the whole work; before it, since the first article
        finished (until then the workers were loading their models, and the first lines read
        "1/200 (0.1/s)"), or None while there is nothing to measure yet."""
        if finished:
            return done / max(now - self.started, 1e-6)
        if self.first is not None and done > self.first[0] and now > self.first[1]:
            return (done - self.first[0]) / (now - self.first[1])
        return None
