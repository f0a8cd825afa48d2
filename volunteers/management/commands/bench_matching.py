"""Run the full nightly matching on the current data and print how long each part took."""

import os
import resource
import sys

from django.core.management.base import BaseCommand

from volunteers.matching import match


def peak_memory_mib() -> float:
    """This process's peak resident memory (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class Command(BaseCommand):
    help = (
        "Benchmark the nightly volunteer matching on the current database (it writes the "
        "suggestions that changed, as the nightly job does). Fill it first with seed_scale."
    )

    def handle(self, *args, **options):
        run = match()
        seconds = run.seconds
        rate = run.volunteers / seconds["total"] if seconds["total"] else 0.0
        lines = [
            f"volunteers:            {run.volunteers}",
            f"open tasks:            {run.tasks}",
            f"pairs scored:          {run.pairs}",
            f"suggestions stored:    {run.suggestions}",
            f"rows written:          {run.written.rows} ({run.written.inserted} new, "
            f"{run.written.updated} changed, {run.written.deleted} gone)",
            f"load:                  {seconds['load']:.2f} s",
            f"score:                 {seconds['score']:.2f} s",
            f"write:                 {seconds['write']:.2f} s",
            f"total:                 {seconds['total']:.2f} s",
            f"volunteers per second: {rate:,.0f}",
            f"peak memory:           {peak_memory_mib():.0f} MiB",
            f"load average:          {os.getloadavg()[0]:.2f}",
        ]
        self.stdout.write("\n".join(lines))
