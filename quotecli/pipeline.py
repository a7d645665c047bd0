"""extract(text): the stages composed, text -> records.

Data flows one way: paragraphs -> quotations -> sentences and mentions ->
attributions -> speakers -> records. Speakers are resolved in reading order,
so a pronoun or a `M. Assad` only ever looks back.
"""
from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from operator import attrgetter

from quotecli import document, lexicon, patterns, quotes, reading
from quotecli.cues import Attribution, Sentence, find_attributions, main_clause_start
from quotecli.mentions import Mention, find_mentions
from quotecli.model import Cue, QuoteType, Record, Span, Speaker, SpeakerKind
from quotecli.quotes import Quotation
from quotecli.speakers import Resolver

#: Verbs of belief that report a claim only in the speaker's words, in marks (speech_verbs.tsv, use "quoted").
_QUOTED_ONLY = frozenset(lemma for lemma, verb in lexicon.load().verbs.items() if "quoted" in verb.uses)

#: A quotation standing alone continues the last speaker if that speaker
#: was quoted at most this many characters before.
_CONTINUATION_REACH = 600


def extract(text: str, doc_id: str | None = None) -> list[Record]:
    """Return the quotation records of one document, in text order.

    Scraped HTML leftovers are read as what they stand for (quotecli.reading);
    the records still point into `text` exactly as given.
    """
    with _collector_paused():
        view = reading.view(text)
        if view is None:
            return _extract(text, doc_id)
        lines = document.LineIndex(text)
        return [_on_raw(r, view, text, lines) for r in _extract(view.text, doc_id)]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for one document.

    It runs after every few hundred new container objects and, now and then,
    walks every object alive; a document with thousands of quotations keeps
    tens of thousands alive (records, mentions, spans), so the collector took
    a quarter to a third of the time on such a document, and found nothing to
    free: extraction makes no reference cycles. The state is restored after,
    and whatever was left waits for the next collection. (Mercurial's
    `util.nogc` does the same while it builds large structures.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _on_raw(record: Record, view: reading.View, raw: str, lines: document.LineIndex) -> Record:
    """A record of the clean text moved onto the raw one: its spans mapped,
    what it quotes sliced again from the raw text; names stay as resolved."""
    span = view.span(record.span)
    fragments = tuple(view.span(f) for f in record.fragments)
    # The quote of a mixed record is its span; any other's is its fragments joined.
    quote = raw[span.start : span.end] if record.type is QuoteType.MIXED else " ".join(raw[f.start : f.end] for f in fragments)
    sp = record.speaker
    if sp is not None and sp.mention is not None:
        mention = view.span(sp.mention)
        sp = Speaker(sp.name, mention, raw[mention.start : mention.end], sp.kind, sp.resolved_by, sp.role,
                     sp.gender, sp.gender_basis)
    cue = record.cue
    if cue is not None:
        cue_span = view.span(cue.span)
        cue = Cue(cue_span, raw[cue_span.start : cue_span.end], cue.lemma)
    return Record(record.type, quote, span, fragments, sp, cue, record.rule, lines.line(span.start), record.flags,
                  record.doc_id)


def _extract(text: str, doc_id: str | None) -> list[Record]:
    """The records of `text` as the engine reads it."""
    paras = [p for p in document.paragraphs(text) if not _link_line(text, p)]
    quotations, stray = quotes.find_quotations(text, paras)
    outers = [q.outer for q in quotations]
    outer_starts = [o.start for o in outers]
    words = document.Words(text)
    mentions = [m for m in find_mentions(text, paras, words, outers) if not _in_any(m.span, outers, outer_starts)]
    resolver = Resolver(text, mentions)
    lines = document.LineIndex(text)

    records: list[Record] = []
    last: Record | None = None
    m_starts = [m.span.start for m in mentions]
    # A quotation belongs to the paragraph and the sentence where it ends;
    # both come in text order, so one pass over them groups the quotations.
    ends = [q.pieces[-1].start for q in quotations]
    previous: Span | None = None  # the last sentence, while it holds no quotation and reports nothing
    for para in paras:
        para_quotes = quotations[bisect_left(ends, para.start) : bisect_left(ends, para.end)]
        para_ends = [q.pieces[-1].start for q in para_quotes]
        protected = [Span(q.outer.start if q.outer.start >= para.start else para.start, q.outer.end)
                     for q in para_quotes]
        for sent in document.sentences(text, para, protected):
            s_quotes = para_quotes[bisect_left(para_ends, sent.start) : bisect_left(para_ends, sent.end)]
            lo, hi = bisect_left(m_starts, sent.start), bisect_left(m_starts, sent.end)
            sentence = Sentence.of(text, sent, s_quotes, mentions[lo:hi], words, previous)
            count = len(records)
            covered: list[Span] = []
            attributions = find_attributions(text, sentence)
            subject = _subject(text, sentence)
            first_cue = min((a.cue.start for a in attributions if a.cue), default=sent.end)
            if subject is not None and not subject.is_pronoun and subject.span.end <= first_cue:
                resolver.note_subject(subject)
            for att in attributions:
                record = _record(text, att, sentence, resolver, lines, doc_id, stray)
                if record is None:
                    continue
                records.append(record)
                covered.extend(record.fragments)
                covered.append(record.span)
                if record.speaker is not None:  # in view from the end of the whole attribution
                    done = max(record.span.end, record.cue.span.end if record.cue else 0,
                               record.speaker.mention.end if record.speaker.mention else 0)
                    resolver.note_speaker(record.speaker, done)
                last = record
            is_covered = _overlap_test(covered)
            for q in s_quotes:
                if is_covered(q.span):
                    continue
                resolver.read_until(q.outer.start)
                signer = _signature(text, para, mentions, m_starts) if sent == para else None
                record = _standalone(text, q, sent, para, last, resolver, lines, doc_id, signer)
                if record is not None:
                    records.append(record)
                    last = record
            resolver.read_until(sent.end)
            previous = sent if not s_quotes and len(records) == count else None
    records.sort(key=lambda r: r.span.start)
    return _named_by_the_next([_named_later(r, resolver) for r in records])


def _subject(text: str, sentence: Sentence) -> Mention | None:
    """The subject a sentence brings into view for later pronouns: its first
    mention that is no complement, in its main clause ("Avant de quitter les
    artisans boulangers, Emmanuel Macron s'est exprimé": not the artisans)."""
    start = main_clause_start(text, sentence)
    return next((m for m in sentence.mentions
                 if m.span.start >= start and not m.after_preposition and not _agent(text, m)), None)


def _agent(text: str, m: Mention) -> bool:
    """Whether a mention of a body follows "par", the agent of a passive and
    not the sentence's subject ("D'abord interrogée par Le Dauphiné Libéré,
    elle …", "contacté par l'AFP, il …"). A person there stays in view:
    "confirmée par Maxime Nicolle : « … », explique-t-il"."""
    body = m.kind in ("acronym", "organisation") or (m.name or "").startswith(("Le ", "La ", "Les ", "L'", "L’"))
    if not body:
        return False
    end = m.span.start
    while end > 0 and text[end - 1] in patterns.SPACE:
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end].lower() == "par"


#: The longest "see also" line: a longer one is an article paragraph glued to it by the scrape.
_LONGEST_LINK_LINE = 250


def _link_line(text: str, para: Span) -> bool:
    """Whether a paragraph is a link to another article ("» LIRE AUSSI - «Gilets
    jaunes»: …"): page furniture, whose quotations and names are the other
    article's. It makes no record and names no one."""
    return para.end - para.start <= _LONGEST_LINK_LINE and patterns.SEE_ALSO.match(text, para.start, para.end) is not None


def _named_later(record: Record, resolver: Resolver) -> Record:
    """A speaker known only by a role that the text ties to a name further on
    ("le Premier ministre a fait savoir …" … "le Premier ministre Andrej Babiš"),
    or only by a surname the text gives in full further on."""
    sp = record.speaker
    if sp is not None and sp.name and " " not in sp.name and sp.resolved_by != "description":
        full = resolver.full_name(sp.name)  # a title's "Castaner", the article's "Christophe Castaner"
        return record if full is None else replace(record, speaker=replace(sp, name=full, kind=SpeakerKind.PERSON))
    if sp is None or sp.resolved_by != "description" or sp.kind is not SpeakerKind.PERSON or not sp.name:
        return record
    holder = resolver.holder_of(sp.name)
    if holder is None:
        return record
    return replace(record, speaker=replace(holder, mention=sp.mention, mention_text=sp.mention_text))


#: Cues that go on with the speaker just quoted: "…, a déclaré le ministre des
#: Affaires étrangères. «…», a ajouté Laurent Fabius."
_GOING_ON = frozenset({"ajouter", "poursuivre"})
#: How far after a record the one that names its speaker may stand.
_GOING_ON_REACH = 400


def _named_by_the_next(records: list[Record]) -> list[Record]:
    """A speaker known only by a role, whose next record "adds" in the name
    of a person, is that person: news names a role first, then the holder as
    the same speaker goes on. Only for the very next record, a full name (a
    first name and a surname: "le président de la région Normandie" names no
    one), and no contradiction between the role's gender and the person's."""
    out = list(records)
    for i, r in enumerate(records[:-1]):
        sp, nxt = r.speaker, records[i + 1]
        if sp is None or sp.resolved_by != "description" or sp.kind is not SpeakerKind.PERSON:
            continue
        after = nxt.speaker
        if nxt.cue is None or nxt.cue.lemma not in _GOING_ON or after is None or after.kind is not SpeakerKind.PERSON \
                or after.resolved_by not in ("name", "surname -> full name", "title + surname -> full name", "role + name") \
                or " " not in (after.name or "") \
                or (sp.gender is not None and after.gender is not None and sp.gender != after.gender) \
                or nxt.span.start - r.span.end > _GOING_ON_REACH:
            continue
        out[i] = replace(r, speaker=Speaker(after.name, sp.mention, sp.mention_text, after.kind, "role -> name given later",
                                            sp.role or sp.name, after.gender, after.gender_basis))
    return out


def _record(text: str, att: Attribution, sentence: Sentence, resolver: Resolver,
            lines: document.LineIndex, doc_id: str | None, stray: list[int]) -> Record | None:
    """One attribution as a record: its type from its content, its speaker resolved."""
    if not att.content:
        return None
    att = _unwrap(text, att, sentence)
    first, last_piece = att.content[0], att.content[-1]
    span = Span(first.start, last_piece.end)
    inside = _quotations_inside(sentence, span)
    if not inside and att.lemma in _QUOTED_ONLY:
        return None  # "il pense que …" is a belief; "il pense que « … »" carries his words
    flags: list[str] = []
    if inside and _verbatim(att) and all(any(p.contains(c) for q in inside for p in q.pieces) for c in att.content):
        kind = QuoteType.DIRECT
        fragments = att.content
        for q in inside:
            flags.extend(q.flags)
    elif inside:
        kind = QuoteType.MIXED
        fragments = tuple(p for q in inside for p in q.pieces if span.start <= p.start and p.end <= span.end)
        for q in inside:
            flags.extend(q.flags)
        if not fragments:
            kind, fragments = QuoteType.INDIRECT, att.content
    else:
        kind, fragments = QuoteType.INDIRECT, att.content
    i = bisect_left(stray, span.start)
    if i < len(stray) and stray[i] < span.end:
        flags.append("unbalanced_marks")
    # A mixed quote is its whole stretch as written, an incise inside it included
    # ("La réforme est indispensable, a-t-il dit, et elle sera «votée»"): the
    # text a user finds at quote_start..quote_end, the marked parts in fragments.
    quote = text[span.start : span.end] if kind is QuoteType.MIXED else " ".join(text[c.start : c.end] for c in att.content)
    speaker = _speaker(text, att, resolver)
    if att.feminine and speaker is not None and speaker.kind is SpeakerKind.PERSON and speaker.gender is None:
        cue_text = text[att.cue.start : att.cue.end] if att.cue else ""
        speaker = replace(speaker, gender="f", gender_basis=f"agreement: {cue_text}")
    if speaker is None or speaker.name is None:
        if kind is not QuoteType.DIRECT:
            return None  # a claim whose source cannot be told is no claim we can report
        flags.append("no_speaker")
    cue = Cue(att.cue, text[att.cue.start : att.cue.end], att.lemma or text[att.cue.start : att.cue.end]) if att.cue else None
    return Record(kind, quote, span, tuple(fragments), speaker, cue, att.rule, lines.line(span.start),
                  tuple(dict.fromkeys(flags)), doc_id)


def _unwrap(text: str, att: Attribution, sentence: Sentence) -> Attribution:
    """Content that is exactly one quotation, marks included, becomes its
    pieces (a direct quotation); after "que" it stays reported speech."""
    if len(att.content) != 1 or not _verbatim(att):
        return att
    c = att.content[0]
    i = bisect_left(sentence.quote_starts, c.start)
    if i < len(sentence.quotations):
        q = sentence.quotations[i]
        if q.outer.start == c.start and not text[q.outer.end : c.end].strip(patterns.SPACE + ".,;:!?"):
            return replace(att, content=q.pieces)
    return att


def _quotations_inside(sentence: Sentence, span: Span) -> list[Quotation]:
    """The sentence's quotations whose pieces lie within `span` (a closing
    mark may stand right after it)."""
    inside = []
    quotations = sentence.quotations
    # Quotations do not overlap: at most one opens before `span` with its first piece inside it.
    for i in range(max(bisect_left(sentence.quote_starts, span.start) - 1, 0), len(quotations)):
        q = quotations[i]
        if q.pieces[0].start < span.start:
            continue
        if q.pieces[0].start > span.end:
            break
        if q.pieces[-1].end <= span.end + 1:
            inside.append(q)
    return inside


def _verbatim(att: Attribution) -> bool:
    """Whether content all in marks is a direct quotation: not after "que"
    ("a déclaré que « … »" is reported speech carrying verbatim words)."""
    return not att.rule.startswith(("preposed-que", "gerund"))


def _speaker(text: str, att: Attribution, resolver: Resolver) -> Speaker | None:
    if att.mention is not None:
        resolver.read_until(att.mention.span.end)
        return resolver.resolve(att.mention)
    if att.pronoun is not None:
        resolver.read_until(att.pronoun.start)
        word = text[att.pronoun.start : att.pronoun.end]
        return resolver.resolve_pronoun(word, att.pronoun, word)
    return None


#: How far below its paragraph a signature line may start ("\n.\n - X"): blank or dotted lines only.
_SIGNATURE_GAP = 12


def _signature(text: str, para: Span, mentions: list[Mention], m_starts: list[int]) -> Mention | None:
    """A name on a line of its own under a paragraph, after a dash: who signs
    the quotation above ("« … »\n- Sébastien Bédard, directeur des communications")."""
    pos, stop = para.end, min(len(text), para.end + _SIGNATURE_GAP)
    while pos < stop and text[pos] in " \t\r\n.":
        pos += 1
    if pos == para.end or pos >= len(text) or text[pos] not in "-–—" or "\n" not in text[para.end : pos]:
        return None
    pos += 1
    while pos < len(text) and text[pos] in patterns.SPACE:
        pos += 1
    i = bisect_left(m_starts, pos)
    m = mentions[i] if i < len(mentions) else None
    return m if m is not None and m.span.start == pos and m.kind in ("name", "titled") else None


def _standalone(text: str, q: Quotation, sent: Span, para: Span, last: Record | None, resolver: Resolver,
                lines: document.LineIndex, doc_id: str | None, signer: Mention | None = None) -> Record | None:
    """A quotation standing alone as a sentence: it continues the last
    speaker, unless a name signs it on the line under it.

    Quotations inside a sentence with no cue (titles, scare quotes) and
    headings made of a quotation are not records.
    """
    if not _blank_before(text, sent.start, q.outer.start, patterns.SPACE + "–—-") \
            or not _blank_after(text, q.outer.end, sent.end, patterns.SPACE + ".!?…"):
        return None
    inner = text[q.pieces[-1].start : q.pieces[-1].end].rstrip()
    is_heading = sent == para and not inner.endswith((".", "!", "?", "…")) and len(q.pieces) == 1
    if is_heading:
        return None
    flags = list(q.flags)
    # Someone named since the last record was attributed (its cue, not its
    # content: "ont fait part de leur indignation par Christian Jacob") speaks next.
    since = (last.cue.span.end if last.cue else last.span.end) if last is not None else 0
    named = resolver.person_since(max(since, q.outer.start - _CONTINUATION_REACH))
    words = text[q.span.start : q.span.end]
    if signer is not None:
        resolver.read_until(signer.span.end)
        speaker, rule = resolver.resolve(signer), "signed"
    elif named is not None and not _names_itself(words, named.name):
        speaker, rule = named, "continuation"
    elif last is not None and last.speaker is not None and last.speaker.name is not None \
            and 0 <= q.outer.start - last.span.end <= _CONTINUATION_REACH \
            and not _names_itself(words, last.speaker.name):
        speaker = Speaker(last.speaker.name, None, None, last.speaker.kind, "continuation of previous speaker",
                          last.speaker.role, last.speaker.gender, last.speaker.gender_basis)
        rule = "continuation"
    else:
        speaker, rule = None, "standalone"
        flags.append("no_speaker")
    return Record(QuoteType.DIRECT, " ".join(text[p.start : p.end] for p in q.pieces), q.span, q.pieces,
                  speaker, None, rule, lines.line(q.span.start), tuple(dict.fromkeys(flags)), doc_id)


def _names_itself(words: str, name: str | None) -> bool:
    """Whether quoted words name a person by their surname ("Je ne laisserai
    pas Castaner …"): people do not speak of themselves so, so the words are
    not theirs to go on with."""
    if not name or not name[:1].isupper() or " " not in name:
        return False
    surname = name.rsplit(" ", 1)[-1]
    at = words.find(surname)
    while at != -1:
        end = at + len(surname)
        if (at == 0 or not words[at - 1].isalpha()) and (end == len(words) or not words[end].isalpha()):
            return True
        at = words.find(surname, end)
    return False


def _blank_before(text: str, start: int, end: int, chars: str) -> bool:
    """Whether `text[start:end]` holds only `chars`, read from the end: a
    quotation deep in a long sentence costs only the blank before it."""
    while end > start and text[end - 1] in chars:
        end -= 1
    return end <= start


def _blank_after(text: str, start: int, end: int, chars: str) -> bool:
    while start < end and text[start] in chars:
        start += 1
    return start >= end


_start_end = attrgetter("start", "end")


def _overlap_test(spans: list[Span]):  # type: ignore[no-untyped-def]
    """A test of whether a span overlaps any of `spans`, in O(log n) a query:
    sorted by start, with the furthest end reached so far."""
    ordered = sorted(spans, key=_start_end)  # by the fields in C, not Span.__lt__ in Python
    starts = [sp.start for sp in ordered]
    reach: list[int] = []
    for sp in ordered:
        reach.append(max(sp.end, reach[-1]) if reach else sp.end)

    def overlaps(span: Span) -> bool:
        i = bisect_left(starts, span.end)  # the spans starting before `span` ends
        return i > 0 and reach[i - 1] > span.start

    return overlaps


def _in_any(span: Span, spans: list[Span], starts: list[int]) -> bool:
    """Whether one of `spans` (sorted, not overlapping; `starts` theirs) holds `span`."""
    i = bisect_right(starts, span.start)
    return i > 0 and span.end <= spans[i - 1].end

