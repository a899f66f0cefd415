"""The local store: sessions, letters and settings in a TinyDB file written atomically."""
