"""The collector under load: accepted submissions a second, latency, and nothing lost.

    python benchmarks/collector_load.py                       # 20,000 submissions, 100 clients, 2 workers
    python benchmarks/collector_load.py --submissions 50000 --workers 4

Starts `kbgen collect --workers N --rate-limit 0` on 127.0.0.1 (the rate limit is per client
address, and every simulated client here comes from the same address), then:

1. baseline: the same number of requests to GET /healthz, the same stack writing nothing;
2. load: that many valid feedback submissions (JSON, each with its own submission id) from
   the same number of concurrent keep-alive clients.

It reports requests/s and p50/p99 latency of both and their ratio, and then checks the files:
exactly one record per acknowledged submission, none duplicated, no torn line.
Targets (issue #7): >= 1,500 accepted submissions/s and p99 < 100 ms with 2 workers.
The client is a small asyncio HTTP/1.1 client rather than an HTTP library, so that on a 2-core
machine shared with the server it spends as little CPU as it can.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(data_dir: Path, port: int, workers: int) -> subprocess.Popen:
    kbgen = Path(sys.executable).with_name("kbgen")
    process = subprocess.Popen(
        [str(kbgen), "collect", "--data-dir", str(data_dir), "--port", str(port), "--workers", str(workers), "--rate-limit", "0"],
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if b" 200 " in sock.recv(100):
                    time.sleep(1.0)  # let every worker finish starting
                    return process
        except OSError:
            time.sleep(0.1)
    os.killpg(process.pid, signal.SIGKILL)
    sys.exit("kbgen collect did not start")


def request(method: str, path: str, body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


async def client(port: int, requests: list[bytes], latencies: list[float], answers: list[int]) -> None:
    """Send requests one after another on one keep-alive connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for data in requests:
        start = time.perf_counter()
        writer.write(data)
        status_line = await reader.readline()
        length = 0
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await reader.readexactly(length)
        latencies.append(time.perf_counter() - start)
        answers.append(int(status_line.split()[1]))
    writer.close()


async def run_load(port: int, per_client: list[list[bytes]]) -> tuple[float, list[float], list[int]]:
    latencies: list[float] = []
    answers: list[int] = []
    start = time.perf_counter()
    await asyncio.gather(*(client(port, requests, latencies, answers) for requests in per_client))
    return time.perf_counter() - start, latencies, answers


def describe(name: str, seconds: float, latencies: list[float]) -> tuple[float, float, float]:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[int(0.99 * (len(ordered) - 1))] * 1000
    rate = len(latencies) / seconds
    print(f"{name:>9}: {len(latencies)} requests in {seconds:.1f} s: {rate:,.0f}/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    return rate, p50, p99


def check_files(data_dir: Path, expected: set[str]) -> None:
    ids, torn = [], 0
    for path in sorted(data_dir.glob("*.jsonl")):
        data = path.read_bytes()
        if data and not data.endswith(b"\n"):
            torn += 1
        ids += [json.loads(line)["submission"] for line in data.splitlines() if line.strip()]
    print(f"    files: {len(list(data_dir.glob('*.jsonl')))}, records {len(ids)}, distinct {len(set(ids))}, torn lines {torn}")
    ok = len(ids) == len(expected) and set(ids) == expected and torn == 0
    print("    on disk: exactly the acknowledged submissions" if ok else "    on disk: MISMATCH")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--submissions", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    per = args.submissions // args.clients
    with tempfile.TemporaryDirectory() as work:
        data_dir = Path(work) / "feedback"
        port = free_port()
        process = start(data_dir, port, args.workers)
        try:
            baseline = [[request("GET", "/healthz")] * per for _ in range(args.clients)]
            seconds, latencies, answers = asyncio.run(run_load(port, baseline))
            base_rate, _, base_p99 = describe("baseline", seconds, latencies)
            submissions = [
                [
                    request("POST", "/v1/feedback", json.dumps(
                        {"v": 1, "page": f"/articles/a-{n % 300}/", "helpful": n % 3 != 0, "lang": "en", "submission": f"load-{c}-{n}"}
                    ).encode())
                    for n in range(per)
                ]
                for c in range(args.clients)
            ]
            seconds, latencies, answers = asyncio.run(run_load(port, submissions))
            rate, _, p99 = describe("submit", seconds, latencies)
            accepted = sum(1 for a in answers if a == 202)
            print(f"    accepted {accepted} of {len(answers)}; {rate / base_rate:.2f}x the baseline's rate, "
                  f"p99 {p99 / base_p99:.1f}x the baseline's")
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        check_files(data_dir, {f"load-{c}-{n}" for c in range(args.clients) for n in range(per)})
    print("targets: >= 1,500 accepted submissions/s, p99 < 100 ms (2 workers)")


if __name__ == "__main__":
    main()
