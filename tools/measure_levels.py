"""Measure every bundled practice's loudness and set its `level_db`, so all sound alike.

Each practice is rendered at its usual length with the default volumes, exactly as the app plays
it, and its integrated loudness measured (ITU-R BS.1770, tests/helpers/loudness.py). `level_db`
in each script is then set so that every practice lands on the quietest of them: a talk that is
all words is lowered to the level of a breathing practice with few. Only ever lowered, so a
practice never comes closer to the mixer's limiter than it was designed to. Run it after the voice
clips or the scripts change (tests/unit/audio/test_practice_loudness.py checks the result):

    .venv/bin/python tools/measure_levels.py          # measure, then write level_db
    .venv/bin/python tools/measure_levels.py --check  # only report
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "helpers"))

from loudness import integrated_loudness  # noqa: E402

from compassion_app.audio.clips import VoiceClips  # noqa: E402
from compassion_app.audio.mixer import Mixer  # noqa: E402
from compassion_app.core.scripts import ExerciseScript, load_script  # noqa: E402
from compassion_app.core.timeline import SAMPLE_RATE, build_timeline  # noqa: E402

SCRIPTS = ROOT / "assets" / "scripts"
CLIPS = VoiceClips(ROOT / "assets" / "audio" / "voice", SAMPLE_RATE)


def practice_loudness(script: ExerciseScript) -> float:
    """LUFS of the practice at its usual length, as the app plays it by default."""
    timeline = build_timeline(script, script.default_minutes, SAMPLE_RATE, CLIPS.seconds)
    return integrated_loudness(Mixer(timeline, CLIPS).render_all(), SAMPLE_RATE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="measure and report only")
    args = parser.parse_args(argv)
    paths = sorted(SCRIPTS.glob("*.toml"))
    scripts = {path: load_script(path) for path in paths}
    bare = {path: practice_loudness(replace(s, level_db=0.0)) for path, s in scripts.items()}
    target = min(bare.values())
    print(f"target {target:.2f} LUFS (the quietest)")
    for path, loudness in bare.items():
        level = round(target - loudness, 1) + 0.0  # never "-0.0"
        print(f"{path.stem:28} {loudness:7.2f} LUFS  level_db {level:+.1f}")
        if not args.check:
            _write_level(path, level)
    return 0


def _write_level(path: Path, level: float) -> None:
    text = path.read_text(encoding="utf-8")
    line = f"level_db = {level}"
    if re.search(r"^level_db = .*$", text, flags=re.MULTILINE):
        text = re.sub(r"^level_db = .*$", line, text, count=1, flags=re.MULTILINE)
    else:
        text = re.sub(r"^(default_minutes = .*)$", rf"\1\n{line}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
