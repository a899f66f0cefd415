"""The table, the machine description and the JSON file: what run.py prints and keeps."""

from __future__ import annotations

import contextlib
import json
import os
import platform
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path


@dataclass
class Row:
    metric: str
    ours: float | None
    floor: float | None = None
    limit: float | None = None  # the goal: at most this much
    on_ratio: bool = False  # the limit applies to ours / floor rather than to ours
    digits: int = 3
    ok: bool | None = None
    paired_ratio: float | None = None  # when given, the ratio to show (see startup.paired_ratio)

    @property
    def ratio(self) -> float | None:
        if self.paired_ratio is not None:
            return self.paired_ratio
        if self.ours is None or not self.floor:
            return None
        return self.ours / self.floor

    @property
    def goal(self) -> str:
        if self.limit is None:
            return ""
        return f"{'ratio ' if self.on_ratio else ''}<= {self.limit:g}"

    def judge(self) -> Row:
        value = self.ratio if self.on_ratio else self.ours
        if self.limit is not None and value is not None:
            self.ok = value <= self.limit
        return self


def table(rows: list[Row]) -> str:
    def fmt(value: float | None, digits: int) -> str:
        return "" if value is None else f"{value:,.{digits}f}"

    lines = [["metric", "ours", "floor", "ratio", "goal", "ok?"]]
    for row in rows:
        verdict = {True: "yes", False: "NO", None: ""}[row.ok]
        lines.append(
            [
                row.metric,
                fmt(row.ours, row.digits),
                fmt(row.floor, row.digits),
                fmt(row.ratio, 2),
                row.goal,
                verdict,
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(6)]
    out = []
    for n, line in enumerate(lines):
        cells = [line[0].ljust(widths[0])] + [
            cell.rjust(w) for cell, w in zip(line[1:], widths[1:], strict=True)
        ]
        out.append(" | ".join(cells))
        if n == 0:
            out.append("-+-".join("-" * w for w in widths))
    return "\n".join(out)


def machine() -> dict[str, object]:
    """What the figures came from. No host names or paths: this goes into the repository."""
    cpu = _first_value(Path("/proc/cpuinfo"), "model name") or platform.processor() or "unknown"
    mem_kib = _first_value(Path("/proc/meminfo"), "MemTotal")
    os_name = _first_value(Path("/etc/os-release"), "PRETTY_NAME", sep="=") or platform.platform()
    versions = {}
    for package in ("PySide6-Essentials", "PySide6", "numpy", "tinydb", "pyinstaller"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[package] = metadata.version(package)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(int(mem_kib.split()[0]) / 2**20, 1) if mem_kib else None,
        "os": os_name.strip('"'),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "packages": versions,
    }


def _first_value(path: Path, key: str, sep: str = ":") -> str | None:
    try:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            name, found, value = line.partition(sep)
            if found and name.strip() == key:
                return value.strip()
    except OSError:
        pass
    return None


def write_json(path: Path, rows: list[Row], details: dict[str, object], command: str) -> None:
    payload = {
        "command": command,
        "machine": machine(),
        "rows": [{**asdict(row), "ratio": row.ratio, "goal": row.goal} for row in rows],
        "details": details,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")  # written whole, then renamed: never half a file
    temp.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    os.replace(temp, path)
