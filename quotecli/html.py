"""An annotated document as one self-contained HTML page, for sharing.

The page draws the layout of `annotate.layout()` the way `quotecli show` does
in a terminal: quotes coloured by type and numbered, speakers and cues
underlined, each paragraph's records in a margin note. Everything is inline
(CSS, no script, no font or image to fetch) and every string from the text is
escaped. Pure: returns the page as a string.
"""
from __future__ import annotations

from collections.abc import Iterable
from html import escape

from quotecli import annotate
from quotecli.annotate import Kind

CSS = """
:root { --direct: #fff0a0; --direct-ink: #8a6d00; --mixed: #f6e0f8; --mixed-ink: #8e3a97;
  --verbatim: #e9b9ef; --indirect: #d6eff8; --indirect-ink: #1b6f8a; --speaker: #1a7f37;
  --cue: #0550ae; --flag: #cf222e; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.6 Georgia, "DejaVu Serif", serif; color: #1f2328; background: #fff; }
header, main, footer { max-width: 76rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.2rem; border-bottom: 1px solid #d0d7de; }
h1 { font: 600 1.2rem/1.3 system-ui, sans-serif; margin: 0 0 .3rem; overflow-wrap: anywhere; }
.summary, .key, footer, .notes { font: .85rem/1.45 system-ui, sans-serif; }
.summary { margin: 0 0 .4rem; }
.key { color: var(--muted); margin: 0 0 1rem; }
.key > span { margin-right: .9em; }
.para { display: grid; grid-template-columns: minmax(0, 3fr) minmax(15rem, 1.4fr); gap: 0 2.2rem;
  padding: .7rem 0; border-bottom: 1px solid #f0f2f4; }
.text { margin: 0; white-space: pre-wrap; overflow-wrap: break-word; }
.notes { margin: 0; padding: .2rem 0 0; list-style: none; color: var(--muted); }
.notes li { margin: 0 0 .45rem; padding-left: 2.3em; text-indent: -2.3em; }
.notes b { color: #1f2328; }
.explain { display: block; text-indent: 0; font-family: ui-monospace, monospace; font-size: .78rem; }
.q-direct { background: var(--direct); }
.q-mixed { background: var(--mixed); }
.q-indirect { background: var(--indirect); }
.verbatim { background: var(--verbatim); font-weight: 600; }
.speaker { color: var(--speaker); font-weight: 700; border-bottom: 2px solid var(--speaker); }
.cue { color: var(--cue); text-decoration: underline dotted 2px; text-underline-offset: 3px; }
.flagged { outline: 1px dashed var(--flag); outline-offset: 1px; }
sup { font: 700 .68rem system-ui, sans-serif; line-height: 0; }
sup.speaker-n { color: var(--speaker); }
sup.cue-n { color: var(--cue); }
.badge { display: inline-block; min-width: 1.5em; padding: 0 .3em; margin-right: .15em; border-radius: .6em;
  font: 700 .72rem/1.45 system-ui, sans-serif; text-align: center; text-indent: 0; color: #fff;
  text-decoration: none; vertical-align: .12em; }
.badge.direct { background: var(--direct-ink); }
.badge.mixed { background: var(--mixed-ink); }
.badge.indirect { background: var(--indirect-ink); }
.badge.flag { background: var(--flag); }
.no-speaker, .flag-text { color: var(--flag); font-weight: 600; }
footer { color: var(--muted); padding: 1rem 1.5rem 2rem; }
@media (max-width: 48rem) { .para { grid-template-columns: minmax(0, 1fr); } }
@media print { .para { break-inside: avoid; } }
"""


def page(doc: annotate.Annotated, explain: bool = False) -> str:
    """The whole page: a header with the figures and the key, then each paragraph beside its notes."""
    title = doc.doc_id if doc.doc_id is not None else "(text)"
    body = "\n".join(_paragraph(doc.text, p, explain) for p in doc.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · quotecli</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{escape(title)}</h1>
<p class="summary">{escape(annotate.summary(doc))}</p>
<p class="key">{_KEY}</p>
</header>
<main>
{body}
</main>
<footer>Quotations found by quotecli. Numbers tie each quote to its speaker and cue; the notes give the speaker as resolved.</footer>
</body>
</html>
"""


_KEY = (
    '<span><span class="q-direct">direct</span></span>'
    '<span><span class="q-mixed">mixed <span class="verbatim">«verbatim»</span></span></span>'
    '<span><span class="q-indirect">indirect</span></span>'
    '<span><span class="speaker">speaker</span><sup class="speaker-n">n</sup></span>'
    '<span><span class="cue">cue</span><sup class="cue-n">n</sup></span>'
    '<span><span class="badge flag">n!</span> flagged or no speaker</span>'
)


def _paragraph(text: str, paragraph: annotate.Paragraph, explain: bool) -> str:
    """One paragraph as a `<section>`: its text with runs and badges, and its notes."""
    parts = []
    for piece in paragraph.pieces:
        if isinstance(piece, annotate.Run):
            parts.append(_run(text[piece.start : piece.end], piece.marks))
        else:
            parts.append(_tag(piece))
    notes = "".join(_note(note, explain) for note in paragraph.notes)
    aside = f'<ol class="notes">{notes}</ol>' if notes else '<div class="notes"></div>'
    return f'<section class="para"><p class="text">{"".join(parts)}</p>{aside}</section>'


def _run(text: str, marks: Iterable[annotate.Mark]) -> str:
    """Text under marks: one `<span>` whose classes are the marks (or bare escaped text)."""
    classes: list[str] = []
    numbers: list[int] = []
    for mark in marks:
        if mark.kind is Kind.QUOTE:
            classes.append(f"q-{mark.type}")
            numbers += mark.numbers
            if mark.flagged:
                classes.append("flagged")
        else:
            classes.append(mark.kind.value)
    if not classes:
        return escape(text)
    title = f' title="{escape("quote " + ", ".join(map(str, numbers)))}"' if numbers else ""
    return f'<span class="{" ".join(dict.fromkeys(classes))}"{title}>{escape(text)}</span>'


def _tag(tag: annotate.Tag) -> str:
    """A badge linking to the note where a quote opens; superscript numbers after a speaker or cue."""
    mark = tag.mark
    label = ",".join(map(str, mark.numbers))
    if mark.kind is Kind.QUOTE and tag.opening:
        kind = "flag" if mark.flagged else mark.type
        mark_label = label + ("!" if mark.flagged else "")
        return f'<a class="badge {kind}" href="#n{mark.numbers[0]}">{escape(mark_label)}</a>'
    if mark.kind in (Kind.SPEAKER, Kind.CUE) and not tag.opening and not tag.echo:
        return f'<sup class="{mark.kind.value}-n">{escape(label)}</sup>'
    return ""


def _note(note: annotate.Note, explain: bool) -> str:
    """One record's note: type, speaker (← mention), cue, flags; with `explain` its rule and resolution."""
    row = note.row
    kind = "flag" if note.flags else row["type"]
    out = [f'<li id="n{note.number}"><span class="badge {kind}">{note.number}{"!" if note.flags else ""}</span> ']
    out.append(f"{escape(row['type'])} · ")
    if row["speaker"] is not None:
        out.append(f"<b>{escape(row['speaker'])}</b>")
        if row["speaker_mention"] is not None and row["speaker_mention"] != row["speaker"]:
            out.append(f" ← {escape(row['speaker_mention'])}")
    elif row["speaker_mention"] is not None:
        out.append(f"{escape(row['speaker_mention'])} (unresolved)")
    else:
        out.append('<span class="no-speaker">no speaker</span>')
    if note.role is not None:
        out.append(f", {escape(note.role)}")
    if row["cue"] is not None:
        out.append(f' · cue: <span class="cue">{escape(row["cue_lemma"] or row["cue"])}</span>')
    for flag in note.remarks:
        out.append(f' <span class="flag-text">! {escape(flag.replace("_", " "))}</span>')
    if explain:
        resolved = row["speaker_resolved_by"] if row["speaker_resolved_by"] is not None else "?"
        out.append(f'<span class="explain">rule: {escape(row["rule"])} · resolved by: {escape(resolved)}</span>')
    return "".join(out) + "</li>"
