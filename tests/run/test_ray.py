"""The Ray Data engine gives exactly what the local engine gives: same analyses, same stories, same reports."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from synopsis.jobs import analyze_inputs, analyze_with_engine, load_articles, unique_articles
from synopsis.records import SynopsisError
from synopsis.report.article_json import analyses_to_json, analysis_to_dict
from synopsis.run import ray as ray_engine

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "harbor-bridge"


def _json(analyses) -> dict:
    data = analyses_to_json(analyses)
    data.pop("generator")
    return data


@pytest.fixture(scope="session")
def local_ray():
    """A small local Ray instance for the whole session, always shut down (a killed driver leaves workers)."""
    import ray

    ray.init(
        num_cpus=2,
        object_store_memory=256 * 1024 * 1024,
        include_dashboard=False,
        log_to_driver=False,
    )
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.fixture(scope="session")
def articles(reference_corpus):
    """The reference corpus and two harbor-bridge reports: two unrelated events, read in place."""
    found, errors = load_articles(
        [str(reference_corpus), str(EXAMPLES / "vellan-courier.html"), str(EXAMPLES / "corvan-wire.txt")]
    )
    assert not errors
    found, _ = unique_articles(found)
    assert len(found) == 7
    return found


@pytest.fixture(scope="session")
def local_analyses(articles):
    return list(analyze_with_engine(articles, "local", workers=1))


@pytest.fixture(scope="session")
def ray_analyses(local_ray, articles):
    return list(ray_engine.analyze_with_ray(articles, actors=2))


def test_ray_analyses_equal_local(local_analyses, ray_analyses, articles):
    assert [a.article.id for a in ray_analyses] == [a.id for a in articles]
    for got, want in zip(ray_analyses, local_analyses):
        assert analysis_to_dict(got) == analysis_to_dict(want), got.article.source
    assert _json(ray_analyses) == _json(local_analyses)
    assert ray_analyses == local_analyses


def test_ray_keeps_input_order_with_many_small_batches(local_ray, articles, local_analyses, monkeypatch):
    # One article per block and per actor call: blocks finish out of order.
    monkeypatch.setattr(ray_engine, "ARTICLES_PER_BATCH", 1)
    monkeypatch.setattr(ray_engine, "ARTICLES_PER_WINDOW", 4)
    reversed_articles = list(reversed(articles))
    got = list(ray_engine.analyze_with_ray(reversed_articles, actors=2))
    assert [a.article.id for a in got] == [a.id for a in reversed_articles]
    assert _json(got) == _json(list(reversed(local_analyses)))


def test_ray_gives_same_stories_and_reports(local_ray, local_analyses, ray_analyses):
    from synopsis.compare.story import build_reports
    from synopsis.link.stories import cluster_stories

    local_stories = cluster_stories(local_analyses)
    assert len(local_stories) >= 2  # two unrelated events stay apart
    assert cluster_stories(ray_analyses) == local_stories
    # Reports are compared on a smaller mix (still two stories) to keep the test quick.
    harbor = {a.article.id for a in local_analyses if EXAMPLES.as_posix() in a.article.source}
    others = [a for a in local_analyses if a.article.id not in harbor]
    mix = [a for a in local_analyses if a.article.id in harbor] + others[:2]
    ray_mix = [a for a in ray_analyses if a.article.id in {m.article.id for m in mix}]
    local_reports = build_reports(mix)
    assert len(local_reports) == 2
    ray_reports = ray_engine.build_reports_with_ray(ray_mix, actors=2)
    assert [r.story for r in ray_reports] == [r.story for r in local_reports]
    assert ray_reports == local_reports


def test_ray_ingest_stage_embeds_leads_as_the_local_engine(local_ray, articles, local_analyses):
    """The ingest's per-article stage on Ray: the same analyses, and the lead vectors of the local engine."""
    from synopsis.link.stories import embed_leads
    from synopsis.run.local import analyze_and_embed_locally

    pairs = list(ray_engine.analyze_and_embed_with_ray(articles, actors=2))
    assert _json([a for a, _ in pairs]) == _json(local_analyses)
    ray_vectors = np.stack([v for _, v in pairs])
    assert ray_vectors.shape == (len(articles), 384)
    np.testing.assert_allclose(ray_vectors, embed_leads(local_analyses), atol=1e-5)
    local_vectors = np.stack([v for _, v in analyze_and_embed_locally(articles, workers=1)])
    np.testing.assert_allclose(ray_vectors, local_vectors, atol=1e-5)


def test_ray_ingest_files_the_same_stories_as_local(local_ray, reference_corpus, tmp_path):
    from synopsis.jobs import ingest_inputs
    from synopsis.story_jobs import current_stories
    from synopsis.store.db import Store

    inputs = [str(reference_corpus), str(EXAMPLES / "vellan-courier.html"), str(EXAMPLES / "corvan-wire.txt")]
    grouped = {}
    for engine in ("local", "ray"):
        with Store.open(tmp_path / f"{engine}.db") as store:
            result = ingest_inputs(inputs, store, engine=engine, workers=2)
            assert result.added == 7
            grouped[engine] = sorted(sorted(s.article_ids) for s in current_stories(store))
    assert len(grouped["local"]) >= 2
    assert grouped["ray"] == grouped["local"]


def test_jobs_and_cli_run_the_ray_engine(local_ray, local_analyses, tmp_path):
    from synopsis.cli.main import cli

    inputs = [str(EXAMPLES / "vellan-courier.html"), str(EXAMPLES / "corvan-wire.txt")]
    result = analyze_inputs(inputs, engine="ray")
    assert _json(result.analyses) == _json(local_analyses[-2:])

    out = tmp_path / "ray.json"
    run = CliRunner().invoke(cli, ["extract", *inputs, "--engine", "ray", "-q", "-o", str(out)])
    assert run.exit_code == 0, run.output
    written = json.loads(out.read_text(encoding="utf-8"))
    written.pop("generator")
    assert written == _json(result.analyses)


def test_in_order_reorders_and_detects_loss():
    rows = [{"index": i, "value": i * 10} for i in range(3, 13)]
    random.Random(7).shuffle(rows)
    assert [r["value"] for r in ray_engine._in_order(iter(rows), 3, 10)] == [i * 10 for i in range(3, 13)]
    with pytest.raises(SynopsisError, match="9 of 10"):
        list(ray_engine._in_order(iter([r for r in rows if r["index"] != 12]), 3, 10))


def test_missing_ray_is_a_user_error(monkeypatch, articles):
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(SynopsisError, match=r"pip install 'synopsis\[ray\]'"):
        list(analyze_with_engine(articles[:1], "ray"))


def test_unknown_engine_is_a_user_error(articles):
    with pytest.raises(SynopsisError, match="unknown engine"):
        list(analyze_with_engine(articles[:1], "spark"))


def test_a_stage_user_error_reaches_the_driver_as_one(local_ray):
    def refuse_in_batch(batch):
        def produce():
            raise SynopsisError("article 3 is not English")

        return ray_engine._guarded(produce, batch, "analysis")

    def refuse_outright(batch):
        raise SynopsisError("spaCy model missing on this worker")

    rows = local_ray.data.from_items([{"index": i} for i in range(4)])
    with pytest.raises(SynopsisError, match="^article 3 is not English$"):
        list(ray_engine._rows(local_ray, rows.map_batches(refuse_in_batch, batch_size=2)))
    with pytest.raises(SynopsisError, match="^spaCy model missing on this worker$"):
        list(ray_engine._rows(local_ray, rows.map_batches(refuse_outright)))


def _ray_whose_init_raises(error: BaseException):
    """A stand-in for the ray module: not yet started, and ``init`` raises ``error``."""

    class Ray:
        @staticmethod
        def is_initialized():
            return False

        @staticmethod
        def init(**_):
            raise error

    return Ray


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


@pytest.mark.parametrize(
    "address, reason",
    [
        (None, "connection refused"),
        ("http://127.0.0.1:8265", "not a http url"),
        ("head-node", "expected host:port"),
    ],
)
def test_a_ray_address_that_cannot_work_is_one_error_before_ray_waits_on_it(monkeypatch, address, reason):
    address = address or f"127.0.0.1:{_closed_port()}"
    must_not_wait = AssertionError("ray.init retries an unreachable head node without end")
    monkeypatch.setattr(ray_engine, "import_ray", lambda: _ray_whose_init_raises(must_not_wait))
    with pytest.raises(SynopsisError, match=reason) as refused:
        ray_engine.start_ray(address)
    assert address in str(refused.value) and "\n" not in str(refused.value)


def test_ray_refusing_an_address_is_one_error(monkeypatch):
    without_client = ValueError("Ray Client requires pip package `ray[client]`.\nMore lines of advice")
    monkeypatch.setattr(ray_engine, "import_ray", lambda: _ray_whose_init_raises(without_client))
    monkeypatch.setattr(ray_engine, "check_reachable", lambda address: None)
    with pytest.raises(SynopsisError) as refused:
        ray_engine.start_ray("ray://head:10001")
    assert str(refused.value) == "cannot use the Ray cluster at ray://head:10001: Ray Client requires pip package `ray[client]`."


def _one_shot_server(answer: bytes) -> str:
    """host:port of a server that reads a client's first bytes, sends ``answer`` and closes."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def serve():
        with listener:
            connection, _ = listener.accept()
            with connection:
                connection.recv(64)
                connection.sendall(answer)

    threading.Thread(target=serve, daemon=True).start()
    return f"127.0.0.1:{listener.getsockname()[1]}"


def test_a_port_that_is_not_a_ray_head_is_one_error_before_ray_waits_on_it(monkeypatch):
    address = _one_shot_server(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")  # the dashboard, say
    monkeypatch.setattr(ray_engine, "import_ray", lambda: _ray_whose_init_raises(AssertionError("ray.init retries for minutes")))
    with pytest.raises(SynopsisError, match="answers, but not as a Ray head node") as refused:
        ray_engine.start_ray(address)
    assert address in str(refused.value) and "6379" in str(refused.value)


def test_a_grpc_server_passes_the_check():
    settings = bytes([0, 0, 6, 4, 0, 0, 0, 0, 0]) + bytes([0, 3, 0, 0, 0, 100])  # a SETTINGS frame, as gRPC sends
    ray_engine.check_reachable(_one_shot_server(settings))


@pytest.mark.parametrize("mode, hinted", [(None, True), ("token", False)])
def test_a_refused_connection_says_how_to_give_a_token(monkeypatch, mode, hinted):
    if mode:
        monkeypatch.setenv("RAY_AUTH_MODE", mode)
    else:
        monkeypatch.delenv("RAY_AUTH_MODE", raising=False)
    refused_by_cluster = ConnectionError("Failed to connect to Ray cluster at 10.0.0.5:6379")
    monkeypatch.setattr(ray_engine, "import_ray", lambda: _ray_whose_init_raises(refused_by_cluster))
    monkeypatch.setattr(ray_engine, "check_reachable", lambda address: None)
    with pytest.raises(SynopsisError) as refused:
        ray_engine.start_ray("10.0.0.5:6379")
    assert ("RAY_AUTH_MODE=token" in str(refused.value)) is hinted
    assert str(refused.value).startswith("cannot use the Ray cluster at 10.0.0.5:6379: Failed to connect")


def test_auto_is_checked_where_ray_would_take_it(monkeypatch):
    monkeypatch.setenv("RAY_ADDRESS", f"127.0.0.1:{_closed_port()}")
    must_not_wait = AssertionError("ray.init would wait on RAY_ADDRESS without end")
    monkeypatch.setattr(ray_engine, "import_ray", lambda: _ray_whose_init_raises(must_not_wait))
    with pytest.raises(SynopsisError, match="connection refused"):
        ray_engine.start_ray("auto")


def test_starting_ray_keeps_the_commands_sigterm_handler(monkeypatch):
    import signal

    class RayTakingSigterm:
        @staticmethod
        def is_initialized():
            return False

        @staticmethod
        def init(**_):
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(signal.SIGTERM))  # as ray.init does

    def commands_handler(*_):
        raise AssertionError("not called here")

    monkeypatch.setattr(ray_engine, "import_ray", lambda: RayTakingSigterm)
    previous = signal.signal(signal.SIGTERM, commands_handler)
    try:
        assert ray_engine.start_ray() is True
        assert signal.getsignal(signal.SIGTERM) is commands_handler
    finally:
        signal.signal(signal.SIGTERM, previous)
