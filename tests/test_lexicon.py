"""The French lexicon: a guard over every data file, and conjugation tables.

The guard keeps quotecli/data/fr honest (sorted, NFC, no duplicates, valid
columns); the tables pin real French forms, with negatives, so a change to
the conjugator or the TSV shows up as a named failing case.
"""
from __future__ import annotations

import unicodedata

import pytest
import regex

from quotecli import lexicon
from quotecli.lexicon import MOODS, PARTS, USES, VERB_COLUMNS, LexiconError, Verb, VerbForm

LEX = lexicon.load()
FILES = lexicon.data_files()

# --------------------------------------------------------------------------
# Data guard: every file in quotecli/data/fr


def _entries(name: str) -> list[str]:
    """The entry lines of a data file: no comments, no TSV header."""
    lines = [line for line in FILES[name].splitlines() if not line.startswith("#")]
    return lines[1:] if name.endswith(".tsv") else lines


def _keys(name: str) -> list[str]:
    """The first column; in aliases.tsv the whole pair, a canonical name having several variants."""
    return _entries(name) if name == "aliases.tsv" else [line.split("\t")[0] for line in _entries(name)]


def test_data_files_are_present() -> None:
    for name in (
        "speech_verbs.tsv",
        "titles.tsv",
        "roles.tsv",
        "first_names.tsv",
        "demonyms.txt",
        "organisation_heads.txt",
        "group_nouns.txt",
        "cognition_verbs.txt",
    ):
        assert name in FILES


@pytest.mark.parametrize("name", sorted(FILES))
def test_file_is_clean_text(name: str) -> None:
    text = FILES[name]
    assert unicodedata.normalize("NFC", text) == text, "not NFC"
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\r" not in text and "\ufeff" not in text
    for number, line in enumerate(text.splitlines(), start=1):
        assert line.strip(), f"line {number} is blank"
        assert line == line.rstrip() and line == line.lstrip(), f"line {number}: stray space"
        if not line.startswith("#"):
            assert "  " not in line and "\t\t" not in line, f"line {number}: doubled separator"


@pytest.mark.parametrize("name", sorted(FILES))
def test_entries_sorted_and_unique(name: str) -> None:
    """Sorted by code point (as `LC_ALL=C sort`), no duplicates even ignoring case."""
    keys = _keys(name)
    assert keys, "no entries"
    unsorted = [(a, b) for a, b in zip(keys, keys[1:]) if a > b]
    assert not unsorted, f"out of order: {unsorted[:5]}"
    folded = [k.casefold() for k in keys]
    dupes = sorted({k for k in folded if folded.count(k) > 1})
    assert not dupes, f"duplicates: {dupes}"


@pytest.mark.parametrize("name", sorted(n for n in FILES if n.endswith(".tsv")))
def test_tsv_columns(name: str) -> None:
    header = next(line for line in FILES[name].splitlines() if not line.startswith("#"))
    columns = header.split("\t")
    assert len(set(columns)) == len(columns)
    for line in _entries(name):
        cells = line.split("\t")
        assert len(cells) == len(columns), line
        assert all(cells), line
        if "gender" in columns:
            assert cells[columns.index("gender")] in ("m", "f", "-"), line


@pytest.mark.parametrize("name", sorted(n for n in FILES if n.endswith(".txt")))
def test_txt_has_no_columns(name: str) -> None:
    assert not [line for line in _entries(name) if "\t" in line]


# --------------------------------------------------------------------------
# Data guard: speech_verbs.tsv

VERB_ROWS = [dict(zip(VERB_COLUMNS, line.split("\t"))) for line in _entries("speech_verbs.tsv")]
#: A principal part: lower-case letters (and hyphens), maybe several spellings.
_PART = regex.compile(r"[a-zàâäçéèêëîïôöùûüœ-]++(?:\|[a-zàâäçéèêëîïôöùûüœ-]++)*+")
#: A lemma: "dire", "se dire", "s'inquiéter", "faire savoir", "tirer la sonnette d'alarme".
_LEMMA = regex.compile(r"(?:se |s')?+[a-zàâçéèêëîïôûœ-]++(?: [a-zàâçéèêëîïôûœ'-]++)*+")
#: Endings of 3rd-group verbs in -ir, which must not be conjugated as réagir.
_THIRD_GROUP_IR = ("venir", "tenir", "quérir", "sortir", "partir", "mentir", "sentir", "servir",
                   "dormir", "courir", "mourir", "ouvrir", "couvrir", "offrir", "souffrir",
                   "cueillir", "bouillir", "fuir", "vêtir", "assaillir", "faillir")


def test_verb_header() -> None:
    header = next(line for line in FILES["speech_verbs.tsv"].splitlines() if not line.startswith("#"))
    assert tuple(header.split("\t")) == VERB_COLUMNS


@pytest.mark.parametrize("row", VERB_ROWS, ids=lambda r: r["lemma"])
def test_verb_row(row: dict[str, str]) -> None:
    lemma = row["lemma"]
    assert _LEMMA.fullmatch(lemma), "lemma is lower case, pronoun as 'se ' or \"s'\""
    if lemma.startswith("se "):
        assert lemma[3] not in "aeiouyéèêâîôh", "elide: s'…"
    if lemma.startswith("s'"):
        assert lemma[2] in "aeiouyéèêâîôh"
    uses = row["uses"].split(",")
    assert uses == sorted(set(uses), key=USES.index), "uses: known, unique, in USES order"
    assert row["ambiguous"] in ("yes", "no")
    for part in PARTS:
        assert row[part] == "-" or _PART.fullmatch(row[part]), part
    verb = LEX.verbs[lemma]
    if "attr" in uses:
        assert verb.pronominal, "only pronominal verbs take an attribute (se dire prêt)"
    if not verb.head.endswith(("er", "ir")):  # -re, -oir: no regular conjugation
        assert all(row[p] != "-" for p in PARTS if p != "subjonctif_3sg"), "give every part"
    if verb.head.endswith(_THIRD_GROUP_IR):
        assert row["present_participle"] != "-", "3rd group: not réagissant"


def test_same_head_same_parts() -> None:
    """dire / se dire, faire savoir / faire valoir: one head, one conjugation."""
    by_head: dict[str, tuple[str, ...]] = {}
    for row in VERB_ROWS:
        parts = tuple(row[p] for p in PARTS)
        head = LEX.verbs[row["lemma"]].head
        assert by_head.setdefault(head, parts) == parts, head


def test_sizes() -> None:
    assert len(LEX.verbs) >= 250
    assert len(LEX.roles()) >= 150
    assert len(_entries("demonyms.txt")) >= 600
    assert len(LEX.first_names()) >= 800


def test_cognition_verbs_are_not_speech_verbs() -> None:
    assert not LEX.words("cognition_verbs") & set(LEX.verbs)
    assert {"savoir", "sembler", "imaginer"} <= LEX.words("cognition_verbs")
    # verbs of belief that count only with the speaker's words in marks
    assert {lemma for lemma, verb in LEX.verbs.items() if "quoted" in verb.uses} == {"croire", "penser"}


def test_every_form_is_clean() -> None:
    """Lower case, NFC, single spaces: ready for a `regex` named list."""
    for mood in MOODS:
        for form in LEX.forms(mood):
            assert form == unicodedata.normalize("NFC", form).lower(), form
            assert form == " ".join(form.split()), form


# --------------------------------------------------------------------------
# Records and loading


def test_load_is_cached() -> None:
    assert lexicon.load() is LEX


def test_verb_records() -> None:
    assert LEX.verbs["se dire"] == Verb("se dire", True, frozenset({"attr"}), False, "dire", "")
    assert LEX.verbs["dire"].pronominal is False
    inquieter = LEX.verbs["s'inquiéter"]
    assert (inquieter.pronominal, inquieter.head, inquieter.tail) == (True, "inquiéter", "")
    assert (LEX.verbs["faire savoir"].head, LEX.verbs["faire savoir"].tail) == ("faire", "savoir")
    assert LEX.verbs["mettre en garde"].tail == "en garde"
    assert LEX.verbs["montrer du doigt"].tail == "du doigt"
    for ambiguous in ("admettre", "lancer", "rappeler", "appeler", "reconnaître", "noter"):
        assert LEX.verbs[ambiguous].ambiguous, ambiguous
    for plain in ("déclarer", "affirmer", "souligner", "ironiser", "rétorquer"):
        assert not LEX.verbs[plain].ambiguous, plain
    assert {"incise", "que", "obj"} <= LEX.verbs["annoncer"].uses
    assert "inf" in LEX.verbs["appeler"].uses and "inf" in LEX.verbs["promettre"].uses
    assert "bare_inf" in LEX.verbs["dire"].uses


def test_bad_arguments_raise() -> None:
    with pytest.raises(ValueError):
        LEX.forms("gerund")
    with pytest.raises(ValueError):
        LEX.forms("finite", uses="quote")
    with pytest.raises(KeyError):
        LEX.forms("finite", lemma="parler fort")
    with pytest.raises(KeyError):
        LEX.words("no_such_list")
    with pytest.raises(KeyError):
        LEX.genders("demonyms")  # a plain list has no gender column


# --------------------------------------------------------------------------
# Conjugation tables: (lemma, mood, every form of that mood)

FULL_TABLES: list[tuple[str, str, set[str]]] = [
    ("déclarer", "finite", {"déclare", "déclarent", "déclarait", "déclaraient", "déclara", "déclarèrent",
                            "déclarera", "déclareront", "déclarerait", "déclareraient"}),
    ("déclarer", "participle", {"déclaré", "déclarée", "déclarés", "déclarées"}),
    ("déclarer", "present_participle", {"déclarant"}),
    ("déclarer", "infinitive", {"déclarer"}),
    ("annoncer", "finite", {"annonce", "annoncent", "annonçait", "annonçaient", "annonça", "annoncèrent",
                            "annoncera", "annonceront", "annoncerait", "annonceraient"}),
    ("annoncer", "present_participle", {"annonçant"}),
    ("juger", "finite", {"juge", "jugent", "jugeait", "jugeaient", "jugea", "jugèrent", "jugera", "jugeront",
                         "jugerait", "jugeraient"}),
    ("rappeler", "finite", {"rappelle", "rappellent", "rappelait", "rappelaient", "rappela", "rappelèrent",
                            "rappellera", "rappelleront", "rappellerait", "rappelleraient"}),
    ("rejeter", "finite", {"rejette", "rejettent", "rejetait", "rejetaient", "rejeta", "rejetèrent",
                           "rejettera", "rejetteront", "rejetterait", "rejetteraient"}),
    ("marteler", "finite", {"martèle", "martèlent", "martelait", "martelaient", "martela", "martelèrent",
                            "martèlera", "martèleront", "martèlerait", "martèleraient"}),
    ("relever", "finite", {"relève", "relèvent", "relevait", "relevaient", "releva", "relevèrent",
                           "relèvera", "relèveront", "relèverait", "relèveraient"}),
    # é-e-r: present with è; future with é or, since 1990, è
    ("répéter", "finite", {"répète", "répètent", "répétait", "répétaient", "répéta", "répétèrent",
                           "répétera", "répéteront", "répéterait", "répéteraient",
                           "répètera", "répèteront", "répèterait", "répèteraient"}),
    ("alléguer", "participle", {"allégué", "alléguée", "allégués", "alléguées"}),
    ("appuyer", "finite", {"appuie", "appuient", "appuyait", "appuyaient", "appuya", "appuyèrent",
                           "appuiera", "appuieront", "appuierait", "appuieraient"}),
    ("balayer", "finite", {"balaie", "balaye", "balaient", "balayent", "balayait", "balayaient", "balaya",
                           "balayèrent", "balaiera", "balayera", "balaieront", "balayeront", "balaierait",
                           "balayerait", "balaieraient", "balayeraient"}),
    ("tweeter", "finite", {"tweete", "tweetent", "tweetait", "tweetaient", "tweeta", "tweetèrent",
                           "tweetera", "tweeteront", "tweeterait", "tweeteraient"}),
    ("maugréer", "participle", {"maugréé", "maugréée", "maugréés", "maugréées"}),
    # 2nd group
    ("réagir", "finite", {"réagit", "réagissent", "réagissait", "réagissaient", "réagirent", "réagira",
                          "réagiront", "réagirait", "réagiraient", "réagisse"}),
    ("réagir", "participle", {"réagi", "réagie", "réagis", "réagies"}),
    ("réagir", "present_participle", {"réagissant"}),
    # 3rd group, from the TSV
    ("dire", "finite", {"dit", "disent", "disait", "disaient", "dirent", "dira", "diront", "dirait",
                        "diraient", "dise"}),
    ("dire", "participle", {"dit", "dite", "dits", "dites"}),
    ("reconnaître", "finite", {"reconnaît", "reconnait", "reconnaissent", "reconnaissait", "reconnaissaient",
                               "reconnut", "reconnurent", "reconnaîtra", "reconnaitra", "reconnaîtront",
                               "reconnaitront", "reconnaîtrait", "reconnaitrait", "reconnaîtraient",
                               "reconnaitraient", "reconnaisse"}),
    ("reconnaître", "infinitive", {"reconnaître", "reconnaitre"}),
    ("admettre", "participle", {"admis", "admise", "admises"}),
    ("admettre", "finite", {"admet", "admettent", "admettait", "admettaient", "admit", "admirent",
                            "admettra", "admettront", "admettrait", "admettraient", "admette"}),
    ("conclure", "finite", {"conclut", "concluent", "concluait", "concluaient", "conclurent", "conclura",
                            "concluront", "conclurait", "concluraient", "conclue"}),
    ("prévenir", "finite", {"prévient", "préviennent", "prévenait", "prévenaient", "prévint", "prévinrent",
                            "préviendra", "préviendront", "préviendrait", "préviendraient", "prévienne"}),
    ("démentir", "finite", {"dément", "démentent", "démentait", "démentaient", "démentit", "démentirent",
                            "démentira", "démentiront", "démentirait", "démentiraient", "démente"}),
    ("repartir", "present_participle", {"repartant"}),
    ("sourire", "finite", {"sourit", "sourient", "souriait", "souriaient", "sourirent", "sourira",
                           "souriront", "sourirait", "souriraient", "sourie"}),
    ("s'émouvoir", "participle", {"ému", "émue", "émus", "émues"}),
    # multiword: only the first word inflects; participles agree only before en/du/au
    ("faire savoir", "finite", {"fait savoir", "font savoir", "faisait savoir", "faisaient savoir",
                                "fit savoir", "firent savoir", "fera savoir", "feront savoir",
                                "ferait savoir", "feraient savoir", "fasse savoir", "fassent savoir"}),
    ("faire savoir", "participle", {"fait savoir"}),
    ("mettre en garde", "participle", {"mis en garde", "mise en garde", "mises en garde"}),
    ("mettre en garde", "present_participle", {"mettant en garde"}),
    # pronominal: the forms of the head only
    ("s'inquiéter", "finite", {"inquiète", "inquiètent", "inquiétait", "inquiétaient", "inquiéta",
                               "inquiétèrent", "inquiétera", "inquiéteront", "inquiéterait",
                               "inquiéteraient", "inquiètera", "inquièteront", "inquièterait",
                               "inquièteraient"}),
    ("se dire", "infinitive", {"dire"}),
]


@pytest.mark.parametrize(("lemma", "mood", "expected"), FULL_TABLES, ids=lambda x: str(x)[:24])
def test_full_table(lemma: str, mood: str, expected: set[str]) -> None:
    assert set(LEX.forms(mood, lemma=lemma)) == expected


#: Forms the lexicon must produce, by mood, as the engine will meet them.
MUST_HAVE: list[tuple[str, list[str]]] = [
    ("finite", ["annonça", "réagit", "réagissent", "dit", "ajoutait", "poursuit", "répondit", "conclut",
                "sourit", "admet", "reconnaît", "reconnait", "rappelle", "jugeait", "lance", "confie",
                "estime", "souligne", "martèle", "ironise", "rétorque", "assure", "insiste", "prévient",
                "affirmait", "indiqua", "déplore", "exclame", "fit savoir", "met en garde",
                "laisse entendre", "écrit", "écrivait", "répond", "repart", "soutient", "craint"]),
    ("participle", ["déclarée", "reconnu", "admis", "soutenu", "lancé", "affirmé", "dit", "souligné",
                    "indiqué", "ajouté", "confié", "écrit", "répondu", "prévenu", "conclu", "poursuivi",
                    "souri", "promis", "décrit", "mis en garde", "fait savoir", "félicité", "estimée"]),
    ("present_participle", ["soulignant", "estimant", "réagissant", "annonçant", "jugeant", "disant",
                            "faisant valoir", "reconnaissant", "ajoutant", "affirmant"]),
    ("infinitive", ["déclarer", "dire", "reconnaître", "reconnaitre", "faire savoir", "mettre en garde"]),
]


@pytest.mark.parametrize(("mood", "forms"), MUST_HAVE, ids=[m for m, _ in MUST_HAVE])
def test_must_have(mood: str, forms: list[str]) -> None:
    have = set(LEX.forms(mood))
    assert [f for f in forms if f not in have] == []


#: Misspellings and wrong conjugations that must never be generated.
NEVER: list[tuple[str, list[str]]] = [
    ("finite", ["annoncait", "jugait", "rappele", "rappèle", "martelle", "tweète", "réagent", "réaga",
                "disa", "dirirent", "répondut", "concluit", "souria", "admettut", "poursuivut", "prévenit",
                "démentissent", "repartissent", "reconnaîssent"]),
    ("participle", ["répondé", "admetté", "poursuivu", "concluté", "prévené", "réagé", "faite savoir",
                    "faits savoir", "tirée la sonnette d'alarme"]),
    ("present_participle", ["annoncant", "jugant", "réagant", "repartissant", "démentissant", "disissant"]),
]


@pytest.mark.parametrize(("mood", "forms"), NEVER, ids=[m for m, _ in NEVER])
def test_never(mood: str, forms: list[str]) -> None:
    have = set(LEX.forms(mood))
    assert [f for f in forms if f in have] == []


# --------------------------------------------------------------------------
# Pronominal and use filters


def test_pronominal_filter() -> None:
    pronominal = set(LEX.forms("participle", pronominal=True))
    plain = set(LEX.forms("participle", pronominal=False))
    assert {"dit", "félicité", "exclamé", "inquiétée", "estimé", "souvenu"} <= pronominal
    assert "félicité" not in plain and "exclamé" not in plain  # féliciter is no speech verb
    assert "dit" in plain  # dire and se dire share the head
    assert "déclaré" in plain and "déclaré" in pronominal  # déclarer and se déclarer
    assert set(LEX.forms("participle")) == pronominal | plain


def test_uses_filter() -> None:
    incise = set(LEX.forms("finite", uses="incise"))
    assert {"sourit", "ironise", "lance", "rétorque", "glisse"} <= incise
    assert "revendique" not in incise and "fait état" not in incise
    attr = set(LEX.forms("participle", uses="attr"))
    assert {"dit", "estimé", "déclaré"} <= attr and "affirmé" not in attr
    assert "montré" not in attr  # "s'est montré sceptique" shows, it does not say
    assert "appelé" in LEX.forms("participle", uses="inf")
    assert "annoncé" in LEX.forms("participle", uses="obj")


# --------------------------------------------------------------------------
# Analysis: surface form -> verb


def _pairs(form: str, **kw: bool) -> set[tuple[str, str]]:
    return {(a.lemma, a.mood) for a in LEX.analyse(form, **kw)}


ANALYSES: list[tuple[str, set[tuple[str, str]]]] = [
    ("lancé", {("lancer", "participle")}),
    ("annonça", {("annoncer", "finite")}),
    ("Reconnait", {("reconnaître", "finite")}),
    ("DÉCLARÉE", {("déclarer", "participle"), ("se déclarer", "participle")}),
    ("réagissant", {("réagir", "present_participle")}),
    ("fait  savoir", {("faire savoir", "finite"), ("faire savoir", "participle")}),
    ("tire la sonnette d’alarme", {("tirer la sonnette d'alarme", "finite")}),
    ("souvient", {("se souvenir", "finite")}),
    ("dire", {("dire", "infinitive"), ("se dire", "infinitive")}),
    # negatives: not speech-verb forms
    ("chat", set()),
    ("félicite", {("se féliciter", "finite")}),
    ("fait", set()),  # only "faire savoir" & co. are speech verbs, not faire
    ("annoncait", set()),
]


@pytest.mark.parametrize(("form", "expected"), ANALYSES, ids=[f for f, _ in ANALYSES])
def test_analyse(form: str, expected: set[tuple[str, str]]) -> None:
    assert _pairs(form) == expected


def test_analyse_agreement() -> None:
    assert LEX.analyse("dit") == (
        VerbForm("dire", "finite", False, None),
        VerbForm("dire", "participle", False, False),
        VerbForm("se dire", "finite", False, None),
        VerbForm("se dire", "participle", False, False),
    )
    assert LEX.analyse("admis") == (
        VerbForm("admettre", "participle", False, False),
        VerbForm("admettre", "participle", True, False),
    )
    assert LEX.analyse("déclarées", pronominal=False) == (VerbForm("déclarer", "participle", True, True),)
    assert LEX.analyse("disent") == (VerbForm("dire", "finite", True, None), VerbForm("se dire", "finite", True, None))
    assert LEX.analyse("soulignant") == (VerbForm("souligner", "present_participle", None, None),)


def test_analyse_pronominal_filter() -> None:
    assert _pairs("dit", pronominal=True) == {("se dire", "finite"), ("se dire", "participle")}
    assert _pairs("dit", pronominal=False) == {("dire", "finite"), ("dire", "participle")}
    assert _pairs("félicité", pronominal=False) == set()


def test_analyse_takes_decomposed_input() -> None:
    assert _pairs(unicodedata.normalize("NFD", "déclaré")) == _pairs("déclaré")


def test_every_form_analyses_back() -> None:
    for mood in MOODS:
        for form in LEX.forms(mood):
            assert any(a.mood == mood for a in LEX.analyse(form)), form


# --------------------------------------------------------------------------
# The conjugator on verbs outside the lexicon, through a made-up data set

_HEADER = "\t".join(VERB_COLUMNS)
_REGULAR = "\t".join(["incise", "no", *["-"] * len(PARTS)])


def _mini(*lemmas: str, rows: tuple[str, ...] = ()) -> lexicon.Lexicon:
    lines = [_HEADER, *(f"{lemma}\t{_REGULAR}" for lemma in lemmas), *rows]
    return lexicon._build({"speech_verbs.tsv": "\n".join(lines) + "\n"})


@pytest.mark.parametrize(
    ("lemma", "present", "future", "imparfait"),
    [
        ("employer", {"emploie", "emploient"}, {"emploiera"}, "employait"),
        ("payer", {"paie", "paye", "paient", "payent"}, {"paiera", "payera"}, "payait"),
        ("jeter", {"jette", "jettent"}, {"jettera"}, "jetait"),
        ("acheter", {"achète", "achètent"}, {"achètera"}, "achetait"),
        ("lever", {"lève", "lèvent"}, {"lèvera"}, "levait"),
        ("céder", {"cède", "cèdent"}, {"cédera", "cèdera"}, "cédait"),
        ("créer", {"crée", "créent"}, {"créera"}, "créait"),
        ("placer", {"place", "placent"}, {"placera"}, "plaçait"),
        ("manger", {"mange", "mangent"}, {"mangera"}, "mangeait"),
        ("protéger", {"protège", "protègent"}, {"protégera", "protègera"}, "protégeait"),
        ("finir", {"finit", "finissent"}, {"finira"}, "finissait"),
        ("réfléchir", {"réfléchit", "réfléchissent"}, {"réfléchira"}, "réfléchissait"),
    ],
)
def test_regular_conjugation(lemma: str, present: set[str], future: set[str], imparfait: str) -> None:
    finite = set(_mini(lemma).forms("finite"))
    assert present <= finite and future <= finite and imparfait in finite


def test_third_group_needs_its_parts() -> None:
    with pytest.raises(LexiconError, match="not regular"):
        _mini("croire")


def test_third_group_ir_from_parts() -> None:
    row = "sortir\tincise\tno\t-\tsort\tsortent\tsortait\t-\t-\tsortant\t-"
    lex = _mini(rows=(row,))
    assert {"sort", "sortent", "sortait", "sortit", "sortirent", "sortira", "sorte"} <= set(lex.forms("finite"))
    assert "sortissent" not in lex.forms("finite")
    assert lex.forms("present_participle") == ["sortant"]
    assert lex.forms("participle") == ["sorti", "sortie", "sorties", "sortis"]


def test_malformed_rows_raise() -> None:
    with pytest.raises(LexiconError, match="uses"):
        _mini(rows=("parler\tspeech\tno" + "\t-" * len(PARTS),))
    with pytest.raises(LexiconError, match="ambiguous"):
        _mini(rows=("parler\tincise\tmaybe" + "\t-" * len(PARTS),))
    with pytest.raises(LexiconError, match="columns"):
        _mini(rows=("parler\tincise\tno",))


# --------------------------------------------------------------------------
# Word lists and their typed accessors


def test_titles() -> None:
    titles = LEX.titles()
    assert (titles["M."], titles["Mme"], titles["MM."], titles["Mlle"]) == ("m", "f", "m", "f")
    assert titles["Me"] is None and titles["Dr"] is None and titles["Pr"] is None
    assert titles["Mgr"] == "m" and titles["maître"] is None and titles["madame"] == "f"


def test_roles() -> None:
    roles = LEX.roles()
    assert (roles["président"], roles["présidente"]) == ("m", "f")
    assert roles["ministre"] is None and roles["porte-parole"] is None
    assert (roles["directeur"], roles["directrice"]) == ("m", "f")
    assert (roles["premier ministre"], roles["première ministre"]) == ("m", "f")
    assert (roles["envoyé spécial"], roles["envoyée spéciale"]) == ("m", "f")
    assert roles["cheffe"] == "f" and roles["chef"] is None


def test_first_names() -> None:
    names = LEX.first_names()
    assert names["François"] == "m" and names["Françoise"] == "f"
    assert names["Camille"] is None and names["Dominique"] is None and names["Claude"] is None
    assert (names["Sergueï"], names["Ioulia"], names["Bachar"], names["Ibrahim"]) == ("m", "f", "m", "m")
    assert (names["Václav"], names["Angela"], names["Giorgia"]) == ("m", "f", "f")


def test_demonyms() -> None:
    demonyms = LEX.words("demonyms")
    for forms in (
        ("syrien", "syrienne", "syriens", "syriennes"),
        ("français", "française", "françaises"),
        ("grec", "grecque", "grecs", "grecques"),
        ("turc", "turque", "turcs", "turques"),
        ("occidental", "occidentale", "occidentaux", "occidentales"),
        ("russe", "russes"),
        ("tchèque", "tchèques"),
        ("américain", "américaine", "américains", "américaines"),
        ("européen", "européenne", "européens", "européennes"),
    ):
        assert set(forms) <= demonyms, forms
    assert not {"russee", "grece", "occidentals", "françaiss"} & demonyms


def test_other_lists() -> None:
    assert {"Kremlin", "Élysée", "Matignon", "Quai d'Orsay", "Maison Blanche", "ministère", "parquet",
            "ONG", "armée", "état-major"} <= LEX.words("organisation_heads")
    assert {"secouristes", "habitants", "manifestants", "témoins", "sources", "proches"} <= LEX.words(
        "group_nouns"
    )
    assert LEX.words("titles") == frozenset(LEX.titles())
