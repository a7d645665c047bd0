"""The document's word index (document.Words) and the shortcuts built on it.

The engine looks words up in one shared index instead of re-reading the
text; each shortcut must keep exactly what the full patterns would find.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from quotecli import document, mentions, patterns, verbs

ROOT = Path(__file__).resolve().parent.parent
#: Constructions the seed article lacks: pronominal verbs, adverbs between
#: auxiliary and participle, multiword verbs, inversions, titles, acronyms.
VARIED = (
    "« Nous irons jusqu'au bout », s'est-elle exclamée. Mme Dupont s'est dite inquiète. "
    "Le ministre a de son côté fait savoir qu'il viendrait. « Non », confie-t-il. "
    "La CGT a notamment mis en garde contre la réforme, a-t-on appris. Jean-Luc Mélenchon "
    "s'interroge : « Pourquoi ? » Selon l'Organisation mondiale de la santé (OMS), tout va bien. "
    "Amnesty International (AI) a dénoncé « une faute », a ajouté Me Éric Dupond-Moretti, "
    "l'avocat de M. Fillon, qui a estimé que « rien n'est joué ». Conclu-t-il ainsi."
)
TEXTS = [*(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))), VARIED]


def test_words_are_the_pattern_words_with_their_offsets() -> None:
    text = "«\u00a0Oui\u00a0», a-t-il dit à l'AFP. Élysée"
    w = document.Words(text)
    assert [text[s:e] for s, e in zip(w.starts, w.ends)] == ["Oui", "a", "t", "il", "dit", "à", "l", "AFP", "Élysée"]
    assert w.lower[-1] == "élysée"


def test_ranges_and_lookups() -> None:
    text = "Le ministre a dit. Selon lui, il a dit non."
    w = document.Words(text)
    second = text.index("Selon")
    assert [w.lower[i] for i in w.between(second, len(text))] == ["selon", "lui", "il", "a", "dit", "non"]
    assert w.at(second) is not None and w.at(second + 1) is None
    assert [w.lower[i] for i in w.among(frozenset({"dit"}), 0, len(text))] == ["dit", "dit"]
    assert [w.lower[i] for i in w.among(frozenset({"dit"}), second, len(text))] == ["dit"]
    assert [w.lower[i] for i in w.capitalised(0, len(text))] == ["le", "selon"]


def test_no_words() -> None:
    w = document.Words("« … » 12, 13 !")
    assert w.starts == [] and w.between(0, 10) == range(0, 0) and w.at(0) is None
    assert w.among(frozenset({"a"}), 0, 10) == [] and w.capitalised(0, 10) == []


@pytest.mark.parametrize("text", TEXTS, ids=["seed", "varied"])
def test_the_verb_shortcut_never_hides_a_verb_group(text: str) -> None:
    """Wherever the verb-group patterns read a speech verb, the cheap test on words lets them try."""
    w = document.Words(text)
    lemmas = set()
    for i, start in enumerate(w.starts):
        vg = verbs._read(text, start, len(text))
        if vg is not None:
            lemmas.add(vg.lemma)
            assert verbs._may_start(w.lower, i), text[start : start + 40]
    if text is VARIED:
        assert {"s'exclamer", "se dire", "faire savoir", "mettre en garde", "confier", "conclure"} <= lemmas
    assert lemmas


@pytest.mark.parametrize("text", TEXTS, ids=["seed", "varied"])
def test_the_proper_name_pattern_reads_as_the_full_one(text: str) -> None:
    """At a capitalised word that opens no determiner, title or pronoun, PROPER_MENTION gives what MENTION gives."""
    w = document.Words(text)
    tried = 0
    for i in w.capitalised(0, len(text)):
        if w.lower[i] in mentions._OPENERS:
            continue
        full, proper = patterns.MENTION.match(text, w.starts[i]), patterns.PROPER_MENTION.match(text, w.starts[i])
        tried += 1
        assert (full and full.span()) == (proper and proper.span()), text[w.starts[i] : w.starts[i] + 40]
    assert tried > 0


@pytest.mark.parametrize("text", TEXTS, ids=["seed", "varied"])
def test_the_sentence_shortcut_never_hides_an_attribution(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentences the cheap word test skips give nothing when searched in full."""
    from quotecli import extract

    fast = [r.to_dict() for r in extract(text)]
    monkeypatch.setattr(verbs, "may_occur", lambda words, start, end: True)
    assert [r.to_dict() for r in extract(text)] == fast and fast


#: Capitalised function words, and words that look like them but may open a
#: name or an acronym: "DANS" (two capitals), "A. Dupont" (an initial),
#: "Selon2" (no word boundary after the word).
FUNCTION_WORDS = ("Dans la nuit, À Paris, C'est dit. Selon lui, Mais non. Et puis DANS LE TEXTE, "
                  "A. Dupont et S. Martin ; Selon2 et Pour_tous, Après-midi, «Sur» (Avec) Enfin A")


@pytest.mark.parametrize("text", [*TEXTS, FUNCTION_WORDS], ids=["seed", "varied", "function words"])
def test_no_proper_name_starts_at_a_skipped_function_word(text: str) -> None:
    """Where find_mentions skips a capitalised function word without trying a pattern, neither pattern matches."""
    w = document.Words(text)
    skipped = 0
    for i in w.capitalised(0, len(text)):
        if w.lower[i] in mentions._OPENERS or not mentions._function_word(text, w, i, len(text)):
            continue
        skipped += 1
        for pattern in (patterns.PROPER_MENTION, patterns.MENTION):
            m = pattern.match(text, w.starts[i])
            assert not m, text[w.starts[i] : w.starts[i] + 40]
    assert skipped > 0
    if text is FUNCTION_WORDS:
        kept = {w.lower[i] for i in w.capitalised(0, len(text)) if not mentions._function_word(text, w, i, len(text))}
        assert {"dans", "a", "s", "selon"} <= kept  # "DANS", "A.", "S.", "Selon2": tried


@pytest.mark.parametrize("text", TEXTS, ids=["seed", "varied"])
def test_the_branch_that_matched_is_the_last_group_closed(text: str) -> None:
    """mentions._mention reads the branch of MENTION that matched from m.lastgroup."""
    w = document.Words(text)
    branches = {"np", "partitive", "some", "titled", "pronoun"}
    seen = set()
    for start in w.starts:
        m = patterns.MENTION.match(text, start)
        if not m:
            continue
        matched = {b for b in branches if m.group(b)} or {g for g in ("acronym", "name") if m.group(g)}
        assert len(matched) == 1, text[start : start + 40]
        branch = matched.pop()
        assert m.lastgroup == ("name_acronym" if branch == "name" and m.group("name_acronym") else branch)
        seen.add(m.lastgroup)
    assert {"np", "titled", "pronoun", "name", "acronym"} <= seen


@pytest.mark.parametrize("text", TEXTS, ids=["seed", "varied"])
def test_the_candidates_are_the_words_a_mention_can_start_with(text: str) -> None:
    """One pass over the document picks what the rule says: a capitalised word, a pronoun, a quantifier, a
    determiner before a head noun (in any paragraph: find_mentions checks that the noun is in the same one)."""
    w = document.Words(text)
    lower = w.lower

    def can_start(i: int) -> bool:
        if text[w.starts[i]].isupper() or lower[i] in mentions._PRONOUNS | mentions._QUANTIFIERS:
            return True
        return lower[i] in mentions._DETERMINERS and i + 1 < len(lower) and lower[i + 1] in mentions._HEAD_STARTERS

    assert mentions._candidates(text, w, 0, len(text)) == [i for i in range(len(lower)) if can_start(i)]
    middle = len(text) // 3, 2 * len(text) // 3  # a stretch (an incise): its words only
    assert mentions._candidates(text, w, *middle) == [i for i in w.between(*middle) if can_start(i)]


@pytest.mark.parametrize("text", TEXTS, ids=["seed", "varied"])
def test_the_incise_shortcut_never_hides_an_incise(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commas and quotation ends the cheap word test passes over give no incise when read in full."""
    from quotecli import extract

    fast = [r.to_dict() for r in extract(text)]
    monkeypatch.setattr(verbs, "may_follow", lambda words, pos: True)
    assert [r.to_dict() for r in extract(text)] == fast and any("incise" in r["rule"] for r in fast)
