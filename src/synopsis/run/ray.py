"""Ray engine: runs the per-article and per-story stages on Ray Data, locally or on a cluster.

The stage functions are the ones the local engine runs (``analyze_articles``,
``build_story_report``); this module only moves records through Ray Data as
plain rows (the "synopsis.article/1" exchange format) and loads each model once
per actor.  Results come back in input order, so both engines give the same output.

Pointing it at a cluster: pass ``address`` (``head:6379``, or ``auto`` on a
cluster node; ``ray://head:10001`` needs ``ray[client]``) or set
``RAY_ADDRESS``.  Every worker node needs the synopsis package and its model
packages installed (or shipped with a ``runtime_env``).
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import re
import signal
import socket
import threading
from typing import Callable, Iterator, Sequence

import numpy as np

from synopsis.records import Article, ArticleAnalysis, Story, StoryReport, SynopsisError
from synopsis.report.article_json import analysis_to_dict

INSTALL_HINT = "the ray engine needs the ray extra: pip install 'synopsis[ray]' (in a checkout: bash scripts/setup.sh --ray)"
# A local instance shares this machine with the driver and the models: Ray's
# default object store takes 30% of RAM, far more than rows of article JSON need.
# Blocks above the cap spill to disk instead of failing.
LOCAL_OBJECT_STORE_BYTES = 512 * 1024 * 1024
# CPUs each actor reserves.  On a 2-core machine, actors that reserve every CPU
# leave none for Ray Data's own read and split tasks and the streaming
# pipeline can stall without a warning (docs/MODELS.md in ../shared); half a
# CPU each still runs one actor per core, the models being single-threaded here.
CPUS_PER_ACTOR = 0.5
# Articles per actor call: large enough for nlp.pipe to batch (same as the local
# engine's task size), small enough that results stream back steadily.
ARTICLES_PER_BATCH = 8
# Articles handed to Ray Data at a time, so the object store holds one window of
# rows however large the input is.  Each window restarts the actors (about 1 s of
# model loading), under 2% of the time a window of this size takes to analyse.
ARTICLES_PER_WINDOW = 2000
# Ray's own INFO and WARNING lines (the token authentication it turns on for a local
# instance, for one) interleave with the command's output and say nothing a user acts on;
# failures still arrive as exceptions.
RAY_LOGGING_LEVEL = logging.ERROR
# How long the head node of a cluster may take to accept a connection.
CONNECT_TIMEOUT_SECONDS = 5.0
# Every run prints, once, Ray's own "E ... core_worker.cc: Actor with class name:
# 'MapWorker(MapBatches(ArticleAnalyzer))' ... has constructor arguments in the object store and
# max_restarts > 0" (ray-project/ray#53727).  It is left in, as nothing here can avoid it without
# a cost (measured with Ray 2.60 on harbor-bridge, same output every way):
# - Our constructors are not the cause: the actors load their models themselves, and take a
#   bool or nothing.  Ray Data creates its MapWorker actors with ray.put references to its
#   DataContext and map transformer as arguments (ActorPoolMapOperator._start_actor), and
#   max_restarts=-1 by default, which is the condition of the line.
# - map_batches(max_restarts=0) removes it, and with it the restart of an actor that died (killed
#   by Ray's memory monitor, or on a lost node) and the retry of its batches: the run would fail
#   instead.  Ray 2.60 also deprecates passing it (removed in 2.64).  The restart the line
#   warns about does work here: the driver owns those references for the whole run.
# - RAY_BACKEND_LOG_LEVEL=fatal before ray.init removes it, and with it every C++ error of the
#   driver and of the local instance's processes (which inherit it), in their log files as well,
#   and it prints a line of its own ("Set ray log level from environment variable").


def import_ray():
    """The ray module, or a SynopsisError telling how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401  (the extra, not only ray core, must be there)
    except ImportError:
        raise SynopsisError(INSTALL_HINT) from None
    return ray


def start_ray(address: str | None = None) -> bool:
    """Connect to ``address`` (or RAY_ADDRESS), else start a small local instance; True if this call started Ray."""
    ray = import_ray()
    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS") or None
    # ray.init puts in a SIGTERM handler of its own (sys.exit); the command's
    # (cli.main: stop, say so, exit 143) is put back once Ray is up.
    on_term = signal.getsignal(signal.SIGTERM) if threading.current_thread() is threading.main_thread() else None
    if address:
        # Given "auto", Ray connects to RAY_ADDRESS when that is set.
        target = (os.environ.get("RAY_ADDRESS") or address) if address == "auto" else address
        check_reachable(target)
        try:
            # Resources and the object store belong to the existing cluster; Ray
            # refuses object_store_memory when connecting to one.
            ray.init(address=address, logging_level=RAY_LOGGING_LEVEL)
        except (ConnectionError, ValueError, RuntimeError) as err:
            reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise SynopsisError(f"cannot use the Ray cluster at {address}: {reason}{auth_hint(reason)}") from None
    else:
        ray.init(
            # A new instance of our own, even where `ray start` left a cluster
            # running (it would be joined instead, and refuse our object store size).
            address="local",
            object_store_memory=LOCAL_OBJECT_STORE_BYTES,
            include_dashboard=False,
            logging_level=RAY_LOGGING_LEVEL,
            # Worker output (spaCy warnings and the like) would interleave with
            # the command's own progress lines; failures still arrive as exceptions.
            log_to_driver=False,
        )
    if on_term is not None:
        signal.signal(signal.SIGTERM, on_term)
    return True


def auth_hint(reason: str) -> str:
    """What to set when a cluster refused the connection and token authentication may be why.

    A cluster started by Ray 2.59 or later on its own machine asks for a token; a driver
    without RAY_AUTH_MODE=token connects without one, and Ray only says it failed to connect
    (after retrying for about 20 seconds).
    """
    if not reason.lower().startswith("failed to connect") or os.environ.get("RAY_AUTH_MODE") == "token":
        return ""
    return (
        "; if the cluster uses token authentication, set RAY_AUTH_MODE=token and its token in "
        "RAY_AUTH_TOKEN or RAY_AUTH_TOKEN_PATH (`ray get-auth-token` on the head node prints it)"
    )


def check_reachable(address: str, timeout: float = CONNECT_TIMEOUT_SECONDS) -> None:
    """Refuse, as a SynopsisError, a Ray address that is malformed or whose host does not answer.

    ``ray.init`` retries an unreachable head node without end, and Ctrl-C does
    not stop it, so a mistyped address hung the command.  ``auto`` and ``local``
    are Ray's own and are left to it.
    """
    if address in ("auto", "local"):
        return
    scheme, _, rest = address.rpartition("://")
    if scheme not in ("", "ray"):
        raise SynopsisError(f"Ray address {address!r}: use host:port of the head node, ray://host:port or auto, not a {scheme} url")
    host, _, port = rest.rpartition(":")
    if not host or not port.isdigit():
        raise SynopsisError(f"Ray address {address!r}: expected host:port (the head node's GCS port, 6379 by default)")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout) as connection:
            speaks_grpc = answers_http2(connection)
    except OSError as err:
        reason = (getattr(err, "strerror", None) or str(err) or type(err).__name__).lower()
        raise SynopsisError(f"cannot reach the Ray cluster at {address}: {reason}") from None
    if not speaks_grpc:
        raise SynopsisError(
            f"{address} answers, but not as a Ray head node: give the head's GCS port "
            f"(6379 by default; 8265 is the dashboard) or ray://host:10001 for Ray Client"
        )


# The first bytes an HTTP/2 client sends (RFC 9113, section 3.4): the connection preface,
# then an empty SETTINGS frame (length 0, type 4, no flags, stream 0).
_HTTP2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + bytes([0, 0, 0, 4, 0, 0, 0, 0, 0])


def answers_http2(connection: socket.socket) -> bool:
    """True when the peer answers an HTTP/2 preface with a SETTINGS frame, as every gRPC server
    (Ray's GCS and Ray Client) does; an HTTP/1 server or another service does not.

    By hand, because neither ray nor the rest of synopsis ships an HTTP/2 client for Python,
    and only the type of the peer's first frame is needed.  ``ray.init`` against a port that
    is not a GCS (the dashboard's, most often) retries for minutes and logs each attempt.
    """
    try:
        connection.sendall(_HTTP2_PREFACE)
        header = b""
        while len(header) < 9:
            chunk = connection.recv(9 - len(header))
            if not chunk:
                return False
            header += chunk
    except OSError:  # a timeout or a reset: no HTTP/2 answer
        return False
    return header[3] == 4 and int.from_bytes(header[5:9], "big") == 0


def quiet_ray_data() -> None:
    """Turn off Ray Data's progress bars and INFO logs: the commands report progress themselves."""
    ray = import_ray()
    from ray.util.debug import log_once

    # Ray Data logs every dataset's plan, and progress every few seconds when
    # stderr is not a terminal, at INFO.
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.enable_operator_progress_bars = False
    # Disabling the bars makes Ray Data warn once that they are disabled; mark
    # that warning as already given.
    log_once("ray_data_progress_manager_disabled")


def default_actors() -> int:
    """One actor per CPU of the cluster (each model pass is single-threaded)."""
    ray = import_ray()
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


class ArticleAnalyzer:
    """Ray Data actor: loads spaCy (and with ``lead_vectors`` the embedder) once, then
    analyses batches of articles given as rows."""

    def __init__(self, lead_vectors: bool = False) -> None:
        from synopsis.extract.nlp import load_nlp
        from synopsis.run.worker_process import freeze_loaded_objects, prepare_worker_process

        prepare_worker_process()
        self.nlp = load_nlp()
        self.embedder = None
        if lead_vectors:
            from synopsis.extract.embed import Embedder

            # One thread: each actor has a share of a core (CPUS_PER_ACTOR).
            self.embedder = Embedder.load_leads(threads=1)
        freeze_loaded_objects()

    def __call__(self, batch: dict) -> dict:
        from synopsis.extract.pipeline import analyze_articles
        from synopsis.link.stories import embed_leads
        from synopsis.report.article_json import analysis_from_dict, analysis_to_dict

        leads: list[bytes] = []

        def produce() -> list[str]:
            articles = [analysis_from_dict(json.loads(row)).article for row in batch["article"]]
            analyses = list(analyze_articles(articles, self.nlp))
            if self.embedder is not None and analyses:
                leads.extend(np.asarray(v, dtype="<f4").tobytes() for v in embed_leads(analyses, self.embedder))
            return [json.dumps(analysis_to_dict(a), ensure_ascii=False) for a in analyses]

        result = _guarded(produce, batch, "analysis")
        if self.embedder is not None:
            result["lead"] = leads if len(leads) == len(result["analysis"]) else [b""] * len(result["analysis"])
        return result


class StoryReporter:
    """Ray Data actor: loads the embedder once, then reports stories given as rows."""

    def __init__(self) -> None:
        from synopsis.extract.embed import Embedder

        self.embedder = Embedder.load()

    def __call__(self, batch: dict) -> dict:
        from synopsis.compare.story import build_story_report
        from synopsis.report.article_json import analyses_from_json

        def produce() -> list[bytes]:
            reports = []
            for story_json, members_json in zip(batch["story"], batch["analyses"]):
                story = _story_from_json(story_json)
                members = analyses_from_json(json.loads(members_json))
                report = build_story_report(story, members, self.embedder)
                # StoryReport has no JSON reader; both ends run the same synopsis
                # version (a requirement of any cluster run), so pickle is exact.
                reports.append(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
            return reports

        return _guarded(produce, batch, "report")


def analyze_with_ray(
    articles: Sequence[Article],
    address: str | None = None,
    actors: int | None = None,
    cpus_per_actor: float = CPUS_PER_ACTOR,
) -> Iterator[ArticleAnalysis]:
    """Analyse articles on Ray Data, models loaded once per actor; yields in input order."""
    from synopsis.report.article_json import analysis_from_dict

    for row in _analysis_rows(articles, address, actors, cpus_per_actor, lead_vectors=False):
        yield analysis_from_dict(json.loads(row["analysis"]))


def analyze_and_embed_with_ray(
    articles: Sequence[Article],
    address: str | None = None,
    actors: int | None = None,
    cpus_per_actor: float = CPUS_PER_ACTOR,
) -> Iterator[tuple[ArticleAnalysis, np.ndarray]]:
    """Analyse articles and embed their leads on Ray Data (the ingest's per-article stage), in input order."""
    from synopsis.report.article_json import analysis_from_dict

    for row in _analysis_rows(articles, address, actors, cpus_per_actor, lead_vectors=True):
        yield analysis_from_dict(json.loads(row["analysis"])), np.frombuffer(row["lead"], dtype="<f4")


def _analysis_rows(
    articles: Sequence[Article], address: str | None, actors: int | None, cpus_per_actor: float, lead_vectors: bool
) -> Iterator[dict]:
    """Result rows of the ArticleAnalyzer actors ("analysis" JSON, with ``lead_vectors`` a "lead"
    vector as bytes), window by window, in input order."""
    if not articles:
        return
    if lead_vectors:
        from synopsis.extract.embed_model import prepare_runtime_model

        prepare_runtime_model()  # for the actors on this machine
    ray = import_ray()
    start_ray(address)
    quiet_ray_data()
    actors = actors or default_actors()
    for first in range(0, len(articles), ARTICLES_PER_WINDOW):
        window = articles[first : first + ARTICLES_PER_WINDOW]
        rows = [
            {"index": first + i, "article": _article_to_json(article)} for i, article in enumerate(window)
        ]
        # Small inputs are split so every actor gets a share.
        batch = max(1, min(ARTICLES_PER_BATCH, -(-len(rows) // actors)))
        blocks = -(-len(rows) // batch)
        dataset = ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
            ArticleAnalyzer,
            batch_size=batch,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=min(actors, blocks)),
            num_cpus=cpus_per_actor,
            fn_constructor_kwargs={"lead_vectors": lead_vectors},
            udf_modifying_row_count=False,
        )
        yield from _in_order(_rows(ray, dataset), first, len(rows))


def build_reports_with_ray(
    analyses: Sequence[ArticleAnalysis],
    address: str | None = None,
    actors: int | None = None,
    cpus_per_actor: float = CPUS_PER_ACTOR,
) -> list[StoryReport]:
    """Group analyses into stories here, then report each story on Ray Data (embedder loaded once per actor)."""
    from synopsis.link.stories import cluster_stories
    from synopsis.report.article_json import analyses_to_json

    by_id = {a.article.id: a for a in analyses}
    if not by_id:
        return []
    # Clustering needs every article at once (it is the global step); it runs
    # here, exactly as the local engine's build_reports does.
    stories = cluster_stories(list(by_id.values()))
    ray = import_ray()
    start_ray(address)
    quiet_ray_data()
    actors = actors or default_actors()
    rows = [
        {
            "index": i,
            "story": _story_to_json(story),
            "analyses": json.dumps(analyses_to_json([by_id[a] for a in story.article_ids]), ensure_ascii=False),
        }
        for i, story in enumerate(stories)
    ]
    dataset = ray.data.from_items(rows, override_num_blocks=len(rows)).map_batches(
        StoryReporter,
        batch_size=1,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(actors, len(rows))),
        num_cpus=cpus_per_actor,
        udf_modifying_row_count=False,
    )
    return [pickle.loads(row["report"]) for row in _in_order(_rows(ray, dataset), 0, len(rows))]


def _rows(ray, dataset) -> Iterator[dict]:
    """Stream a dataset's rows; a stage's SynopsisError reaches the caller as a SynopsisError."""
    try:
        for row in dataset.iter_rows():
            if row.get("error"):
                raise SynopsisError(str(row["error"]))
            yield row
    except ray.exceptions.RayError as err:
        # An exception crossing processes arrives as Ray's wrapper holding only
        # the remote traceback's text (the original object is not chained), so
        # a user-facing error raised where rows could not carry it (an actor's
        # constructor) is recovered from that text.
        found = re.search(r"SynopsisError: (.+)", str(err))
        if found:
            raise SynopsisError(found.group(1).strip()) from None
        raise


def _guarded(produce: Callable[[], list], batch: dict, column: str) -> dict:
    """Run a stage on a batch; a SynopsisError becomes an "error" column the driver re-raises."""
    try:
        values = produce()
        errors = [""] * len(values)
    except SynopsisError as err:
        values = [""] * len(batch["index"])
        errors = [str(err)] * len(batch["index"])
    return {"index": batch["index"], column: values, "error": errors}


def _in_order(rows: Iterator[dict], first: int, count: int) -> Iterator[dict]:
    """Yield ``count`` rows by their "index" from ``first`` on, holding back those that arrive early."""
    # Ray Data may hand blocks back out of order (preserve_order is off by
    # default and costs throughput); reordering here keeps results streaming.
    waiting: dict[int, dict] = {}
    expected = first
    for row in rows:
        waiting[int(row["index"])] = row
        while expected in waiting:
            yield waiting.pop(expected)
            expected += 1
    if expected != first + count:
        raise SynopsisError(f"the ray engine returned {expected - first} of {count} results")


def _article_to_json(article: Article) -> str:
    # An analysis with nothing extracted yet: the article in the exchange format.
    return json.dumps(analysis_to_dict(ArticleAnalysis(article=article)), ensure_ascii=False)


def _story_to_json(story: Story) -> str:
    data = {"id": story.id, "title": story.title, "article_ids": list(story.article_ids)}
    return json.dumps(data, ensure_ascii=False)


def _story_from_json(text: str) -> Story:
    data = json.loads(text)
    return Story(id=data["id"], title=data["title"], article_ids=tuple(data["article_ids"]))
