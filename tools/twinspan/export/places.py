"""The place of each segment in the article's structure, for people: "procedure 1 › step 2 › sub-step b".

Translators see it in PO catalogs (``#.`` comments); it is computed from the model only.
"""

from __future__ import annotations

from ..model import Article, Block, BlockKind, Step, SubStep

SEP = " › "
_BULLETS = frozenset("-*+")


def substep_name(sub: SubStep, position: int) -> str:
    """``b`` for a lettered sub-step, ``2`` for the second bullet."""
    letter = sub.label.source_letter or sub.label.translation_letter
    if letter is None or letter in _BULLETS:
        return str(position)
    return letter


def block_name(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        return f"heading {block.level}"
    if block.kind is BlockKind.NOTE:
        return (block.note or "note").lower()  # note, tip, important, warning, caution
    if block.kind is BlockKind.PARAGRAPH and block.depth > 0:
        return "list item"
    return block.kind.value


def segment_places(article: Article) -> dict[int, str]:
    """Segment index → its place. Segments outside every block (front matter in spans) are absent."""
    places: dict[int, str] = {}
    for block in article.blocks:
        for i in block.segments:
            places[i] = block_name(block)
    for i in article.title_segments:
        places[i] = "title"
    for p, proc in enumerate(article.procedures, 1):
        head = f"procedure {p}"
        for i in proc.title_segments:
            places[i] = head + SEP + "heading"
        for step in proc.steps:
            _step_places(places, head + SEP + f"step {step.number}", step)
    return places


def _step_places(places: dict[int, str], here: str, step: Step) -> None:
    for block in step.blocks:  # everything in the item first; the finer places below win
        for i in block.segments:
            places[i] = here + SEP + block_name(block)
    for i in step.segments:
        places[i] = here
    for note in step.notes:
        for i in note.segments:
            places[i] = here + SEP + block_name(note)
    for k, sub in enumerate(step.substeps, 1):
        name = here + SEP + f"sub-step {substep_name(sub, k)}"
        if sub.label.segment is not None:
            places[sub.label.segment] = name + " (label)"
        for i in sub.segments:
            places[i] = name
