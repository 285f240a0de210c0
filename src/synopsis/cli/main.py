"""The ``synopsis`` command: a thin layer that parses options and calls library functions."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import threading

import click

from synopsis import __version__
from synopsis.cli.articles import articles_command, extract_command, ingest_command, reanalyze_command, show_command
from synopsis.cli.output import EXIT_PIPE_CLOSED, EXIT_STOPPED, Terminated, raise_terminated
from synopsis.cli.serve import serve_command
from synopsis.cli.stories import analyze_command, report_command, stories_command
from synopsis.records import SynopsisError


class Stopped(BaseException):
    """Ctrl-C or SIGTERM (``cause``) stopped a command; raised past click, which would print a blank
    line for an interrupt, so that the stop is reported in exactly one line."""

    def __init__(self, cause: KeyboardInterrupt) -> None:
        super().__init__(cause)
        self.cause = cause


class PipeClosed(BaseException):
    """The reader of standard output went away (``synopsis articles | head -1``).  Raised past
    click, which would turn the BrokenPipeError into status 1, a bug's status."""


class SynopsisGroup(click.Group):
    def make_context(self, *args, **kwargs) -> click.Context:
        try:  # `synopsis --help` and `--version` print while the options are parsed
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:
            raise PipeClosed from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as stop:
            raise Stopped(stop) from None
        except BrokenPipeError:
            raise PipeClosed from None


@click.group(cls=SynopsisGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="synopsis")
def cli() -> None:
    """Triangulate news: what outlets agree on, dispute and leave out, cited to the source words.

    \b
    Example:
      synopsis analyze examples/harbor-bridge -o report.html
    """


for command in (
    ingest_command,
    articles_command,
    reanalyze_command,
    show_command,
    extract_command,
    analyze_command,
    report_command,
    stories_command,
    serve_command,
):
    cli.add_command(command)


def main(argv: list[str] | None = None) -> int:
    """Entry point: user errors become one line on stderr, never a traceback."""
    # Python's default for SIGTERM ends the process at once: no message, and a
    # process pool's workers left waiting for tasks.  `synopsis serve` replaces
    # this with uvicorn's own handler.
    if threading.current_thread() is not threading.main_thread():
        return _run(argv)  # only the main thread may set signal handlers
    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        return _run(argv)
    finally:
        if previous is not None:  # None: a handler set outside Python, which cannot be put back
            signal.signal(signal.SIGTERM, previous)


def _run(argv: list[str] | None) -> int:
    try:
        result = cli.main(args=argv, prog_name="synopsis", standalone_mode=False)
        sys.stdout.flush()  # the last of the output, while a closed pipe can still be told apart
    except (PipeClosed, BrokenPipeError):
        return _pipe_closed()
    except Stopped as stopped:
        return _stopped(stopped.cause)
    except click.exceptions.Abort as abort:
        # click turns an interrupt (while it parses the options) into Abort; the cause tells Ctrl-C from SIGTERM.
        return _stopped(abort.__cause__)
    except click.ClickException as err:
        err.show()
        return EXIT_STOPPED  # a usage error (click's own code), or another error click reports (its 1)
    except SynopsisError as err:
        click.echo(f"synopsis: error: {err}", err=True)
        return EXIT_STOPPED
    except KeyboardInterrupt as stop:
        return _stopped(stop)
    except sqlite3.OperationalError as err:
        if "readonly" not in str(err):
            raise
        # A command that reads a read-only database (opened so) but had something to store on the way.
        click.echo(f"synopsis: error: the database is read-only: {err}", err=True)
        return EXIT_STOPPED
    return result if isinstance(result, int) else 0


def _pipe_closed() -> int:
    """The status of a command whose reader closed standard output, ended quietly (Python ignores
    SIGPIPE and raises BrokenPipeError instead of stopping as ``cat`` does).  What is left in the output buffer goes to /dev/null, as the Python documentation advises
    (library/signal, "Note on SIGPIPE"): the interpreter flushes it on exit, and that flush would
    fail again, with a message and status 120."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is no file (a test's capture): nothing to flush at exit
        pass
    return EXIT_PIPE_CLOSED


def _stopped(cause: BaseException | None) -> int:
    """The one line and the exit status of a command stopped by a signal (128 + its number, as shells
    report it); the line says how to resume when the work was committing as it went (``resumable``)."""
    if sys.stderr.isatty():
        click.echo("", err=True)  # the terminal shows ^C, or a live progress line, without a newline
    terminated = isinstance(cause, Terminated)
    hint = getattr(cause, "resume_hint", None)
    click.echo(f"synopsis: {'terminated' if terminated else 'interrupted'}" + (f": {hint}" if hint else ""), err=True)
    return 128 + (signal.SIGTERM if terminated else signal.SIGINT)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
