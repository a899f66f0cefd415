"""Sound: synthesis and mixing in numpy, playback through sounddevice.

This file imports nothing heavy, so screens can use the words below without loading numpy.
"""

SILENT_NOTICE = (
    "Sound is not available on this computer right now, so this practice will be silent. "
    "Everything else works as usual, and your practice will be saved."
)
