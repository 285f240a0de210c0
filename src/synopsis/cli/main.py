"""The ``synopsis`` command: a thin layer that parses options and calls library functions."""

from __future__ import annotations

import sys

import click

from synopsis import __version__
from synopsis.cli.articles import articles_command, extract_command, ingest_command, show_command
from synopsis.cli.serve import serve_command
from synopsis.cli.stories import analyze_command, report_command, stories_command
from synopsis.records import SynopsisError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
    try:
        result = cli.main(args=argv, prog_name="synopsis", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("synopsis: interrupted", err=True)
        return 130
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except SynopsisError as err:
        click.echo(f"synopsis: error: {err}", err=True)
        return 2
    except KeyboardInterrupt:
        click.echo("synopsis: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
