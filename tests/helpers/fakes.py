"""Small stand-ins for tests of other things (never for the thing under test)."""


class FakeTime:
    """A clock the test moves by hand: a 10-minute practice takes no real minutes."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now
