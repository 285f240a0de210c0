"""Commands over stories: analyze, report, stories (list, show, compare, merge, split)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from synopsis.cli.articles import (
    DB_OPTION as STORE_OPTION,
    ENGINE_OPTION,
    NO_INPUT,
    OUTLETS_OPTION,
    QUIET_OPTION,
    RAY_ADDRESS_OPTION,
    VERBOSE_OPTION,
    WORKERS_OPTION,
    check_engine,
    open_store,
    readable_inputs,
)
from synopsis.cli.output import (
    REFRESH_VERB,
    OUTPUT_PATH,
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
from synopsis.ingest.outlets import OutletRegistry
from synopsis.jobs import analyze_inputs
from synopsis.records import SynopsisError
from synopsis.report.listing_json import STORIES_SCHEMA, STORY_SCHEMA, listing_json
from synopsis.report.render import FORMATS, counted, format_for, render

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Report format (default: from each output file's extension; md on standard output).",
)
OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=OUTPUT_PATH,
    help="Write the report here (repeatable: -o report.html -o report.json); - is standard output (default), ./- a file named -.",
)


def check_report_outputs(outputs, fmt) -> None:
    """Refuse, before minutes of work, report files that could not be written or whose name
    does not tell their format (``-o report.pdf``)."""
    files = [path for path in outputs if not is_stdout(path)]
    if len(outputs) - len(files) > 1:
        raise SynopsisError("-o - is given more than once: standard output takes one report")
    check_writable(files)
    for path in files:
        format_for(path, fmt)


def write_reports(reports, analyses, outputs, fmt, quiet: bool = False) -> None:
    """Render to every requested file, and Markdown (or --format) on standard output when no
    file is given or ``-o -`` is."""
    articles = {a.article.id: a.article for a in analyses}
    for path in outputs or ["-"]:
        if is_stdout(path):
            click.echo(render(reports, fmt or "md", articles), nl=False)
            continue
        text = render(reports, format_for(path, fmt), articles)
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as err:
            raise SynopsisError(f"{path}: cannot write the report ({err.strerror})") from None
        if not quiet:
            click.echo(f"wrote {path}", err=True)


@click.command("analyze")
@click.argument("items", nargs=-1, required=True, metavar="PATH|URL|-...")
@OUTPUT_OPTION
@FORMAT_OPTION
@click.option("--db", "db_path", default=None, help="Also store the articles in this SQLite file.")
@OUTLETS_OPTION
@WORKERS_OPTION
@ENGINE_OPTION
@RAY_ADDRESS_OPTION
@QUIET_OPTION
@VERBOSE_OPTION
def analyze_command(items, outputs, fmt, db_path, outlet_files, workers, engine, ray_address, quiet, verbose):
    """From raw articles to a report: stories, agreements, disputes, quotes, timeline, brief.

    \b
    Examples:
      synopsis analyze examples/harbor-bridge -o report.html
      synopsis analyze ../shared/corpus/istanbul-2025 -o report.md -o report.json
      synopsis analyze articles.jsonl --format json > report.json
      synopsis analyze feed.xml -o report.html -o - | less
    """
    from synopsis.compare.story import build_reports

    check_engine(engine, ray_address)
    check_report_outputs(outputs, fmt)
    registry = OutletRegistry.load(outlet_files)
    stdin = sys.stdin.buffer if "-" in items else None
    progress = Progress("analysed", quiet)
    ignored = IgnoredFiles(outlet_files or ())
    duplicates = Duplicates(verbose)
    versions = Versions(verbose)
    warnings = Warnings(verbose)
    if db_path:
        from synopsis.jobs import ingest_documents

        documents = readable_inputs(items, ignored)  # none readable: no database is made
        with open_store(db_path, create=True) as store, resumable(db_path):
            # Articles of this input that were stored earlier still belong in the report.
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
                on_progress=progress,
                on_refresh=Progress(REFRESH_VERB, quiet),
                include_stored=True,
            )
    else:
        result = analyze_inputs(
            items,
            registry=registry,
            stdin=stdin,
            workers=workers,
            engine=engine,
            ray_address=ray_address,
            on_error=report_error,
            on_warning=warnings,
            on_duplicate=duplicates,
            on_ignored=ignored,
            on_progress=progress,
        )
    ignored.report()
    warnings.report()
    duplicates.report()
    versions.report()
    if not result.analyses:
        raise SynopsisError("no article could be read from the input" if result.errors or result.duplicates else NO_INPUT)
    if not quiet:
        click.echo(f"comparing {counted(len(result.analyses), 'article')}…", err=True)
    if engine == "ray":
        from synopsis.run.ray import build_reports_with_ray

        reports = build_reports_with_ray(result.analyses, address=ray_address, actors=workers)
    else:
        reports = build_reports(result.analyses)
    write_reports(reports, result.analyses, outputs, fmt, quiet)
    return exit_status(len(result.errors))


@click.command("report")
@click.argument("story", required=False)
@STORE_OPTION
@OUTPUT_OPTION
@FORMAT_OPTION
@QUIET_OPTION
def report_command(story, db_path, outputs, fmt, quiet):
    """Report one stored story (id or unique prefix from `synopsis stories`), or all of them.

    \b
    Examples:
      synopsis stories --db news.db
      synopsis report s3f2a91 --db news.db -o story.html
      synopsis report s3f2a91 --db news.db -o story.html -o - | less
    """
    from synopsis.compare.story import build_story_report
    from synopsis.story_jobs import current_stories

    check_report_outputs(outputs, fmt)
    with open_store(db_path) as store:
        if not store.count_articles():
            raise SynopsisError(f"{db_path}: no articles stored; run `synopsis ingest` first")
        stories = current_stories(store)
        if story:
            story_id = store.resolve_story_id(story)
            stories = [s for s in stories if s.id == story_id]
        analyses = list(store.iter_analyses([i for s in stories for i in s.article_ids]))
    by_id = {a.article.id: a for a in analyses}
    reports = [build_story_report(s, [by_id[i] for i in s.article_ids]) for s in stories]
    write_reports(reports, analyses, outputs, fmt, quiet)
    return 0


DB_OPTION = click.option("--db", "db_path", default=None, envvar="SYNOPSIS_DB", help="SQLite file (default synopsis.db; env SYNOPSIS_DB).")


def story_rows(store) -> list[dict]:
    """Every stored story as the listing shows it: id, title, time span, articles and their sources."""
    from synopsis.story_jobs import current_stories

    current_stories(store)  # assigns articles stored before stories existed
    rows = []
    for summary in store.list_stories():
        articles = store.story_articles(summary.id)
        rows.append(
            {
                "id": summary.id,
                "title": summary.title,
                "first": summary.first[:10] if summary.first else None,
                "last": summary.last[:10] if summary.last else None,
                "articles": [
                    {
                        "id": a.id,
                        "title": a.title,
                        "source": a.source,
                        "outlet": a.outlet,
                        "published": a.published,
                        "assigned_by": a.assigned_by,
                    }
                    for a in articles
                ],
            }
        )
    return rows


@click.group("stories", invoke_without_command=True)
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def stories_command(ctx, db_path, fmt):
    """List the stories (one event each) the stored articles form; merge or split them.

    Articles join stories as they are ingested. Corrections (merge, split) are
    kept: later ingests never undo them.

    \b
    Examples:
      synopsis stories --db news.db
      synopsis stories --db news.db --format json
      synopsis stories merge s3f2a91 s88c01d --db news.db
      synopsis stories split s3f2a91 9b1e44 --db news.db
      synopsis stories compare 3f2a91 9b1e44 --db news.db
    """
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db_path or "synopsis.db"
    if ctx.invoked_subcommand is not None:
        return 0
    with open_store(ctx.obj["db_path"]) as store:
        rows = story_rows(store)
    if fmt == "json":
        click.echo(json.dumps(listing_json(STORIES_SCHEMA, "stories", rows), ensure_ascii=False, indent=2))
        return 0
    if not rows:
        click.echo("no stories: run `synopsis ingest` first", err=True)
    for row in rows:
        span = f"{row['first'] or '?'}..{row['last'] or '?'}"
        count = len(row["articles"])
        click.echo(f"{row['id']}  {span:22}  {count:3d} {'article ' if count == 1 else 'articles'}  {shorten(row['title'], 70)}")
    return 0


@stories_command.command("merge")
@click.argument("keep")
@click.argument("other")
@DB_OPTION
@QUIET_OPTION
@click.pass_context
def merge_command(ctx, keep, other, db_path, quiet):
    """Merge story OTHER into story KEEP (ids or unique prefixes); later ingests keep them merged.

    \b
    Example:
      synopsis stories merge s3f2a91 s88c01d --db news.db
    """
    from synopsis.story_jobs import merge_stories

    with open_store(db_path or ctx.obj["db_path"], writes=True) as store:
        merged = merge_stories(store, keep, other)
    click.echo(merged.story_id)  # the resulting story, alone on stdout for scripts (as `split` gives)
    if not quiet:
        click.echo(f"moved {counted(merged.moved, 'article')} into {merged.story_id} from {merged.absorbed}, which now leads there", err=True)
    return 0


@stories_command.command("split")
@click.argument("story")
@click.argument("article")
@DB_OPTION
@QUIET_OPTION
@click.pass_context
def split_command(ctx, story, article, db_path, quiet):
    """Move ARTICLE out of STORY into a new story of its own; it never rejoins automatically.

    \b
    Example:
      synopsis stories split s3f2a91 9b1e44 --db news.db
    """
    from synopsis.story_jobs import split_article

    with open_store(db_path or ctx.obj["db_path"], writes=True) as store:
        new_id = split_article(store, story, article)
        left = store.resolve_story_id(story, follow=False)  # still holds the other articles
        article_id = store.resolve_id(article)
    click.echo(new_id)  # the resulting story, alone on stdout for scripts (as `merge` gives)
    if not quiet:
        click.echo(f"moved article {article_id[:12]} out of {left} into a new story, {new_id}", err=True)
    return 0


@stories_command.command("show")
@click.argument("story")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def show_story_command(ctx, story, db_path, fmt):
    """Show one story's articles (id or unique prefix): date, outlet, who assigned it, fit, source.

    Fit is an article's mean similarity to the story's other articles: the lowest
    is the one to check first (`synopsis stories compare` says why).

    \b
    Example:
      synopsis stories show s3f2a91 --db news.db
    """
    from synopsis.story_jobs import story_member_fit
    from synopsis.link.stories import MERGE_SIMILARITY

    from synopsis.story_jobs import absorbed_note

    with open_store(db_path or ctx.obj["db_path"]) as store:
        rows = story_rows(store)
        story_id = store.resolve_story_id(story)
        if note := absorbed_note(store, story):
            click.echo(f"synopsis: {note}", err=True)
        fit = story_member_fit(store, story_id)
        members = next(r for r in rows if r["id"] == story_id)["articles"]
        openings = store.article_openings([a["id"] for a in members if not a["title"]])
    row = next(r for r in rows if r["id"] == story_id)
    for a in row["articles"]:
        a["fit"] = round(fit[a["id"]], 3) if a["id"] in fit else None
    if fmt == "json":
        click.echo(json.dumps({"schema": STORY_SCHEMA, **row}, ensure_ascii=False, indent=2))
        return 0
    click.echo(f"{row['id']}  {row['first'] or '?'}..{row['last'] or '?'}  {row['title']}")
    click.echo(f"  (fit: mean similarity to the story's other articles; below {MERGE_SIMILARITY} it joined through others or as a stray)")
    for a in row["articles"]:
        fit_text = f"{a['fit']:.2f}" if a["fit"] is not None else "  - "
        headline = shorten(a["title"] or openings.get(a["id"]) or a["source"], 60)
        click.echo(
            f"  {a['id'][:12]}  {(a['published'] or '')[:10] or '----------'}  {shorten(a['outlet'] or '?', 22):22}"
            f"  {a['assigned_by']:4}  fit {fit_text}  {headline}"
        )
    return 0


@stories_command.command("compare")
@click.argument("first")
@click.argument("second")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def compare_command(ctx, first, second, db_path, fmt):
    """Why two articles (ids or unique prefixes) are in one story or not: their similarity and what made it.

    \b
    Example:
      synopsis stories compare 3f2a91 9b1e44 --db news.db
    """
    from synopsis.story_jobs import article_comparison
    from synopsis.link.events import FEATURE_LABELS

    with open_store(db_path or ctx.obj["db_path"]) as store:
        out = article_comparison(store, first, second)
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for article in out["articles"]:
        if article["event_day"]:
            when = f"{article['event_day']} (event)"
        elif article.get("part_of_day_day"):
            # Compared only with another part of day (link.events.event_days), so said apart.
            when = f"{article['part_of_day_day']} (part of day)"
        else:
            when = f"{(article['published'] or '?')[:10]} (published)"
        click.echo(f"{article['id'][:12]}  {when:22}  story {article['story']}  {shorten(article['title'], 70)}")
    stories = {article["story"] for article in out["articles"]}
    verdict = "the same story" if len(stories) == 1 else "different stories"
    click.echo(f"similarity {out['similarity']:.3f} (articles join a story at {out['merge_similarity']} on average; now in {verdict})")
    if out["together_by_user_why"]:
        click.echo(f"  {out['together_by_user_why']}")
    click.echo(f"  the model gives {out['model_similarity']:.3f} from:")
    for name, value in out["measures"].items():
        click.echo(f"    {FEATURE_LABELS[name]:48} {value:.2f}")
    if out["rules"]:
        click.echo("  then:")
        for rule in out["rules"]:
            click.echo(f"    x{rule['multiplier']:g}  {rule['why']}")
    if out["stories_apart"]:
        click.echo(
            f"the two stories are alike enough to merge ({out['stories_similarity']:.3f} on average between their "
            f"articles) but stay apart: {out['stories_apart']}"
        )
    elif out["stories_similarity"] is not None:
        click.echo(
            f"the two stories are too unlike to merge: {out['stories_similarity']:.3f} on average between their "
            f"articles, under {out['merge_similarity']}"
        )
    return 0
