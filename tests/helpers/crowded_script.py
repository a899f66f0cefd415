"""A script that reads well but cannot be laid out: its words take longer than its one minute.

Only laying it out says so (line 10: the second cue runs into the first), which is what the tests
of reading scripts now and laying them out later need.
"""

CROWDED = (
    'id = "crowded"\ntitle = "Crowded"\nkind = "breathing"\nsummary = "Too many words."\n'
    "minutes = [1]\n"
    '[[cue]]\nat = "start"\noffset = 5\ntext = "One two three four five six seven."\n'
    '[[cue]]\nat = "start"\noffset = 6\ntext = "Eight nine ten."\n'
)
