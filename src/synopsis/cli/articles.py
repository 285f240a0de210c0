"""Commands over single articles: ingest, articles, show, extract."""

from __future__ import annotations

import dataclasses
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

import click

from synopsis.cli.output import (
    OUTPUT_PATH,
    REFRESH_VERB,
    Duplicates,
    IgnoredFiles,
    Progress,
    Versions,
    Warnings,
    check_writable,
    exit_status,
    is_stdout,
    report_error,
    resumable,
    shorten,
)
from synopsis.compare.voices import quote_label
from synopsis.ingest.outlets import OutletRegistry
from synopsis.ingest.readers import read_inputs
from synopsis.jobs import analyze_inputs, ingest_documents, read_until_readable, reanalyze
from synopsis.records import ArticleAnalysis, SynopsisError
from synopsis.report.listing_json import ARTICLES_SCHEMA, listing_json
from synopsis.report.render import ambiguous_date_note, counted

DB_OPTION = click.option(
    "--db",
    "db_path",
    default="synopsis.db",
    show_default=True,
    envvar="SYNOPSIS_DB",
    help="SQLite file to use (env SYNOPSIS_DB).",
)
OUTLETS_OPTION = click.option(
    "--outlets",
    "outlet_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra outlet registry YAML file (repeatable); adds to or overrides the shipped one.",
)
def check_workers_variable(ctx, param, workers: int | None) -> int | None:
    """Without --workers, refuse a SYNOPSIS_WORKERS that is no count before any work, in one line
    naming it (``run.local.default_workers`` reads it when a pool starts)."""
    if workers is None:
        from synopsis.run.local import default_workers

        default_workers()
    return workers


WORKERS_OPTION = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    callback=check_workers_variable,
    help="Worker processes, or Ray actors with --engine ray (default: all cores; env SYNOPSIS_WORKERS).",
)
QUIET_OPTION = click.option(
    "-q", "--quiet", is_flag=True, help="No progress or status lines on stderr (errors, warnings and the summary stay)."
)
VERBOSE_OPTION = click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Name every input dropped as a duplicate of an earlier one, and every warning (without it, the first few are named).",
)
ENGINE_OPTION = click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where articles are analysed: a local process pool, or Ray Data (pip install 'synopsis[ray]').",
)
RAY_ADDRESS_OPTION = click.option(
    "--ray-address",
    envvar="RAY_ADDRESS",
    default=None,
    help="Ray cluster to use with --engine ray: auto on a cluster node, or the head's host:port (env RAY_ADDRESS; "
    "default: start a local one). Given without --engine ray it is an error; RAY_ADDRESS alone is then ignored.",
)


def check_engine(engine: str, ray_address: str | None) -> None:
    """Refuse a --ray-address given without --engine ray: it would be ignored, and the work would run on
    this machine. RAY_ADDRESS in the environment is no error (``ray job submit`` sets it for every job)."""
    if engine == "ray" or ray_address is None:
        return
    source = click.get_current_context().get_parameter_source("ray_address")
    if source is click.core.ParameterSource.COMMANDLINE:
        raise SynopsisError("--ray-address works only with --engine ray: add --engine ray to run on that cluster")


def stale_results_note(store, db_path: str) -> str | None:
    """One line saying what in the store an older synopsis made (``Store.stale_results``) and
    the command that brings it up to date; None when everything is current."""
    from synopsis.extract import EXTRACTION_METHOD
    from synopsis.extract.embed import LEAD_MODEL_ID
    from synopsis.link.event_profile import EVENT_METHOD

    analyses, profiles, regrouping = store.stale_results(EXTRACTION_METHOD, EVENT_METHOD, LEAD_MODEL_ID)
    parts = []
    if analyses:
        parts.append(f"{counted(analyses, 'stored article')} analysed by an older synopsis")
    if profiles:
        parts.append(f"{counted(profiles, 'story profile')} made by an older one")
    if regrouping:
        parts.append("stories not yet formed again from new profiles")
    if not parts:
        return None
    return f"{', '.join(parts)}: `synopsis reanalyze --db {db_path}` brings them up to date"


def warn_if_stale(store, db_path: str) -> None:
    """Warn, in one line, that the store holds results an older synopsis made (``stale_results_note``)."""
    if note := stale_results_note(store, db_path):
        click.echo(f"synopsis: warning: {db_path}: {note}", err=True)


def open_store(db_path: str, create: bool = False, writes: bool = False, warn_stale: bool = True):
    """The store at db_path; only commands that add articles (``create``) may start a new file,
    so a mistyped --db is an error rather than a new, empty database, and they start it when
    they first store an article (``DeferredStore``; a folder that cannot hold it is refused now).
    A database that cannot be written is opened read-only, for commands that only read it; one
    that ``writes`` (or adds) says so in one line instead of failing halfway.  A store holding
    results of an older synopsis is named in one warning line (``warn_if_stale``), unless the
    command says it in its own way (``warn_stale=False``: ingest, reanalyze)."""
    from synopsis.store.db import DeferredStore, Store, is_writable

    if db_path == ":memory:":
        return Store.open(db_path)
    path = Path(db_path).expanduser()  # SYNOPSIS_DB='~/news.db' reaches us unexpanded
    if not create and not path.exists():
        raise SynopsisError(f"no database at {db_path}; `synopsis ingest ... --db {db_path}` makes one")
    if create and not path.exists() and path.parent.is_dir() and is_writable(path.parent):
        return DeferredStore(path)
    store = Store.open(path)
    if store.read_only and (create or writes):
        store.close()
        raise SynopsisError(f"database {db_path} is read-only (its file, folder or disk cannot be written): this command changes it")
    if warn_stale:
        warn_if_stale(store, db_path)
    return store


def _stdin_if_needed(items: tuple[str, ...]):
    return sys.stdin.buffer if "-" in items else None


# An input of nothing but empty folders (or folders of images, YAML, ...): no item failed, yet
# no article was there to read, which is no success either (exit 2).
NO_INPUT = "no article in the input: the folders given hold no text, Markdown, HTML, JSON, JSON Lines or RSS/Atom file"


def readable_inputs(items: tuple[str, ...], ignored: IgnoredFiles):
    """The documents of the command's inputs, for a command that stores them; when not one input
    item can be read, or the folders given hold no article file at all, each failed item is named
    and the command stops (exit 2) before opening its database, so a mistyped path or an empty
    folder makes no empty database."""
    documents, readable = read_until_readable(read_inputs(items, stdin=_stdin_if_needed(items), on_ignored=ignored))
    if not readable:
        for problem in documents:
            report_error(problem)
        ignored.report()
        raise SynopsisError("no article could be read from the input: nothing stored")
    first = next(documents, None)
    if first is None:
        ignored.report()
        raise SynopsisError(NO_INPUT + ": nothing stored")
    return itertools.chain([first], documents)


@click.command("ingest")
@click.argument("items", nargs=-1, required=True, metavar="PATH|URL|-...")
@DB_OPTION
@OUTLETS_OPTION
@WORKERS_OPTION
@ENGINE_OPTION
@RAY_ADDRESS_OPTION
@QUIET_OPTION
@VERBOSE_OPTION
def ingest_command(items, db_path, outlet_files, workers, engine, ray_address, quiet, verbose):
    """Read articles, extract their facts and store them in SQLite.

    Accepts text, Markdown, HTML, JSON, JSON Lines and RSS/Atom files, folders
    (recursively), http(s) URLs, and - for standard input. Content already
    stored is skipped, so re-running after an interruption resumes. Exit
    status 3 means some items failed (each is named; the last line counts them),
    2 that every item failed, or that the folders given hold no article file (then no
    database is made).

    \b
    Examples:
      synopsis ingest examples/harbor-bridge --db news.db
      curl -s https://example.org/feed.xml | synopsis ingest - --db news.db
    """
    check_engine(engine, ray_address)
    registry = OutletRegistry.load(outlet_files)
    ignored = IgnoredFiles(outlet_files or ())
    duplicates = Duplicates(verbose)
    versions = Versions(verbose)
    warnings = Warnings(verbose)
    documents = readable_inputs(items, ignored)
    with open_store(db_path, create=True, warn_stale=False) as store, resumable(db_path):
        result = ingest_documents(
            documents,
            store,
            item_files=True,  # every source is a path, URL or "-" typed here
            registry=registry,
            workers=workers,
            engine=engine,
            ray_address=ray_address,
            on_error=report_error,
            on_warning=warnings,
            on_duplicate=duplicates,
            on_version=versions,
            on_progress=Progress("ingested", quiet),
            on_refresh=Progress(REFRESH_VERB, quiet),
            keep_analyses=False,
        )
        stored_any = result.added or result.updated or result.already_stored or result.duplicates
        # New articles were filed against stories of the stored profiles: the note says when an older recipe made them.
        outdated = stale_results_note(store, db_path) if stored_any else None
    ignored.report()
    warnings.report()
    duplicates.report()
    versions.report()
    if outdated and not quiet:
        click.echo(f"note: {outdated}", err=True)
    click.echo(
        f"{result.added} added, {f'{result.updated} updated, ' if result.updated else ''}{result.already_stored} already stored, "
        f"{counted(result.duplicates, 'duplicate')} in input, {len(result.errors)} failed ({db_path})",
        err=True,
    )
    if result.errors and not stored_any:
        raise SynopsisError("no article could be read from the input: nothing stored")
    return exit_status(len(result.errors), summarised=True)


@click.command("reanalyze")
@DB_OPTION
@click.option("--all", "everything", is_flag=True, help="Analyse every stored article again, not only those an older synopsis analysed.")
@OUTLETS_OPTION
@WORKERS_OPTION
@ENGINE_OPTION
@RAY_ADDRESS_OPTION
@QUIET_OPTION
def reanalyze_command(db_path, everything, outlet_files, workers, engine, ray_address, quiet):
    """Extract the stored articles again with this version of synopsis.

    A newer synopsis extracts more from an article than an older one did (who acts
    in a claim, which sources are outlets); articles stored before keep what the
    older one found until analysed again. Only what an older synopsis made is done
    again: the metadata read from each article's input (outlet, date, dateline; the
    input is read again where it still is on this machine, so give the --outlets
    files the ingest had), the articles' analyses, then the event profiles stories
    are formed from; when a profile changed, the stories are formed again as a new ingest would form
    them, except those you corrected (merged or split), which stay as they are. Ids,
    versions and corrections stay. Stopped, it keeps what it finished.

    \b
    Examples:
      synopsis reanalyze --db news.db
      synopsis reanalyze --db news.db --all --workers 2
    """
    check_engine(engine, ray_address)
    with open_store(db_path, writes=True, warn_stale=False) as store, resumable(db_path):
        result = reanalyze(
            store, everything=everything, workers=workers, engine=engine, ray_address=ray_address,
            on_progress=Progress("analysed again", quiet),
            on_profiles=Progress("story profiles made again", quiet),
            on_regroup=Progress("articles grouped into stories again", quiet),
            registry=OutletRegistry.load(outlet_files),
        )
    if result.unreadable:
        click.echo(
            f"synopsis: {counted(result.unreadable, 'article')} kept the metadata an older synopsis read: "
            "their inputs (URLs, standard input, files moved or changed) could not be read again",
            err=True,
        )
    metadata = f", {counted(result.reread, 'input')} read again ({result.metadata_changed} with new metadata)" if result.reread else ""
    profiles = f", {counted(result.profiles, 'story profile')} made again" if result.profiles else ""
    regrouped = f", {counted(result.regrouped, 'article')} grouped into stories again" if result.regrouped else ""
    click.echo(f"{result.reanalyzed} analysed again, {result.current} already current{metadata}{profiles}{regrouped} ({db_path})", err=True)
    return 0


EXTRACT_FORMATS = ("json", "text")
# What `extract -o FILE` writes, by the file's extension (QA25: `-o y.txt` silently wrote JSON).
EXTRACT_EXTENSIONS = {".json": "json", ".txt": "text", ".text": "text"}


def extract_format(output: str | None, requested: str | None) -> str:
    """The format ``extract`` writes: --format if given, else the output file's extension implies
    it, else JSON on standard output; a file whose extension tells none is refused before any work."""
    if requested:
        return requested
    if output is None:
        return "json"
    try:
        return EXTRACT_EXTENSIONS[Path(output).suffix.lower()]
    except KeyError:
        raise SynopsisError(f"{output}: cannot tell the format from the extension (.json or .txt); use --format json|text") from None


@click.command("extract")
@click.argument("items", nargs=-1, required=True, metavar="PATH|URL|-...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXTRACT_FORMATS),
    default=None,
    help="Output format (default: from the output file's extension, .json or .txt; json on standard output).",
)
@click.option(
    "-o", "--output", type=OUTPUT_PATH, help="Write here instead of standard output (- is standard output, ./- a file named -)."
)
@OUTLETS_OPTION
@WORKERS_OPTION
@ENGINE_OPTION
@RAY_ADDRESS_OPTION
@QUIET_OPTION
@VERBOSE_OPTION
def extract_command(items, fmt, output, outlet_files, workers, engine, ray_address, quiet, verbose):
    """Print what synopsis extracts from articles, without storing anything.

    The JSON follows the schema synopsis.article/1 (src/synopsis/schemas/article-1.schema.json).

    \b
    Examples:
      synopsis extract examples/harbor-bridge/corvan-wire.txt
      synopsis extract page.html --format text
    """
    from synopsis.report.article_json import analyses_to_json

    check_engine(engine, ray_address)
    if output and is_stdout(output):
        output = None
    if output:
        check_writable([output])
    fmt = extract_format(output, fmt)
    registry = OutletRegistry.load(outlet_files)
    ignored = IgnoredFiles(outlet_files or ())
    duplicates = Duplicates(verbose)
    warnings = Warnings(verbose)
    result = analyze_inputs(
        items,
        registry=registry,
        stdin=_stdin_if_needed(items),
        workers=workers,
        engine=engine,
        ray_address=ray_address,
        on_error=report_error,
        on_warning=warnings,
        on_duplicate=duplicates,
        on_ignored=ignored,
        on_progress=Progress("extracted", quiet),
    )
    ignored.report()
    warnings.report()
    duplicates.report()
    if not result.analyses:
        # Every item failed (README: 2, as analyze), or an empty folder: no success to report.
        raise SynopsisError("no article could be read from the input" if result.errors else NO_INPUT)
    if fmt == "json":
        text = json.dumps(analyses_to_json(result.analyses), ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n\n".join(describe_analysis(a) for a in result.analyses) + "\n"
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as err:
            raise SynopsisError(f"{output}: cannot write ({err.strerror})") from None
        if not quiet:
            click.echo(f"wrote {output}", err=True)  # as analyze and report say it
    else:
        click.echo(text, nl=False)
    return exit_status(len(result.errors))


@click.command("articles")
@DB_OPTION
@click.option("--search", "query", help="Full-text search (SQLite FTS5 syntax).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def articles_command(db_path, query, fmt):
    """List stored articles: id, outlet, date, title and counts of extracted items.

    \b
    Examples:
      synopsis articles --db news.db
      synopsis articles --db news.db --search "prisoner exchange"
    """
    with open_store(db_path) as store:
        rows = store.search_articles(query) if query else store.list_articles()
        openings = store.article_openings([row.id for row in rows if not row.title])
    if fmt == "json":
        click.echo(json.dumps(listing_json(ARTICLES_SCHEMA, "articles", [dataclasses.asdict(row) for row in rows]), ensure_ascii=False, indent=2))
        return 0
    if not rows:
        click.echo("no articles stored" + (f" matching {query!r}" if query else ""), err=True)
        return 0
    for row in rows:
        outlet = row.outlet or "?"
        date = (row.published or "")[:10] or "----------"
        title = shorten(row.title or openings.get(row.id) or row.source, 70)
        click.echo(f"{row.id[:12]}  {date}  {shorten(outlet, 22):22}  {title}")
    return 0


@click.command("show")
@click.argument("article")
@DB_OPTION
@click.option("--removed", is_flag=True, help="Show what cleaning removed from the article, and why.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show_command(article, db_path, removed, fmt):
    """Show one stored article (by id or unique id prefix) with its extracted items.

    \b
    Examples:
      synopsis show 3f2a91 --db news.db
      synopsis show 3f2a91 --db news.db --removed
    """
    from synopsis.report.article_json import analyses_to_json

    with open_store(db_path) as store:
        analysis = store.get_analysis(article)
    if fmt == "json":
        click.echo(json.dumps(analyses_to_json([analysis]), ensure_ascii=False, indent=2))
    elif removed:
        click.echo(describe_removed(analysis))
    else:
        click.echo(describe_analysis(analysis))
    return 0


def describe_removed(analysis: ArticleAnalysis) -> str:
    """What cleaning dropped, one line per piece, with the reason."""
    article = analysis.article
    lines = [f"{article.id}  {article.source}: {len(article.removed)} pieces removed"]
    for piece in article.removed:
        snippet = " ".join(piece.text.split())
        lines.append(f"  [{piece.reason}] {snippet[:110]}")
    return "\n".join(lines)


# Items of each kind `show` prints; the rest are counted, and `--format json` has them all.
SHOWN_PER_SECTION = 12


def entity_names(analysis: ArticleAnalysis) -> list[tuple[tuple[str, str, str | None], int]]:
    """The article's entities once each, as (text, label, title) with their number of mentions,
    in order of first mention: a name mentioned five times is one line, not five."""
    counts: Counter = Counter()
    for entity in analysis.entities:
        counts[(" ".join(entity.text.split()), entity.label, entity.title)] += 1
    return list(counts.items())


def describe_analysis(analysis: ArticleAnalysis) -> str:
    """A readable summary of one analysis for the terminal."""
    a = analysis.article
    outlet = a.outlet.name if a.outlet else "?"
    kind = a.outlet.kind if a.outlet else "unknown"
    lines = [
        f"{a.id}  {a.source}",
        f"  outlet: {outlet} ({kind})" + (f", rewriting {a.origin.name}" if a.origin else ""),
        f"  published: {a.published or '?'}"
        + (f" ({note})" if (note := ambiguous_date_note(a.published_ambiguous)) else "")
        + (f"   this version since: {a.updated}" if a.updated else "")
        + (f"   dateline: {a.dateline}" if a.dateline else ""),
        f"  title: {a.title or '-'}",
        f"  {len(analysis.sentences)} sentences, {len(analysis.entities)} entities, "
        f"{len(analysis.quantities)} quantities, {len(analysis.times)} times, "
        f"{len(analysis.quotes)} quotes, {len(analysis.claims)} claims; {len(a.removed)} pieces removed",
    ]
    entities = [
        f"{name} ({label}{', ' + title if title else ''})" + (f" x{count}" if count > 1 else "")
        for (name, label, title), count in entity_names(analysis)
    ]
    quantities = [
        f"{q.text!r} -> [{q.low}, {q.high}] {q.unit or ''} {q.counted or ''} ({q.qualifier or 'exact'})" for q in analysis.quantities
    ]
    claims = [(f"[{c.attributed_to}] " if c.attributed_to else "") + shorten(" ".join(c.text.split()), 100) for c in analysis.claims]
    sections = [
        (f"entities ({len(entities)} distinct)", entities),
        ("quantities", quantities),
        ("times", [f"{t.text!r} -> {t.type} {t.value}" for t in analysis.times]),
        ("quotes", [f"{quote_label(q)} ({q.kind}): {q.content[:90]!r}" for q in analysis.quotes]),
        ("claims", claims),
    ]
    for heading, items in sections:
        if not items:
            continue
        lines.append(f"  {heading}:")
        lines += [f"    {item}" for item in items[:SHOWN_PER_SECTION]]
        if len(items) > SHOWN_PER_SECTION:
            # Say what was cut and where it all is (QA25: lists stopped at 12 without a word).
            lines.append(f"    … and {len(items) - SHOWN_PER_SECTION} more (`--format json` lists them all)")
    return "\n".join(lines)
