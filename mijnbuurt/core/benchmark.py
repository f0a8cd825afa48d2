"""The page benchmark's parts (``manage.py bench_pages``): which pages, and the load.

Every app may have a ``bench`` module whose ``pages()`` returns the pages worth
measuring (lists, detail pages, map layers, the pages of each role), picked from the
data in the database; they are collected in INSTALLED_APPS order, like the demo and
scale seeders. The load comes from wrk when it is installed (Debian package ``wrk``),
otherwise from a small generator of Python threads, which is slower itself and so
measures less precisely; the report says which one ran.
"""

import http.client
import re
import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from importlib import import_module
from urllib.parse import urlsplit

from django.apps import apps
from django.utils.module_loading import module_has_submodule


@dataclass(frozen=True)
class BenchPage:
    """A page to load: its path, who asks for it (a label), and whose session it uses."""

    path: str
    who: str = "anonymous"
    email: str | None = None


def bench_pages() -> list[BenchPage]:
    """The pages every app's ``bench.pages()`` names, in INSTALLED_APPS order."""
    pages: list[BenchPage] = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "bench"):
            module = import_module(f"{app_config.name}.bench")
            if hasattr(module, "pages"):
                pages.extend(module.pages())
    return pages


@dataclass(frozen=True)
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    failures: int  # non-2xx/3xx answers and socket errors


def load(
    url: str, *, headers: dict[str, str], seconds: int, connections: int, threads: int
) -> Load:
    if shutil.which("wrk"):
        return wrk_load(
            url, headers=headers, seconds=seconds, connections=connections, threads=threads
        )
    return thread_load(url, headers=headers, seconds=seconds, connections=connections)


def generator_name() -> str:
    return "wrk" if shutil.which("wrk") else "Python threads (install wrk for better figures)"


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS_MS[unit]


def parse_wrk(output: str) -> Load:
    """wrk's report (with ``--latency``) as figures."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    failures = 0
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        failures += int(found.group(1))
    if found := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        failures += sum(int(n) for n in found.groups())
    return Load(rps, p50, p99, requests, failures)


def wrk_load(
    url: str, *, headers: dict[str, str], seconds: int, connections: int, threads: int
) -> Load:
    command = ["wrk", "--latency", f"-t{threads}", f"-c{connections}", f"-d{seconds}s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    done = subprocess.run(  # noqa: S603 - wrk with our own arguments
        [*command, url], capture_output=True, text=True, timeout=seconds + 60, check=True
    )
    return parse_wrk(done.stdout)


def thread_load(url: str, *, headers: dict[str, str], seconds: int, connections: int) -> Load:
    """One keep-alive connection per thread, as many requests as it can for ``seconds``."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client():
        nonlocal failures
        mine, failed = [], 0
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", target, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            failures += failed

    workers = [threading.Thread(target=client) for _ in range(connections)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    if len(latencies) < 2:
        return Load(0.0, 0.0, 0.0, len(latencies), failures)
    cuts = statistics.quantiles(latencies, n=100)
    return Load(len(latencies) / elapsed, cuts[49], cuts[98], len(latencies), failures)
