"""Load on the web app: requests/s and latency percentiles of the story page and the story JSON.

    python bench/server_load.py news.db [--clients 50] [--seconds 10] [--tool wrk|python]
    python bench/server_load.py ../shared/corpus/istanbul-2025      # ingests into a temporary store first

The load comes from wrk (Debian package `wrk`) when it is installed: written in C,
it leaves the second core to the server, where a Python client would spend
several times the server's CPU per request and measure itself.

Starts `synopsis serve` in a subprocess on a free loopback port, computes the
biggest story's report once (as the first visitor would), then runs a bounded
closed-loop load: each of the clients sends its next request as soon as the
last one is answered, alternating the story page and the story JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

# wrk reports latency in microseconds; this script prints what the table needs.
WRK_REPORT = """
wrk.headers["Accept-Encoding"] = "gzip"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("SYNOPSIS %d %d %.3f %.3f %.3f %d\\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_db(target: Path, workdir: Path) -> Path:
    """The store to serve: the given file, or a temporary one ingesting the given folder."""
    if target.is_file():
        return target
    db = workdir / "bench.db"
    subprocess.run([sys.executable, "-m", "synopsis.cli.main", "ingest", str(target), "--db", str(db), "-q"], check=True)
    return db


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), to compare runs on a shared, busy machine."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


async def run_load(base: str, paths: list[str], clients: int, seconds: float, gzip: bool = True) -> dict[str, list[float]]:
    """Closed-loop load for a fixed time; returns latencies (ms) per path, errors under 'errors'."""
    latencies: dict[str, list[float]] = {path: [] for path in paths}
    latencies["errors"] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {} if gzip else {"Accept-Encoding": "identity"}
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30, headers=headers) as client:
        deadline = time.perf_counter() + seconds

        async def worker(index: int) -> None:
            turn = index
            while time.perf_counter() < deadline:
                path = paths[turn % len(paths)]
                turn += 1
                start = time.perf_counter()
                try:
                    response = await client.get(path)
                    await response.aread()
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - start) * 1000
                (latencies[path] if ok else latencies["errors"]).append(elapsed)

        await asyncio.gather(*(worker(i) for i in range(clients)))
    return latencies


def run_wrk(base: str, path: str, clients: int, seconds: float) -> tuple[int, float, float, float, float, int]:
    """One wrk run on one path: requests, wall seconds, p50, p95, p99 (ms), errors."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
    try:
        out = subprocess.run(
            ["wrk", "-t1", f"-c{clients}", f"-d{max(1, int(seconds))}s", "-s", script.name, base + path],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    line = next(l for l in out.splitlines() if l.startswith("SYNOPSIS "))
    requests, duration, p50, p95, p99, errors = line.split()[1:]
    return int(requests), int(duration) / 1e6, float(p50), float(p95), float(p99), int(errors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="a synopsis SQLite store, or a folder of articles to ingest first")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--no-gzip", action="store_true", help="ask for uncompressed responses (python tool)")
    parser.add_argument(
        "--tool", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python",
        help="load generator (default: wrk when installed)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = prepare_db(args.target, Path(tmp))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "synopsis.cli.main", "serve", "--db", str(db), "--port", str(port)],
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    stories = httpx.get(f"{base}/api/stories", timeout=600).json()["stories"]
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("server did not start")
                    time.sleep(0.2)
            if not stories:
                raise SystemExit("no stories in the store")
            story = max(stories, key=lambda s: len(s["articles"]))
            paths = [f"/stories/{story['id']}", f"/api/stories/{story['id']}"]
            started = time.perf_counter()
            for path in paths:
                httpx.get(base + path, timeout=600).raise_for_status()
            print(f"story {story['id']} ({len(story['articles'])} articles): first view computed in {time.perf_counter() - started:.1f} s")
            # The server computes every story's report in a background thread after
            # start; measure the steady state, not that start-up work.
            while any(s["counts"] is None for s in httpx.get(f"{base}/api/stories", timeout=600).json()["stories"]):
                if time.perf_counter() - started > 900:
                    raise SystemExit("reports still being computed after 15 minutes")
                time.sleep(1)
            if args.tool == "wrk":
                rows = {path: run_wrk(base, path, args.clients, args.seconds) for path in paths}
                print(f"\nwrk, {args.clients} connections per endpoint, {args.seconds:.0f} s each, loopback, keep-alive, gzip\n")
                print("| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors |")
                print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
                names = {paths[0]: "story page (HTML)", paths[1]: "story JSON"}
                for path, (count, wall, p50, p95, p99, errors) in rows.items():
                    print(f"| {names[path]} | {count} | {count / wall:.0f} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {errors} |")
                print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs after the run")
                return 1 if any(r[5] for r in rows.values()) else 0
            began = time.perf_counter()
            cpu_before = cpu_seconds(server.pid)
            client_before = time.process_time()
            latencies = asyncio.run(run_load(base, paths, args.clients, args.seconds, gzip=not args.no_gzip))
            wall = time.perf_counter() - began
            cpu_after = cpu_seconds(server.pid)
            client_cpu = time.process_time() - client_before
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"\n{args.clients} concurrent clients, {wall:.1f} s, loopback, keep-alive\n")
    print("| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    names = {paths[0]: "story page (HTML)", paths[1]: "story JSON"}
    for path in paths:
        values = latencies[path]
        if not values:
            print(f"| {names[path]} | 0 | 0 | - | - | - |")
            continue
        print(
            f"| {names[path]} | {len(values)} | {len(values) / wall:.0f} | {statistics.median(values):.1f} | "
            f"{percentile(values, 95):.1f} | {percentile(values, 99):.1f} |"
        )
    total = sum(len(latencies[p]) for p in paths)
    if cpu_before is not None and cpu_after is not None and total:
        print(f"\nserver CPU per request: {(cpu_after - cpu_before) * 1000 / total:.2f} ms "
              f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs during the run)")
        print(f"load client CPU per request: {client_cpu * 1000 / total:.2f} ms (the client shares the machine)")
    print(f"errors: {len(latencies['errors'])}")
    return 1 if latencies["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
