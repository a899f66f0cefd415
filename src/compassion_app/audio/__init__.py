"""Sound: synthesis and mixing in numpy, playback through sounddevice."""
