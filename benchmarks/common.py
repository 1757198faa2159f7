"""What the export benchmarks share: their options, a cached export, runs in fresh processes."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def options(doc: str, tickets: int) -> argparse.Namespace:
    """--tickets (default tickets), --runs and --work, with the script's docstring as help."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=tickets)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kbgen-bench")
    return parser.parse_args()


def cached_export(work: Path, name: str, tickets: int, write: Callable[[Path, int], None]) -> Path:
    """work/name, written by write(path, tickets) the first time only (writing takes a while)."""
    work.mkdir(parents=True, exist_ok=True)
    export = work / name
    if not export.exists():
        print(f"writing {export} ...", file=sys.stderr)
        write(export, tickets)
    return export


def fresh_runs(reader: str, export: Path, runs: int, describe: Callable[[dict], str]) -> list[dict]:
    """The JSON each of runs fresh Python processes running reader on export prints; each run
    is reported on stderr as describe(result)."""
    results = []
    for run in range(1, runs + 1):
        out = subprocess.run([sys.executable, "-c", reader, str(export)], capture_output=True, text=True, check=True)
        result = json.loads(out.stdout)
        results.append(result)
        print(f"run {run}: {describe(result)}", file=sys.stderr)
    return results
