"""Negative cases: text that looks like a quotation or a claim and is none.

Titles of works and slogans in marks, scare quotes with no cue, intertitles
made of a quotation, `selon` + no source, verbs that are not speech here,
cognition verbs and the journalist's own statements: each must give no
record at all, or no record of the kind named. Known false positives are
`xfail(strict=True)` with the reason.
"""
from __future__ import annotations

import pytest
from conftest import ROOT

from quotecli import extract


def xfail(*values: object, reason: str) -> object:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


def quotes_of(text: str) -> list[tuple[str, str]]:
    return [(r.type.value, r.quote) for r in extract(text)]


# --------------------------------------------------------------------------
# Words in marks that nobody says

TITLES_AND_SLOGANS = [
    # dev 017: the title of a show
    "Elles furent lancées par un spectacle géant, une comédie musicale nommée « Les bâtisseurs de la gloire » "
    "présentée au Théâtre de verdure, situé à l'ouest de la capitale.",
    "Le film « Les Misérables » de Ladj Ly a été présenté au festival de Cannes.",
    "Le roman «Les Bienveillantes» de Jonathan Littell a obtenu le prix Goncourt en 2006.",
    "Des milliers de manifestants brandissaient des pancartes «Je suis Charlie» place de la République.",
]

SCARE_QUOTES = [
    # dev 017
    "Le général De Gaulle proclamait l'indépendance de l'Algérie, après plus de 7 ans de guerre et une nette "
    "victoire du « oui » au référendum du 1er juillet 1962.",
    # seed
    "Les États-Unis et la Russie, qui avaient «suspendu» début octobre leur dialogue sur la Syrie, se retrouvent à "
    "Lausanne.",
    "Après Lausanne, M. Kerry se rendra dimanche à Londres pour retrouver ses «partenaires internationaux».",
    # dev 025
    "Depuis, des experts russes ont effectué plusieurs expéditions dans cette région, sans toutefois réussir à "
    "rencontrer l'« abominable homme des neiges ».",
]


@pytest.mark.parametrize("text", TITLES_AND_SLOGANS)
def test_title_or_slogan_in_marks_is_no_quotation(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize("text", SCARE_QUOTES)
def test_scare_quote_without_cue_is_no_quotation(text: str) -> None:
    assert extract(text) == []


# --------------------------------------------------------------------------
# Intertitles made of a quotation (the seed's «À n'importe quel prix»)

INTERTITLES = [
    ("Des frappes aériennes très intenses ont visé vendredi Alep-Est, a indiqué à l'AFP Rami Abdel Rahmane.\n\n"
     "«À n'importe quel prix»\n\n"
     "«La violence des raids démontre qu'il y a une décision russe pour prendre Alep-Est à n'importe quel prix», a "
     "souligné M. Abdel Rahmane.", "À n'importe quel prix"),
    ("La Russie s'est dite prête jeudi à assurer aux rebelles un retrait en toute sécurité d'Alep.\n\n"
     "Alep comme «tremplin»\n\n"
     "Le président Vladimir Poutine a ratifié un accord entre Damas et Moscou.", "tremplin"),
    # an intertitle right after a quoted speaker: it would otherwise look like a continuation
    ("«Je n'ai pas l'intention de démissionner», a déclaré Roman Prymula.\n\n«Un choc»\n\nLe Premier ministre "
     "Andrej Babiš s'est exprimé sur l'incident.", "Un choc"),
]


@pytest.mark.parametrize(("text", "heading"), INTERTITLES)
def test_intertitle_made_of_a_quotation_is_no_record(text: str, heading: str) -> None:
    assert heading not in [quote for _, quote in quotes_of(text)]


def test_the_seed_intertitles_are_no_records() -> None:
    text = (ROOT / "seeds" / "000_f9f8e09316241945.txt").read_text(encoding="utf-8")
    quotes = [quote for _, quote in quotes_of(text)]
    assert "À n'importe quel prix" not in quotes
    assert "tremplin" not in quotes


# --------------------------------------------------------------------------
# selon / d'après / pour with no source

NO_SOURCE = [
    "Selon moi, la situation est grave.",
    "D'après nous, la situation est grave.",
    "Selon la loi, le maire doit consulter le conseil municipal avant toute décision.",
    "Selon les cas, la peine peut aller jusqu'à cinq ans de prison.",
    "Selon le cas, la réforme sera soumise au Parlement ou au référendum.",
    "Selon les termes de l'accord, les troupes doivent se retirer avant la fin du mois.",
    "Selon toute vraisemblance, le ministre devrait quitter le gouvernement avant l'été.",
    # dev 012
    "Le restaurant qui, selon les mesures sanitaires en vigueur, devrait être fermé, était ouvert mercredi soir.",
    # dev 019
    "Selon le droit international, l'usage de la torture est interdit en toutes circonstances.",
    # dev 022, dev 013: pour + a time or a purpose
    "Pour la deuxième fois consécutive, la Commission a revu ses prévisions à la baisse.",
    "Pour repérer ces personnes, le gouvernement veut installer des algorithmes chez les fournisseurs d'accès.",
    # the journalist's sources are not a speaker
    "Selon nos informations, le ministre devrait quitter le gouvernement avant l'été.",
    # "selon" with no comma and no words in marks before it is a manner, not a source
    "Les tarifs varient selon les régions.",
]


def test_a_marker_echoing_a_speech_verb_is_no_claim_of_its_own() -> None:
    # corpus: "selon elle" only repeats who "a dénoncé" the words in marks
    text = "Marine Le Pen a dénoncé des manifestations où ils « importent la violence » selon elle."
    assert [(r.rule, r.speaker.name if r.speaker else None) for r in extract(text)] == [("preposed-object", "Marine Le Pen")]


@pytest.mark.parametrize("text", NO_SOURCE)
def test_marker_without_a_source_gives_nothing(text: str) -> None:
    assert extract(text) == []


def test_a_marker_inside_reported_words_opens_no_claim() -> None:
    # corpus: "pour lui" belongs to what Bruno Cautrès estimates; the apposition after his name is no claim of his
    text = ("Le chef de l'État a « repris l'initiative » pour lui, estimait mardi Bruno Cautrès, du Centre de "
            "recherches politiques de Sciences-Po.")
    assert [(r.rule, r.speaker and r.speaker.name) for r in extract(text)] == [("content-incise", "Bruno Cautrès")]


# --------------------------------------------------------------------------
# Verbs that are speech verbs elsewhere but not here

NOT_SPEECH = [
    # dev 023
    "Victime de deux accidents vasculaires cérébraux en 2009, Mouss Diouf avait été admis dans un centre de "
    "réadaptation.",
    "Jean Dupont est entré au gouvernement en 2012, il a été admis à l'hôpital lundi soir après un malaise.",
    "L'armée syrienne a lancé une offensive d'envergure sur la partie rebelle d'Alep.",
    "Les forces du régime ont lancé mardi une vaste opération contre les rebelles.",
    "Le ministère de l'Intérieur a lancé une enquête administrative sur les faits.",
    # seed
    "Cependant, M. Lavrov s'est montré sceptique sur un possible progrès à Lausanne.",
    "Le maire de Lyon s'est montré très prudent sur ce dossier.",
    "Et la communauté internationale s'avère toujours incapable d'arrêter le bain de sang qui dure depuis plus de "
    "cinq ans.",
    "La semaine dernière, la Russie avait mis son veto à une résolution française au Conseil de sécurité de l'ONU.",
    "Le comédien avait déclaré forfait pour la tournée d'été.",
    "Le chef de l'État a reçu jeudi les syndicats à l'Élysée.",
    xfail("Le père de la victime a reconnu le corps lundi à la morgue de Lyon.",
          reason="'reconnaître' + object is read as a claim ('a reconnu le corps' gives an indirect record)"),
    xfail("La France a reconnu l'État de Palestine en 2024.",
          reason="'reconnaître' + object is read as a claim (a diplomatic act, not speech)"),
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_verb_that_is_not_speech_here_gives_nothing(text: str) -> None:
    assert extract(text) == []


# --------------------------------------------------------------------------
# Cognition verbs: a belief is no claim

COGNITION = [
    "Jean Dupont est arrivé jeudi à Lyon. Il pense que la réforme sera adoptée avant l'été.",
    "Jean Dupont est arrivé jeudi à Lyon. Il croit que la réforme sera adoptée avant l'été.",
    "Jean Dupont est arrivé jeudi à Lyon. Il sait que la réforme sera difficile à faire adopter.",
    "Jean Dupont est arrivé jeudi à Lyon. Il imagine que la réforme sera adoptée avant l'été.",
    "Jean Dupont est arrivé jeudi à Lyon. Il a appris que la réforme sera adoptée avant l'été.",
    "Le président Emmanuel Macron pense que la réforme sera adoptée avant l'été.",
    "Le ministre croit que la réforme sera adoptée avant l'été.",
    "Marine Le Pen a compris que la réforme serait adoptée avant l'été.",
    # dev 026 (the claim there is the pensée of Bloomberg, not a statement)
    "Michael Bloomberg pense que Barack Obama a pris des mesures significatives de réduction de la consommation de "
    "carbone.",
]


@pytest.mark.parametrize("text", COGNITION)
def test_cognition_verb_gives_no_claim(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(("text", "quote", "lemma"), [
    # dev 005: a belief in the speaker's own words is a claim
    ("Barroso, le président de la commission européenne, pense que « cela envoie un signal clair ».",
     "« cela envoie un signal clair »", "penser"),
    ("Le ministre croit que la réforme sera « adoptée avant l'été ».", "la réforme sera « adoptée avant l'été »",
     "croire"),
])
def test_cognition_verb_with_words_in_marks_gives_a_claim(text: str, quote: str, lemma: str) -> None:
    assert [(r.type.value, r.quote, r.cue.lemma if r.cue else None) for r in extract(text)] == [("mixed", quote, lemma)]


@pytest.mark.parametrize("text", [
    # corpus: the verb after the comma is the subject's, and what follows it is its object
    "Une deuxième figure du mouvement, Priscilla Dudosky, invite les manifestants à se rendre aux frontières.",
    "La présidente du RN Marine Le Pen, et le président de DLR, Nicolas Dupont-Aignan, ont attaqué ce nouveau "
    "traité.",
    # corpus: adjuncts between commas after the verb; what follows is its object or a stressed pronoun
    "Camille Chaize, la porte-parole de la police nationale, mettait en garde, dans un registre complémentaire, les "
    "manifestants sur les conséquences de leur présence.",
    "Frédérique Rolet, secrétaire générale du Snes-FSU, rappelle, elle, que son syndicat a toujours condamné les "
    "attaques aux biens.",
    # corpus: names and their appositions before the verb are its subject, however the commas fall
    "L'avocat des familles, Arié Alimi, a demandé le dépaysement de la procédure.",
    "Le président de LR, Laurent Wauquiez, demande un moratoire sur les taxes.",
    "Invité de BFM Business, son patron, Yves Veyrier, a regretté la désunion entre les centrales.",
])
def test_a_subject_and_its_verb_are_no_incise(text: str) -> None:
    assert not [r for r in extract(text) if r.rule.startswith("content-incise")]


@pytest.mark.parametrize("text", [
    # corpus: words in marks inside a noun phrase, then its verb: a subject, not a quotation and its incise
    "Le mouvement des «gilets jaunes» révèle en effet un malaise profond.",
    "Les «gilets jaunes» poursuivent les blocages ce lundi.",
])
def test_words_in_marks_in_a_subject_make_no_incise(text: str) -> None:
    assert extract(text) == []


def test_words_in_marks_then_the_incise_without_a_comma_are_still_read() -> None:
    text = 'Matignon "n\'est pas un self-service" dit Marlène Schiappa.'
    assert [(r.quote, r.speaker.name) for r in extract(text)] == [('Matignon "n\'est pas un self-service"', "Marlène Schiappa")]


def test_an_object_announcing_a_quotation_is_no_claim_of_its_own() -> None:
    # corpus: "exprimer sa colère : « … »": what was said is the quotation
    text = "Sophie Carrouge exprimait sa colère sans ménagement : « C'est une honte ! »"
    assert [(r.rule, r.quote) for r in extract(text)] == [("preposed-colon", "C'est une honte !")]


@pytest.mark.parametrize(("text", "speaker"), [
    # the number of the phrase after the verb is not the verb's, yet it is its subject
    ("« Il s'est pris une balle », affirme à l'AFP l'un des secouristes.", "un des secouristes"),
    ("« Ce lieu est sûr », indiquent le ministre Christophe Castaner et son secrétaire d'État.",
     "Christophe Castaner"),
    ("« Macron garde le cap, nous aussi », clament une cinquantaine d’entre eux.", "cinquantaine d’entre eux"),
])
def test_an_incise_subject_of_another_number(text: str, speaker: str) -> None:
    assert [r.speaker.name for r in extract(text) if r.speaker] == [speaker]


def test_a_subject_before_its_verb_is_no_claim() -> None:
    """corpus: ", a dévoilé les modalités" is the subject's verb and object, not
    an incise: "les modalités" cannot be the subject of a singular "a"."""
    text = "Le premier ministre, Édouard Philippe, a dévoilé les modalités de l'opération."
    assert [(r.rule, r.quote, r.speaker.name if r.speaker else None) for r in extract(text)] == \
        [("preposed-object", "les modalités de l'opération", "Édouard Philippe")]


# --------------------------------------------------------------------------
# Links to other articles: their titles quote people of another article

@pytest.mark.parametrize("line", [
    "» LIRE AUSSI - «Gilets jaunes»: «Le président de la République va devoir s'exprimer», dit Jacqueline Gourault",
    "Lire aussi\u00a0Gilets jaunes\u00a0: Édouard Philippe annonce un moratoire",
    "À VOIR AUSSI - CRS témoigne: «Ma compagnie a tiré plus de 1000 grenades lacrymogènes»",
])
def test_a_link_line_makes_no_record(line: str) -> None:
    text = f"Le mouvement se poursuit samedi.\n{line}\n« Nous serons là », a dit Jean Dupont."
    assert [(r.quote, r.speaker.name if r.speaker else None) for r in extract(text)] == \
        [("Nous serons là", "Jean Dupont")]


def test_an_article_paragraph_glued_to_a_link_line_is_still_read() -> None:
    text = ("» LIRE AUSSI - «Gilets jaunes»: notre live • " + "Des scènes de guérilla urbaine ont eu lieu. " * 5 +
            "Avenue de la Grande Armée, des voitures ont été incendiées, a constaté notre journaliste Wladimir Garcin.")
    assert any(r.speaker and r.speaker.name == "Wladimir Garcin" for r in extract(text))


# --------------------------------------------------------------------------
# The journalist's own statements

JOURNALIST = [
    "Il faut rappeler que la loi avait été adoptée en 2015 par le Parlement.",
    "Rappelons que la loi avait été adoptée en 2015 par le Parlement.",
    # dev 011
    "À noter que depuis le début de l'année en Indonésie, le marché des cosmétiques a augmenté de 12,9 % par "
    "rapport à 2011.",
    # dev 002
    "Il s'agit de son quatorzième titre du Grand Chelem et de la dixième victoire d'une des deux sœurs Williams sur "
    "les treize derniers Wimbledon.",
    # seed
    "Les forces du régime syrien progressaient vendredi dans les quartiers rebelles d'Alep, bombardés sans relâche "
    "par l'aviation syrienne et son allié russe.",
    "Depuis mars 2011, le conflit en Syrie s'est complexifié et internationalisé, provoquant la mort de plus de "
    "300.000 personnes et dévastant le pays.",
    "La rencontre est prévue samedi à Lausanne entre les chefs de la diplomatie russe et américaine, Sergueï Lavrov "
    "et John Kerry.",
]


@pytest.mark.parametrize("text", JOURNALIST)
def test_journalists_own_statement_gives_nothing(text: str) -> None:
    assert extract(text) == []


# --------------------------------------------------------------------------
# No record of that kind

def test_unattributed_claim_is_dropped_but_direct_quote_kept() -> None:
    """A claim with a pronoun and no antecedent says nothing; a quotation still is one."""
    assert extract("Il a précisé que la construction a nécessité 100 millions d'euros.") == []
    (r,) = extract("«Je n'ai enfreint aucune règle», a-t-il estimé.")
    assert (r.type.value, r.speaker.name if r.speaker else None) == ("direct", None)
    assert "no_speaker" in r.flags


def test_scare_quote_inside_a_claim_is_not_a_direct_record() -> None:
    # seed: «exigences» is part of Hollande's claim, never a quotation of its own
    text = ("Le président français François Hollande a rappelé vendredi les «exigences» de la France dont un "
            "cessez-le-feu immédiat.")
    assert ("direct", "exigences") not in quotes_of(text)
    assert [t for t, _ in quotes_of(text)] == ["mixed"]


def test_title_inside_a_reported_clause_is_not_a_direct_record() -> None:
    text = "Le ministre de la Culture a annoncé que le film « Les Misérables » représentera la France aux Oscars."
    assert all(t != "direct" for t, _ in quotes_of(text))


def test_word_in_marks_after_qualifier_de_is_not_a_direct_record() -> None:
    # seed: "qualifie de «terroriste»" (optional in the gold annotation: no direct record either way)
    text = "Le régime syrien qualifie de «terroriste» tous les opposants qui le combattent."
    assert ("direct", "terroriste") not in quotes_of(text)
