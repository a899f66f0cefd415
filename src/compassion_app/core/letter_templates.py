"""The ways into a compassionate letter, each with its quiet steps, in our own words.

A template never writes the letter: it offers an opening line to start from (which the person can
change or delete) and a few prompts shown beside the editor. The steps follow the practice
described in CFT: connect with warmth, say why you are writing and name the difficulty, validate
the struggle, remember what is not your fault, then wisdom and encouragement for a next step.
A blank letter is always possible and has no prompts at all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LetterTemplate:
    template_id: str
    title: str  # what the person picks from
    summary: str  # one sentence on who is writing to whom
    opening: str  # the first words placed in the editor; theirs to change
    prompts: tuple[str, ...]  # the steps, shown quietly beside the editor, in order


# Each has the same five steps (connect, name, validate, not your fault, a next step), phrased
# for who is writing to whom.
TEMPLATES: tuple[LetterTemplate, ...] = (
    LetterTemplate(
        template_id="compassionate-self",
        title="From your compassionate self",
        summary="Write as the calm, wise and warm part of you, to the part of you that is hurting.",
        opening="Dear me,\n\n",
        prompts=(
            "Take a few slow breaths first, and let your face soften. Imagine the kindest, "
            "wisest version of you picking up the pen.",
            "Begin with “Dear …” and gently name what has been hard lately, as plainly as you can.",
            "Let the part of you that is struggling know that its feelings make sense. Anyone "
            "carrying this would feel something like it.",
            "Remember what is not your fault: a mind built to look for danger, old lessons "
            "learned early, things that happened around you.",
            "Offer some wisdom and encouragement. What small, kind step might help next? "
            "There is no need to fix everything.",
        ),
    ),
    LetterTemplate(
        template_id="compassionate-other",
        title="From your ideal compassionate other",
        summary="Let a being of perfect warmth, wisdom and strength write to you.",
        opening="Dear one,\n\n",
        prompts=(
            "Picture your compassionate other: any form at all. It knows you, wants the best for "
            "you, and meets you without judgement.",
            "Let it begin with “Dear …” and name what you are going through, the way it sees it.",
            "Let it tell you why your feelings are understandable. How does its voice sound?",
            "Let it remind you of what is not your fault. It sees the whole story, not only the "
            "hard moments.",
            "What encouragement does it offer for the days ahead? What does it hope for you?",
        ),
    ),
    LetterTemplate(
        template_id="to-the-critic",
        title="To your inner critic, with understanding",
        summary="Write to the critical voice kindly, seeing what it is trying to protect.",
        opening="Dear critic,\n\n",
        prompts=(
            "Settle into a slow breath. You are writing from steadiness, not to win an argument.",
            "Begin with “Dear …” and describe what the critic often says, and when it gets loud.",
            "Acknowledge what it may be afraid of. Critics often grow from a wish to keep us safe.",
            "Notice what is not its fault or yours: it learned this way of protecting long ago.",
            "Tell it, gently and firmly, what you would find more helpful now, and what you will "
            "try instead.",
        ),
    ),
    LetterTemplate(
        template_id="to-a-friend",
        title="As you would write to a friend",
        summary="Write to yourself the way you would write to a dear friend in your place.",
        opening="Dear friend,\n\n",
        prompts=(
            "Think of someone you care about going through exactly what you are going through.",
            "Begin with “Dear …” and name their difficulty with all the warmth you feel for them.",
            "Tell them that their feelings make sense. What would you want them to hear first?",
            "Remind them of what is not their fault, the way a good friend would.",
            "Offer encouragement and one small next step, with patience for how long things take.",
        ),
    ),
)


def template(template_id: str | None) -> LetterTemplate | None:
    """The template with this id; None for a blank letter or an id this version does not know."""
    return next((each for each in TEMPLATES if each.template_id == template_id), None)
