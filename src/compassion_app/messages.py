"""The words the app says to people, in one place.

Kept together so they can be read side by side for kindness and plain language (and, one day,
translated). Invite, never command; no shaming, no guilt, no nagging. Every module that shows or
prints a sentence to a person takes it from here; logs are for developers and stay where they are.
No imports: the core, the store, the audio engine and the screens can all use it cheaply.
"""

from __future__ import annotations
