from compassion_app.core.clock import PracticeClock, SleepDetector
from helpers.fakes import FakeTime


def test_the_monotonic_clock_counts_frames_and_stands_still_while_paused():
    time = FakeTime()
    clock = PracticeClock(1000, now=time)
    clock.start()
    time.now += 2.0
    assert clock.position() == 2000
    clock.pause()
    time.now += 10.0
    assert clock.position() == 2000
    clock.resume()
    time.now += 0.5
    assert clock.position() == 2500


def test_the_clock_follows_the_audio_stream_and_carries_on_without_a_jump_when_it_stops():
    time = FakeTime()
    played = [0]
    clock = PracticeClock(1000, now=time)
    clock.follow_audio(lambda: played[0])
    clock.start()
    played[0] = 4321
    time.now += 1.0  # the audio clock, not the system clock, is what counts
    assert clock.position() == 4321
    clock.leave_audio()
    assert clock.position() == 4321
    time.now += 1.0
    assert clock.position() == 5321
    assert not clock.follows_audio


def test_a_long_gap_between_looks_means_the_computer_slept():
    wall, mono = FakeTime(), FakeTime()
    detector = SleepDetector(wall=wall, monotonic=mono)
    wall.now += 0.02
    mono.now += 0.02
    assert not detector.slept()
    wall.now += 3600  # suspended: wall time ran on, the monotonic clock did not
    mono.now += 0.02
    assert detector.slept()
    assert not detector.slept()
