"""Pairing quotation marks: plain tables of real French typography."""
from __future__ import annotations

import pytest

from quotecli.document import paragraphs
from quotecli.quotes import find_quotations


def quoted(text: str) -> list[list[str]]:
    qs, _ = find_quotations(text, paragraphs(text))
    return [[text[p.start : p.end] for p in q.pieces] for q in qs]


def flags(text: str) -> list[tuple[str, ...]]:
    qs, _ = find_quotations(text, paragraphs(text))
    return [q.flags for q in qs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French guillemets with no space, a plain space, U+00A0 and U+202F inside.
        ("«Je n'attends rien de spécial», a-t-il lancé.", [["Je n'attends rien de spécial"]]),
        ("« Il y a une grande escalade », a-t-il dit.", [["Il y a une grande escalade"]]),
        ("«\u00a0Rien\u00a0», dit-il.", [["Rien"]]),
        ("«\u202fRien\u202f», dit-il.", [["Rien"]]),
        # English curly quotes and straight quotes.
        ("“Cela relativise tout ça”, a-t-il dit.", [["Cela relativise tout ça"]]),
        ('Il a parlé de "gourou de la majorité" hier.', [["gourou de la majorité"]]),
        # Nested marks stay inside the top-level quotation.
        ("« Il a dit “non” hier », raconte-t-elle.", [["Il a dit “non” hier"]]),
        ("« Le texte dit 'a little bourgeoise girl' ... c'est tout », a corrigé M. Le Pen.",
         [["Le texte dit 'a little bourgeoise girl' ... c'est tout"]]),
        # Two quotations in one sentence.
        ("«A», a-t-il dit, «B».", [["A"], ["B"]]),
        # A quotation continued over paragraphs: one quotation, one piece each.
        ("« Premier paragraphe.\n\n« Second paragraphe. »", [["Premier paragraphe.", "Second paragraphe."]]),
        # The older style opens the next paragraph with ».
        ("« Premier paragraphe.\n» Second paragraphe. »", [["Premier paragraphe.", "Second paragraphe."]]),
        # Nothing quoted.
        ("Aucune citation ici.", []),
        ("Un «» vide.", []),
    ],
)
def test_pairs(text: str, expected: list[list[str]]) -> None:
    assert quoted(text) == expected


def test_stray_closer_is_reported_and_the_rest_is_read() -> None:
    # The seed's `humanitaire»` closes nothing.
    text = "a rappelé les «exigences» de la France et l'aide humanitaire». « Il y a une grande escalade », a-t-il dit."
    qs, stray = find_quotations(text, paragraphs(text))
    assert [text[q.pieces[0].start : q.pieces[0].end] for q in qs] == ["exigences", "Il y a une grande escalade"]
    assert [text[p] for p in stray] == ["»"]
    assert text.index("humanitaire»") + len("humanitaire") in stray


def test_unclosed_quotation_runs_to_paragraph_end_and_is_flagged() -> None:
    text = "Il a dit « rien du tout.\n\nUn autre paragraphe, « complet »."
    assert quoted(text) == [["rien du tout."], ["complet"]]
    assert "unclosed" in flags(text)[0]
    assert flags(text)[1] == ()


def test_unclosed_inner_mark_is_flagged_on_its_quotation() -> None:
    text = 'SUD a relevé que « "ce n\'est que très tardivement que l\'enquête a commencé ».'
    assert quoted(text) == [['"ce n\'est que très tardivement que l\'enquête a commencé']]
    assert "unbalanced_marks" in flags(text)[0]


def test_continued_quotation_is_flagged_continued() -> None:
    assert "continued" in flags("« Un.\n« Deux. »")[0]


def test_a_million_openers_is_read_in_one_pass() -> None:
    text = "«" * 100_000
    qs, _ = find_quotations(text, paragraphs(text))
    assert len(qs) <= 1
