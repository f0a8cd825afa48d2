"""The deployed stack's step timings in the terminal summary, and its logs on failure."""

import pytest

from tests.deploy.stack import PROCESSES, TIMINGS


def pytest_terminal_summary(terminalreporter, config):
    timings = config.stash.get(TIMINGS, [])
    if timings:
        terminalreporter.section("deployed stack: steps and timings")
        for label, seconds in timings:
            terminalreporter.write_line(f"{seconds:7.2f} s  {label}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    processes = item.stash.get(PROCESSES, None)
    if report.failed and processes is not None and processes.running:
        report.sections.append(("stack process logs", processes.tails()))
    return report
