"""The local store: practices, letters, rest days and settings in small TinyDB files.

Use `compassion_app.store.db.Store`; the other modules are its parts (see docs/data-format.md for
what is on disk). No Qt anywhere in here.
"""
