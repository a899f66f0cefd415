"""Why a file could not be used, in plain words: what happened, and what the person could do.

Every message about a file or a folder that failed takes its reason from `plain_reason`, never
from the exception's own text ("[Errno 28] No space left on device: '/home/...'"), which is for
developers: that goes to the log. Only the store's "could not be saved because ..." sentences
keep their own shorter words (store/errors.py), for the same causes.
No imports beyond the standard library and the words: the core, the store and the screens use it.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from compassion_app import messages

log = logging.getLogger(__name__)

# Causes the person can do something about, each with its words in messages.py.
_CAUSES: dict[str, set[int]] = {
    messages.REASON_NO_SPACE: {errno.ENOSPC, errno.EDQUOT},
    messages.REASON_NOT_ALLOWED: {errno.EACCES, errno.EPERM},
    messages.REASON_READ_ONLY: {errno.EROFS},
    messages.REASON_MISSING: {errno.ENOENT},
    messages.REASON_NOT_A_FOLDER: {errno.ENOTDIR, errno.EEXIST},
    messages.REASON_NO_DEVICE: {
        code
        for name in ("ENODEV", "ENXIO", "EIO", "ENOMEDIUM", "ESTALE", "EHOSTDOWN", "ENOTCONN")
        if (code := getattr(errno, name, None)) is not None
    },
    messages.REASON_NAME_TOO_LONG: {errno.ENAMETOOLONG},
    messages.REASON_IS_FOLDER: {errno.EISDIR},
}
_WORDS_BY_CODE = {code: words for words, codes in _CAUSES.items() for code in codes}


def plain_reason(error: BaseException, place: Path | str | None = None) -> str:
    """One or two sentences for the person; the exception itself is written to the log.

    `place` is the file or folder the person chose or knows; without it, the file the error names.
    """
    # Info, not warning: the app's log keeps it, and the command line's words stay plain.
    log.info("%s: %s", place or "A file could not be used", system_words(error))
    shown = place or getattr(error, "filename", None) or messages.REASON_SOME_FILE
    code = error.errno if isinstance(error, OSError) else None
    return _WORDS_BY_CODE.get(code or 0, messages.REASON_UNEXPECTED).format(place=shown)


def system_words(error: BaseException) -> str:
    """The exception as the system put it: for the log, or behind a "Details" disclosure."""
    return f"{type(error).__name__}: {error}"
