"""The Qt-free core: exercises, timing, records and stats."""
