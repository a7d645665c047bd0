"""Mention -> person or body: names, titles, roles, appositions, pronouns.

The resolver reads a document's mentions in order and keeps what the text
has said so far: the people and bodies it named, the roles it attached to
them (`le président syrien Bachar al-Assad`), the acronyms it expanded, and
who was last in view for a pronoun. Nothing here looks ahead.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import islice, takewhile
from dataclasses import dataclass, field

from quotecli import lexicon, patterns
from quotecli.folding import fold
from quotecli.mentions import STREET_NOUNS, Mention
from quotecli.model import Span, Speaker, SpeakerKind

#: How many of the latest people, bodies or roles a search that cannot use
#: an index looks back over (a body by its initials, a role by a longer or
#: shorter form of it). An article names far fewer; a list of thousands of
#: bodies (election results) must not make each mention read them all.
_RECALL = 200

_LEX = lexicon.load()
_PLACES = frozenset(_LEX.words("places"))
_PARTICLES = frozenset({"al", "el", "ad", "as", "ben", "bin", "ibn", "de", "d", "du", "van", "von", "der", "le", "la"})
_TITLE_GENDER = _LEX.titles()
_ANAPHORIC_BODIES = frozenset(fold(w) for w in _LEX.words("anaphoric_bodies"))
_BODY_WORDS = frozenset(fold(w) for w in _LEX.words("organisation_heads") if " " not in w)


_ROLE_GENDER = {fold(k): v for k, v in _LEX.roles().items()}

_FIRST_NAMES = {fold(k): v for k, v in _LEX.first_names().items()}


@lru_cache(maxsize=1 << 14)
def name_tokens(name: str) -> tuple[str, ...]:
    """The folded words of a name that identify it (particles dropped);
    cached, as a name recurs in its article and across a corpus."""
    return tuple(t for t in fold(name).split() if t not in _PARTICLES and not (len(t) == 2 and t[1] == "."))


@dataclass(slots=True)
class Entity:
    """A person or body the document has named."""

    name: str
    kind: SpeakerKind
    tokens: tuple[str, ...]
    role: str | None = None
    gender: str | None = None
    gender_basis: str | None = None
    acronym: str | None = None
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Salient:
    at: int
    entity: Entity


class Resolver:
    """Resolves mentions to entities, reading one document in order."""

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self._text = text
        self._mentions = mentions
        self._next = 0  # index of the first mention not yet read
        self._entities: list[Entity] = []
        self._by_token: dict[tuple[str, str], list[int]] = {}  # ("first"|"last", word) -> entity indices
        self._by_acronym: dict[str, Entity] = {}
        self._by_role: dict[str, Entity] = {}
        self._role_order: dict[str, int] = {}  # role key -> when first tied
        self._role_extensions: dict[str, list[str]] = {}  # leading words of role keys -> those keys, in order
        self._alias: dict[Span, Entity] = {}  # mention span -> entity, for appositions
        self._salient: list[_Salient] = []
        self._entity_at: dict[Span, Entity | None] = {}
        self._mentioned: list[_Salient] = []  # every person named outside a complement
        self._sentence_starts: list[int] = []

    # -- reading the text -------------------------------------------------

    def read_until(self, pos: int, sentence_start: int | None = None) -> None:
        """Take in every mention that starts before `pos`."""
        while self._next < len(self._mentions) and self._mentions[self._next].span.start < pos:
            i = self._next
            self._next += 1
            self._register(i)

    def _register(self, i: int) -> None:
        m = self._mentions[i]
        entity = self._entity_of(m, create=True)
        nxt = self._mentions[i + 1] if i + 1 < len(self._mentions) else None
        # Apposition: "l'un d'eux, Ibrahim Abou Laith"; "le ministre, Jean Dupont".
        if nxt is not None and self._is_apposition(m, nxt) and m.kind in ("role", "partitive", "group") \
                and (nxt.kind in ("name", "titled") or m.kind == "partitive" and nxt.kind == "role" and nxt.name) \
                and _full_or_first_name(nxt, m) and (not _indefinite(m.text) or m.kind == "partitive"
                                                     and self._text[nxt.span.end : nxt.span.end + 1] in ".,;:!?…)»"):
            # "un des organisateurs, le retraité Jean-Michel Bergon.": a role with its name names one too;
            # a partitive is in apposition when the name closes a phrase
            target = self._entity_of(nxt, create=True)
            if target is not None:
                self._alias[m.span] = target
                if m.kind == "role" and m.head:
                    self._attach_role(target, m.head, m)
                entity = target
        # Apposition the other way: "Rami Abdel Rahmane, directeur de l'OSDH".
        if entity is not None and m.kind in ("name", "titled") and entity.kind is not SpeakerKind.ORGANISATION:
            role = patterns.apposition_role(self._text, m.span.end) or patterns.copula_role(self._text, m.span.end)
            if role:
                if not m.after_preposition or _closed(self._text, role.group("role_phrase"), role.end()):
                    self._attach_role(entity, role.group("role_phrase"), None)
            elif nxt is not None and self._is_apposition(m, nxt) and nxt.kind in ("role", "partitive") and not nxt.name \
                    and nxt.head \
                    and (not m.after_preposition or _closed(self._text, nxt.text, nxt.span.end)):
                if nxt.kind == "role":  # "X, une des initiatrices du mouvement": X, with no role of one
                    self._attach_role(entity, nxt.head, nxt)
                self._alias[nxt.span] = entity
        self._entity_at[m.span] = entity
        if entity is not None and entity.kind is SpeakerKind.PERSON and not m.after_preposition:
            self._mentioned.append(_Salient(m.span.start, entity))

    def _is_apposition(self, a: Mention, b: Mention) -> bool:
        gap = self._text[a.span.end : b.span.start]
        return gap.strip(patterns.SPACE) == ","

    def _attach_role(self, entity: Entity, role: str, mention: Mention | None) -> None:
        role = role.strip()
        if entity.role is None:
            entity.role = role
        key = _role_key(role)
        self._tie_role(key, entity)
        entity.roles.append(key)
        short = _by_acronym(role)
        if short:  # "directeur de l'Observatoire … (OSDH)" is also "directeur de l'OSDH"
            self._tie_role(_role_key(short), entity)
        if entity.gender is None:
            phrase = mention.text[: mention.text.find(mention.name)] if mention and mention.name else \
                mention.text if mention else role
            entity.gender, entity.gender_basis = _role_gender(phrase)

    # -- entities ----------------------------------------------------------

    def _entity_of(self, m: Mention, create: bool) -> Entity | None:
        if m.span in self._alias:
            return self._alias[m.span]
        if m.kind in ("name", "titled"):
            return self._named(m, create)
        if m.kind == "acronym":
            hit = self._by_acronym.get(m.name or "") or self._expanded_by(m.name or "")
            if hit is None and create:
                hit = self._new(m.name or m.text, SpeakerKind.ORGANISATION)
                self._by_acronym[m.name or ""] = hit
            return hit
        if m.kind in ("role", "organisation") and m.name:
            named = self._named(m, create)
            if named is not None and named.kind is SpeakerKind.UNKNOWN:
                # "le syndicat SUD", "le quotidien français Le Figaro": the noun tells the kind
                named.kind = SpeakerKind.PERSON if m.kind == "role" else SpeakerKind.ORGANISATION
            if named is not None and m.head:
                self._attach_role(named, m.head, m)
            return named
        if m.kind == "document" and m.name:  # "une enquête Ifop", "un sondage Odoxa": its author speaks
            named = self._named(m, create)
            if named is not None and named.kind is SpeakerKind.UNKNOWN:
                named.kind = SpeakerKind.ORGANISATION
            return named
        if m.kind == "organisation" and m.head:
            generic = _generic_body(m)
            ent = (self._body_anaphor(m) if generic else None) or \
                self._by_role.get(_role_key(m.head)) or self._by_role_prefix(m.head)
            if ent is None and create:
                ent = self._new(m.head, SpeakerKind.ORGANISATION)
                if not generic:  # "l'organisation" names no body of its own
                    self._tie_role(_role_key(m.head), ent)
            if m.acronym and ent is not None and expands(m.head, m.acronym):
                ent.acronym = m.acronym
                ent.name = f"{m.head.split('(')[0].strip()} ({m.acronym})"
                self._by_acronym[m.acronym] = ent
            return ent
        return None

    def _expanded_by(self, acronym: str) -> Entity | None:
        """A body named in full earlier that the acronym abbreviates ("PP" for
        "Parti populaire espagnol"), even where the text never said "(PP)"."""
        for ent in islice(reversed(self._entities), _RECALL):
            if ent.kind is SpeakerKind.ORGANISATION and len(ent.tokens) >= len(acronym) and expands(ent.name, acronym):
                self._by_acronym[acronym] = ent
                return ent
        return None

    def _named(self, m: Mention, create: bool) -> Entity | None:
        name = m.name or m.text
        tokens = name_tokens(name)
        if not tokens:
            return None
        best = self._find_by_tokens(tokens, _TITLE_GENDER.get(m.title) if m.title else None)
        if best is not None:
            if len(tokens) > len(best.tokens) and tokens[-len(best.tokens):] == best.tokens:
                best.name, best.tokens = name, tokens  # "Hollande" then "François Hollande"
                self._index(self._entities.index(best))
                if best.kind is SpeakerKind.UNKNOWN and tokens[0] in _FIRST_NAMES:
                    best.kind = SpeakerKind.PERSON  # a surname in a title, then the full name: a person
            self._set_gender_from(best, m)
            return best
        if not create:
            return None
        acronym = m.acronym if m.acronym and expands(name, m.acronym) else None
        if m.kind == "organisation" or name in _PLACES or acronym or any(t in _BODY_WORDS for t in tokens) \
                or tokens[0] in STREET_NOUNS and len(tokens) > 1:
            # "l'ONG Human Rights Watch", "Moscou", "Parti socialiste (PS)"; "Porte Maillot", "Quai d'Orsay"
            kind = SpeakerKind.ORGANISATION
        elif m.kind == "role" or m.title or tokens[0] in _FIRST_NAMES \
                or len(name.split()) >= 2 and not _named_thing(name):
            kind = SpeakerKind.PERSON
        else:
            kind = SpeakerKind.UNKNOWN
        ent = self._new(name, kind)
        if ent.tokens != tokens:
            ent.tokens = tokens
            self._index(len(self._entities) - 1)
        if acronym:
            ent.acronym = acronym
            ent.name = f"{name} ({acronym})"
            self._by_acronym[acronym] = ent
        self._set_gender_from(ent, m)
        return ent

    def _find_by_tokens(self, tokens: tuple[str, ...], gender: str | None = None) -> Entity | None:
        """The most recent entity whose name ends with (or is) these words,
        not of the other gender than a title says ("M. Dupont" is not Marie)."""
        # Every rule below shares the last word or the first one: look only there.
        candidates = set(self._by_token.get(("last", tokens[-1]), ())) | set(self._by_token.get(("first", tokens[0]), ()))
        for i in sorted(candidates, reverse=True):
            ent = self._entities[i]
            if gender is not None and ent.gender is not None and ent.gender != gender:
                continue
            et = ent.tokens
            if et == tokens:
                return ent
            if len(tokens) < len(et) and et[: len(tokens)] == tokens and tokens[0] in _FIRST_NAMES \
                    and ent.kind is SpeakerKind.PERSON:
                return ent  # "Marie-Pierre" -> "Marie-Pierre Dausse"
            n = len(tokens)
            if n < len(et) and et[-n:] == tokens and not (ent.kind is SpeakerKind.ORGANISATION and tokens[0] in _FIRST_NAMES):
                return ent  # "Assad" -> "Bachar al-Assad"; "Édouard Philippe" is no "bureau d'Édouard Philippe"
            if len(et) < n and tokens[-len(et):] == et and (n - len(et)) <= 2:
                first = tokens[0]
                if len(et) >= 1 and ent.kind is not SpeakerKind.ORGANISATION and (
                        first in _FIRST_NAMES or len(et) == 1):
                    return ent
        return None

    def _set_gender_from(self, ent: Entity, m: Mention) -> None:
        if ent.gender is not None:
            return
        if m.title and _TITLE_GENDER.get(m.title):
            ent.gender, ent.gender_basis = _TITLE_GENDER[m.title], f"title: {m.title}"
            return
        first = fold((m.name or "").split(" ")[0]) if m.name else ""
        if ent.kind is SpeakerKind.PERSON and len(ent.tokens) >= 2 and first in _FIRST_NAMES and _FIRST_NAMES[first]:
            ent.gender, ent.gender_basis = _FIRST_NAMES[first], f"first name: {m.name.split(' ')[0]}"  # type: ignore[union-attr]

    def _new(self, name: str, kind: SpeakerKind) -> Entity:
        ent = Entity(name=name, kind=kind, tokens=name_tokens(name))
        self._entities.append(ent)
        self._index(len(self._entities) - 1)
        return ent

    def _index(self, i: int) -> None:
        """File entity `i` under its first and last name words."""
        tokens = self._entities[i].tokens
        if tokens:
            self._by_token.setdefault(("first", tokens[0]), []).append(i)
            self._by_token.setdefault(("last", tokens[-1]), []).append(i)

    # -- resolving a speaker ------------------------------------------------

    def resolve(self, m: Mention) -> Speaker:
        """The speaker a mention stands for, with how it was resolved."""
        mention_span, mention_text = m.span, m.text
        if m.kind == "pronoun":
            return self.resolve_pronoun(m.name or "il", mention_span, mention_text)
        if m.kind in ("name", "titled") and m.span in self._entity_at:
            ent = self._entity_at[m.span]  # looked up when read: the same lookup again finds the same
        else:
            ent = self._entity_of(m, create=True)
        if ent is None:
            if m.kind == "role" and m.head and fold(m.head) in ("autre", "autres"):
                other = self._another(m)
                if other is not None:
                    return other
            if m.kind == "role" and m.head:
                ent = self._by_role.get(_role_key(m.head)) or self._by_role_prefix(m.head) or self._by_synonym(m.head)
                if ent is not None:
                    return self._speaker(ent, mention_span, mention_text, "role -> name")
                ent = self._anaphoric(m)
                if ent is not None:
                    return self._speaker(ent, mention_span, mention_text, "description -> previous person")
                kind = SpeakerKind.PERSON
            elif m.kind == "group":
                kind = SpeakerKind.GROUP
            elif m.kind == "partitive" and m.head:
                # "l'un des organisateurs": one person of a kind, no holder of a role a name may be tied to later
                g = "f" if m.head.startswith("une ") else None
                return Speaker(m.head, mention_span, mention_text, SpeakerKind.PERSON, "one of a group", role=m.head,
                               gender=g, gender_basis=f"agreement: {m.text}" if g else None)
            elif m.kind == "document":
                kind = SpeakerKind.UNKNOWN
            else:
                return Speaker(None, mention_span, mention_text, SpeakerKind.UNKNOWN, "unresolved")
            name = m.head or m.text
            g, basis = _role_gender(m.text) if kind is SpeakerKind.PERSON else (None, None)
            return Speaker(name, mention_span, mention_text, kind, "description", role=name if kind is SpeakerKind.PERSON else None,
                           gender=g, gender_basis=basis)
        how = {
            "titled": "title + surname -> full name",
            "acronym": "acronym -> expansion" if fold(ent.name) != fold(m.name or "") else "acronym",
            "role": "role + name",
            "organisation": "description",
            "partitive": "apposition",
        }.get(m.kind, "name")
        if m.kind == "name" and fold(ent.name) != fold(m.name or ""):
            how = "surname -> full name"
        if m.span in self._alias and m.kind != "name":
            how = "apposition"
        return self._speaker(ent, mention_span, mention_text, how)

    def _another(self, m: Mention) -> Speaker | None:
        """"«…», ironise un commentaire. «…», souligne un autre.": one more of
        the kind the last unnamed speaker was ("autre commentaire")."""
        seen = next((s for s in islice(reversed(self._salient), _RECALL)
                     if s.entity.kind is not SpeakerKind.ORGANISATION), None)
        if seen is None or m.span.start - seen.at > _ANOTHER_REACH:
            return None
        last = seen.entity
        head = last.name.split(" ", 1)[0]
        if not head[:1].isalpha() or not head.islower() or head in ("un", "une", "autre", "autres") \
                or head.endswith(("s", "x")) != (fold(m.head) == "autres"):
            return None  # a named person; "un des organisateurs", "autre …"; "un autre" after a plural
        name = f"{m.head} {last.name}"
        kind = SpeakerKind.GROUP if fold(m.head) == "autres" else last.kind
        return Speaker(name, m.span, m.text, kind, "description", role=name if kind is SpeakerKind.PERSON else None)

    def _anaphoric(self, m: Mention) -> Entity | None:
        """A bare definite description ("l'universitaire", "le chancelier",
        "le politique letton") takes up the last person in view; one with a
        complement ("le correspondant de l'AFP à Alep") introduces someone."""
        words = fold(m.text).split()
        if not words or words[0] not in ("le", "la", "l", "ce", "cet", "cette"):
            return None
        if words[-1] in ("interesse", "interessee") and all(w in ("principal", "principale") for w in words[1:-1]):
            return self._most_named()  # "l'intéressé", "le principal intéressé": who the article is about
        # A demonstrative always points back, complement or not ("cette fonctionnaire territoriale de Savigny").
        if words[0] not in ("ce", "cet", "cette") and (
                len(words) > 4 or any(w in ("de", "du", "des", "d", "a", "au", "aux", "en") for w in words[1:])):
            return None
        # Masculine role nouns also name women ("le ministre"); only a feminine one constrains.
        feminine = len(words) > 1 and _ROLE_GENDER.get(words[1]) == "f"
        ent = _last(self._salient, (SpeakerKind.PERSON,), "f" if feminine else None)
        if ent is not None and ent.tokens and ent.tokens[-1] in {w.replace("’", "'").split("'")[-1] for w in words[1:]}:
            return None  # "ce proche d'Éric Drouet" is someone close to him, not him
        return ent

    def _most_named(self) -> Entity | None:
        """The person named most often so far (outside complements), the
        latest of them on a tie."""
        counts: dict[int, int] = {}
        for seen in self._mentioned:
            counts[id(seen.entity)] = counts.get(id(seen.entity), 0) + 1
        best: Entity | None = None
        for seen in self._mentioned:
            if best is None or counts[id(seen.entity)] >= counts[id(best)]:
                best = seen.entity
        return best

    def _body_anaphor(self, m: Mention) -> Entity | None:
        """"la centrale syndicale", "l'organisation", "le quotidien": a generic
        noun with a definite article takes up the last body in view."""
        in_view = next((s.entity for s in islice(reversed(self._salient), _RECALL)  # "l'ONG" is not "la Syrie"
                        if s.entity.kind is SpeakerKind.ORGANISATION and s.entity.name not in _PLACES), None)
        return in_view or next(
            (e for e in islice(reversed(self._entities), _RECALL)
             if e.kind is SpeakerKind.ORGANISATION and e.name != m.head and e.name not in _PLACES), None)

    def _tie_role(self, key: str, entity: Entity) -> None:
        """Tie a role (a lookup key) to an entity, indexed by its leading words."""
        if key not in self._by_role:
            self._role_order[key] = len(self._role_order)
            words = key.split(" ")
            for n in range(1, len(words)):
                self._role_extensions.setdefault(" ".join(words[:n]), []).append(key)
        self._by_role[key] = entity

    def _by_role_prefix(self, head: str) -> Entity | None:
        """The role tied last that is a longer or shorter form of `head`
        ("ministre" and "ministre de l'intérieur"), word for word."""
        key = _role_key(head)
        words = key.split(" ")
        forms = [" ".join(words[:n]) for n in range(1, len(words))]  # shorter forms
        longer = self._role_extensions.get(key)
        if longer:
            forms.append(longer[-1])  # the longer form tied last
        tied = [k for k in forms if k in self._role_order]
        return self._by_role[max(tied, key=self._role_order.__getitem__)] if tied else None

    def _by_synonym(self, head: str) -> Entity | None:
        """The holder of another name of the same office ("chef de l'État" and
        "président de la République", role_synonyms.txt), or of a form of it."""
        for other in _ROLE_SYNONYMS.get(_role_key(head), ()):
            ent = self._by_role.get(other) or self._by_role_prefix(other)
            # Someone named ("Emmanuel Macron"), not a description that took the role ("président").
            if ent is not None and ent.kind is SpeakerKind.PERSON and ent.name[:1].isupper():
                return ent
        return None

    def resolve_pronoun(self, pronoun: str, span: Span | None, text: str | None) -> Speaker:
        """il/elle -> the last person in view (failing one, the last body);
        ils/elles -> the last group or body."""
        p = pronoun.lower()
        if p == "on":
            return Speaker(None, span, text, SpeakerKind.UNKNOWN, "pronoun: on")
        plural = p in ("ils", "elles", "eux")
        want = "f" if p in ("elle", "elles", "celle-ci", "cette dernière") else "m"
        person, unknown = (SpeakerKind.PERSON,), (SpeakerKind.UNKNOWN,)
        # In order: a person in view (a subject, a speaker); a lone name in
        # view; any person named before; a body in view.
        searches = [((SpeakerKind.GROUP,), self._salient)] if plural else \
            [(person, self._salient), (unknown, self._salient), (person, self._mentioned),
             ((SpeakerKind.ORGANISATION,), self._salient)]
        for kinds, pool in searches:
            found = _last_seen(pool, kinds, want)
            if found is None:
                continue
            ent = found.entity
            how = f"pronoun -> previous {ent.kind.value}"
            if ent.gender is None and ent.kind is SpeakerKind.PERSON:
                ent.gender, ent.gender_basis = want, f"pronoun: {p}"  # "a-t-elle" tells
            return self._speaker(ent, span, text, how)
        return Speaker(None, span, text, SpeakerKind.UNKNOWN, "pronoun: no antecedent")

    def full_name(self, name: str) -> str | None:
        """The full name a lone surname turned out to have once the whole text
        was read ("Castaner" in a title, "Christophe Castaner" below), if any."""
        tokens = name_tokens(name)
        if len(tokens) != 1:
            return None
        ent = self._find_by_tokens(tokens)
        if ent is None or ent.kind is not SpeakerKind.PERSON or len(ent.tokens) < 2 or ent.tokens[0] not in _FIRST_NAMES:
            return None  # not "membre du CSA" for "CSA"
        return ent.name

    def holder_of(self, role: str) -> Speaker | None:
        """Who the text has tied to a role by now ("le Premier ministre" …
        "du Premier ministre Andrej Babiš"): for a role named before its holder."""
        ent = self._named_holder(role)
        return None if ent is None else self._speaker(ent, None, None, "role -> name given later")

    def _named_holder(self, role: str) -> Entity | None:
        """The person tied to a role, if the text named them (not a
        description that took the role's words: "ex-ministre de la Transition")."""
        ent = self._by_role.get(_role_key(role)) or self._by_role_prefix(role) or self._by_synonym(role)
        if ent is None or ent.kind is not SpeakerKind.PERSON or fold(ent.name) == _role_key(role) \
                or not ent.name[:1].isupper():
            return None
        return ent

    def person_since(self, pos: int) -> Speaker | None:
        """The last person named after `pos` (outside complements), if any:
        who a quotation standing alone most likely belongs to."""
        for pool in (self._salient, self._mentioned):
            for s in reversed(pool):
                if s.at < pos:
                    break
                if s.entity.kind is SpeakerKind.PERSON:
                    return self._speaker(s.entity, None, None, "person named just before")
        return None

    def note_subject(self, m: Mention) -> None:
        """A sentence's subject comes into view (for later pronouns)."""
        self.read_until(m.span.end)
        entity = self._entity_at.get(m.span)
        if entity is None and m.kind == "role" and m.head:
            if _indefinite(m.text):  # "un chiraquien s'est souvenu …": someone new
                entity = self._new(m.head, SpeakerKind.PERSON)
                entity.role = m.head
                entity.gender, entity.gender_basis = _role_gender(m.text)
            else:  # the person the text named as the role's holder; or "Cette jeune fille …": someone in view
                entity = self._named_holder(m.head) or self._anaphoric(m)
        if entity is None and m.kind == "group":
            entity = self._new(m.head or m.text, SpeakerKind.GROUP)
            head = fold(m.head or "").split(" ")[0]
            entity.gender = _ROLE_GENDER.get(head[:-1] if head.endswith(("s", "x")) else head)
        if entity is not None:
            self._salient.append(_Salient(m.span.start, entity))

    def note_speaker(self, speaker: Speaker, at: int) -> None:
        """A resolved speaker comes into view (for later pronouns)."""
        if speaker.name is None:
            return
        for ent in islice(reversed(self._entities), _RECALL):
            if ent.name == speaker.name:
                self._salient.append(_Salient(at, ent))
                return
        ent = self._new(speaker.name, speaker.kind)
        ent.gender, ent.gender_basis, ent.role = speaker.gender, speaker.gender_basis, speaker.role
        if speaker.role:
            self._tie_role(_role_key(speaker.role), ent)
        self._salient.append(_Salient(at, ent))

    def _speaker(self, ent: Entity, span: Span | None, text: str | None, how: str) -> Speaker:
        return Speaker(ent.name, span, text, ent.kind, how, ent.role, ent.gender, ent.gender_basis)


_FEMININE_DETERMINERS = frozenset({"la", "une", "cette"})


def _role_gender(phrase: str) -> tuple[str | None, str | None]:
    """The gender a role phrase shows: the noun's own ("la présidente",
    "le directeur"), or a feminine determiner before an epicene noun ("la
    ministre"); a masculine one shows nothing, being used for women too."""
    words = fold(phrase).split()
    det = words[0] if words and words[0] in _DETERMINERS else None
    adjectives = list(takewhile(_PRE_ADJECTIVES.__contains__, words[1 if det else 0 :]))
    rest = words[(1 if det else 0) + len(adjectives) :]
    head = rest[0] if rest else ""
    g = _ROLE_GENDER.get(head)
    if g:
        return g, f"role: {phrase.strip()}"
    if head in _ROLE_GENDER and (det in _FEMININE_DETERMINERS or any(a in _FEMININE_PRE_ADJECTIVES for a in adjectives)):
        return "f", f"agreement: {phrase.strip()}"
    return None, None


#: Adjectives before a role noun (folded); the feminine ones agree with a woman ("l'ancienne ministre").
_FEMININE_PRE_ADJECTIVES = frozenset({"nouvelle", "ancienne", "premiere", "derniere", "future", "actuelle", "principale",
                                      "haute"})
_PRE_ADJECTIVES = _FEMININE_PRE_ADJECTIVES | {"nouveau", "nouvel", "ancien", "jeune", "meme", "premier", "dernier",
                                              "futur", "actuel", "principal", "haut", "ex"}


#: Ordinals (folded) that open the names of wars and events, never a person's ("Seconde Guerre mondiale").
_ORDINALS = frozenset({"premiere", "premier", "seconde", "second", "deuxieme", "troisieme", "quatrieme", "cinquieme"})


def _named_thing(name: str) -> bool:
    """Whether a name of several words, none a known first name, names no
    person: it opens on an article other than "Le" ("Les Champs-Élysées",
    "L'Arc de Triomphe", "La Baule"; "Le Pen", "Le Maire" are surnames) or
    on an ordinal ("Seconde Guerre"), or ends on a Roman numeral ("Acte
    XII"; "Louis XIV" has a first name)."""
    if name.startswith(("Les ", "Les\u00a0", "La ", "La\u00a0", "L'", "L’")) \
            or fold(name.split(None, 1)[0]) in _ORDINALS:  # "Seconde Guerre mondiale"
        return True
    last = name.rsplit(None, 1)[-1]
    return not last.strip("IVX") and patterns.ROMAN_NUMERAL.fullmatch(last) is not None


def _generic_body(m: Mention) -> bool:
    """A definite generic noun with no complement: "la centrale syndicale",
    "l'organisation", "le quotidien" (not "l'organisation des Nations unies")."""
    words = fold(m.text).split()
    return len(words) >= 2 and words[0] in ("le", "la", "l", "cette", "ce") and words[1] in _ANAPHORIC_BODIES \
        and not any(w in ("de", "du", "des", "d") for w in words[2:]) and not m.name


_LINKS = (" de la ", " de l'", " de l’", " du ", " des ", " de ", " d'", " d’")


def _by_acronym(role: str) -> str | None:
    """"directeur de l'Observatoire syrien … (OSDH)" -> "directeur de l'OSDH"."""
    role = role.strip()
    if not role.endswith(")") or "(" not in role:
        return None
    acronym = role[role.rindex("(") + 1 : -1].strip()
    found = [(i, -len(link)) for link in _LINKS if (i := role.find(link)) != -1]
    if not (acronym.isupper() and len(acronym) >= 2 and found):
        return None
    i, neg = min(found)  # the first link, the longest at that place ("de l'" before "de")
    head = role[: i - neg]
    return head + acronym if head.endswith(("'", "’")) else head.rstrip() + " " + acronym


def _indefinite(mention: str) -> bool:
    """"un proche d'Edouard Philippe, Jean-Paul Delevoye …": an indefinite
    description is no apposition to the name after it (which is a subject)."""
    return mention.split(" ", 1)[0].lower() in ("un", "une", "des", "d'anciens", "plusieurs")


def _closed(text: str, role: str, end: int) -> bool:
    """Whether a role after a name in a complement and a comma, ending at
    `end`, is an apposition to the name. With an article it may instead be
    the subject of the next clause ("à La Réunion, la ministre des Outre-mer
    tente d'apaiser …"): then punctuation must close it right away. (After
    a subject, news leaves out the closing comma now and then: "Barroso, le
    président de la commission européenne se dit « rassuré »".)"""
    first = role.replace("’", "'").split(" ", 1)[0].split("'", 1)[0]
    if fold(first) not in _DETERMINERS:
        return True  # "Rami Abdel Rahmane, directeur de l'OSDH"
    i = end
    while i < len(text) and text[i] in patterns.SPACE:
        i += 1
    return i >= len(text) or text[i] in ",.;:!?…)»\"”\r\n"


def _full_or_first_name(name: Mention, before: Mention) -> bool:
    """Whether an apposition names someone: a full name ("le ministre, Jean
    Dupont"), or after a partitive or a role a first name ("l'un d'eux,
    Fabrice", "Leur initiateur, Alex, …")."""
    words = (name.name or "").split()
    return len(words) >= 2 or (before.kind in ("partitive", "role") and len(words) == 1
                               and fold(words[0]) in _FIRST_NAMES)


#: How far before "un autre" the speaker it is another of may have been seen.
_ANOTHER_REACH = 400


def _last_seen(pool: list[_Salient], kinds: tuple[SpeakerKind, ...], gender: str | None) -> _Salient | None:
    """The most recent of the last _RECALL entries of `pool` of one of `kinds`,
    not of the other gender (any gender when `gender` is None)."""
    for s in islice(reversed(pool), _RECALL):
        if s.entity.kind in kinds and (gender is None or s.entity.gender in (None, gender)):
            return s
    return None


def _last(pool: list[_Salient], kinds: tuple[SpeakerKind, ...], gender: str | None) -> Entity | None:
    """The entity of `_last_seen`."""
    found = _last_seen(pool, kinds, gender)
    return found.entity if found is not None else None


def expands(name: str, acronym: str) -> bool:
    """Whether an acronym abbreviates a name: its letters are the initials of
    the name's words, in order ("Observatoire syrien des droits de l'Homme"
    for OSDH); "Jan Hamáček (ČSSD)" gives a party, not an expansion."""
    initials = [w[0] for w in fold(name.split("(")[0]).split()]
    letters = fold(acronym).replace(" ", "")
    if not letters or not initials or initials[0] != letters[0]:
        return False
    i = 0
    for c in letters:
        while i < len(initials) and initials[i] != c:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return True


_DETERMINERS = frozenset({"le", "la", "l", "les", "un", "une", "son", "sa", "ses", "leur", "ce", "cet", "cette"})


def _role_key(role: str) -> str:
    """A role as a lookup key: folded, without determiner or acronym."""
    words = fold(role.split("(")[0]).split()
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _synonyms(groups: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Role key -> the keys of the other names of its office."""
    out: dict[str, tuple[str, ...]] = {}
    for line in groups:
        keys = [_role_key(part) for part in line.split(" = ")]
        for key in keys:
            out[key] = tuple(k for k in keys if k != key)
    return out


_ROLE_SYNONYMS = _synonyms(_LEX.words("role_synonyms"))
