"""Attribution, construction by construction, on real French news sentences.

Each table holds `(text, expected)` rows: the text is a real sentence (from the
seed article, from the dev texts in ../shared/eval/dev/texts, or written to
look like one), `expected` is what a user checks in the record it yields:
its type, its quote, its resolved speaker and the lemma of its cue. A row
passes when one record of `extract(text)` has exactly these four values.

Known engine failures are rows marked `xfail(strict=True)` with the reason:
they pass the day the engine is fixed, and then fail until unmarked.
"""
from __future__ import annotations

import pytest

from quotecli import extract
from quotecli.model import Record

Row = tuple[str, str, str | None, str | None]  # type, quote, speaker, cue lemma


def found(text: str) -> list[Row]:
    """What a user reads off each record: type, quote, speaker, cue lemma."""
    return [(r.type.value, r.quote, r.speaker.name if r.speaker else None, r.cue.lemma if r.cue else None)
            for r in extract(text)]


def record(text: str, quote: str) -> Record:
    """The one record whose quote is `quote`."""
    hits = [r for r in extract(text) if r.quote == quote]
    assert len(hits) == 1, [r.quote for r in extract(text)]
    return hits[0]


def xfail(*values: object, reason: str) -> object:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


# --------------------------------------------------------------------------
# Postposed incise with subject inversion: «…», a-t-il lancé

INVERSION = [
    # seed: the pronoun takes up "M. Lavrov", named in full a paragraph before
    ("La rencontre est prévue samedi à Lausanne entre les chefs de la diplomatie russe et américaine, "
     "Sergueï Lavrov et John Kerry.\n\nCependant, M. Lavrov s'est montré sceptique sur un possible progrès à "
     "Lausanne. «Je n'attends rien de spécial», a-t-il lancé lors d'une visite en Arménie.",
     ("direct", "Je n'attends rien de spécial", "Sergueï Lavrov", "lancer")),
    # seed: present tense, "confie-t-il"
    ("«Il y a une grande escalade», a affirmé à l'AFP l'un d'eux, Ibrahim Abou Laith. «Cela fait quatre jours que "
     "je ne dors pas en raison des bombardements», confie-t-il.",
     ("direct", "Cela fait quatre jours que je ne dors pas en raison des bombardements", "Ibrahim Abou Laith",
      "confier")),
    # pronominal verb with inversion
    ("Le président Emmanuel Macron a visité jeudi l'usine de Florange. «C'est une excellente nouvelle pour la "
     "Lorraine», s'est-il félicité.",
     ("direct", "C'est une excellente nouvelle pour la Lorraine", "Emmanuel Macron", "se féliciter")),
    ("La maire de Paris, Anne Hidalgo, a inauguré la nouvelle ligne de tramway. «C'est une victoire pour tous les "
     "Parisiens», s'est-elle félicitée.",
     ("direct", "C'est une victoire pour tous les Parisiens", "Anne Hidalgo", "se féliciter")),
    # dev 027: inversion without auxiliary, after a long quotation
    ("Dans l'interview, Jean-Marie Le Pen revient sur le parti, la démographie européenne, ainsi que l'islam. « Le "
     "maître sera l'islam. Si les islamistes deviennent majoritaires en France, ce sera la charia », prévient-il.",
     ("direct", "Le maître sera l'islam. Si les islamistes deviennent majoritaires en France, ce sera la charia",
      "Jean-Marie Le Pen", "prévenir")),
    # dev 022: a-t-elle
    ("Christine Lagarde a elle aussi jugé « impératif » mardi que les tensions commerciales entre la Chine et les "
     "Etats-Unis s'apaisent. « Elles représentent une menace sur l'économie mondiale », a-t-elle estimé.",
     ("direct", "Elles représentent une menace sur l'économie mondiale", "Christine Lagarde", "estimer")),
    # dev 026: no comma between the closing mark and the incise
    ("Le maire de New York, Michael Bloomberg, appelle à voter pour Barack Obama. « Notre climat change » "
     "déclare-t-il dans une libre opinion publiée sur Bloomberg View.",
     ("direct", "Notre climat change", "Michael Bloomberg", "déclarer")),
    # dev 003: pluperfect with inversion; "il" is Thierry Roland, subject of the sentence before
    xfail("Le commentateur sportif Thierry Roland s'est éteint dans la nuit de vendredi à samedi, avec à ses côtés son "
          "complice de toujours, Jean-Michel Larqué. Parmi ses tirades les plus populaires, nous entendîmes plusieurs "
          "fois : « Eh oui, mon petit Jean-Mimi ! — Tout à fait Thierry !», répondit alors son complice.\n\nEn 1998, "
          "il obtint la consécration en commentant la finale de la Coupe du Monde. « Je crois qu'après avoir vu ça, "
          "on peut mourir tranquille ! » avait-il lancé après le match.",
          ("direct", "Je crois qu'après avoir vu ça, on peut mourir tranquille !", "Thierry Roland", "lancer"),
          reason="a pronoun subject ('il obtint la consécration') brings nobody into view, so the later "
                 "'avait-il lancé' goes to the last speaker, Jean-Michel Larqué (dev 003)"),
]


@pytest.mark.parametrize(("text", "expected"), INVERSION)
def test_postposed_incise_with_inversion(text: str, expected: Row) -> None:
    assert expected in found(text)


def test_inversion_names_the_pronoun_as_the_mention() -> None:
    text = INVERSION[0][0]
    d = record(text, "Je n'attends rien de spécial").to_dict()
    assert (d["speaker_mention"], d["speaker_resolved_by"], d["cue"]) == ("il", "pronoun -> previous person",
                                                                          "a-t-il lancé")
    assert d["rule"] == "quote-incise-inversion"


# --------------------------------------------------------------------------
# Postposed incise with a named subject: «…», a souligné M. Abdel Rahmane

NAMED = [
    # seed: title + surname -> the full name given earlier
    ("Des frappes aériennes ont visé vendredi Alep-Est, a indiqué à l'AFP Rami Abdel Rahmane, directeur de "
     "l'Observatoire syrien des droits de l'Homme (OSDH).\n\n«La violence des raids démontre qu'il y a une décision "
     "russe pour prendre Alep-Est à n'importe quel prix», a souligné M. Abdel Rahmane.",
     ("direct", "La violence des raids démontre qu'il y a une décision russe pour prendre Alep-Est à n'importe quel "
      "prix", "Rami Abdel Rahmane", "souligner")),
    # seed: "à l'AFP" is a complement; "l'un d'eux" is resolved by its apposition
    ("«Il y a une grande escalade», a affirmé à l'AFP l'un d'eux, Ibrahim Abou Laith.",
     ("direct", "Il y a une grande escalade", "Ibrahim Abou Laith", "affirmer")),
    # dev 027: an object clitic before the verb
    ("« C'est la grande bourgeoisie qui s'exprime quand je vous vois », lui avait dit Christian Jacob, président du "
     "groupe UMP à l'Assemblée nationale.",
     ("direct", "C'est la grande bourgeoisie qui s'exprime quand je vous vois", "Christian Jacob", "dire")),
    # dev 022
    ("« Les risques qui entourent [nos] perspectives restent élevés », prévient Valdis Dombrovskis.",
     ("direct", "Les risques qui entourent [nos] perspectives restent élevés", "Valdis Dombrovskis", "prévenir")),
    # dev 061: straight quotation marks, a role before the name
    ('"Le président mesure bien les conséquences de ces affaires dans l\'opinion publique", a affirmé la '
     "villepiniste Marie-Anne Montchamp.",
     ("direct", "Le président mesure bien les conséquences de ces affaires dans l'opinion publique",
      "Marie-Anne Montchamp", "affirmer")),
    # dev 010: complement, then a name with an apposition
    ("« Les résultats sont alarmants. On observe par exemple deux à trois fois plus de mortalité chez les femelles "
     "traitées », a expliqué à l'AFP Gilles-Éric Séralini, professeur à l'université de Caen, qui a chapeauté "
     "l'étude.",
     ("direct", "Les résultats sont alarmants. On observe par exemple deux à trois fois plus de mortalité chez les "
      "femelles traitées", "Gilles-Éric Séralini", "expliquer")),
    # dev 001: no comma after the closing mark
    ("« Si l'armée ne veut pas faire la guerre, qu'on nous donne les moyens de libérer nos terres ! » a déclaré "
     "Oumar Maïga, l'un des responsables de la manifestation.",
     ("direct", "Si l'armée ne veut pas faire la guerre, qu'on nous donne les moyens de libérer nos terres !",
      "Oumar Maïga", "déclarer")),
    # a time adverb between verb and subject; role + name
    ("«Nous n'avons pas d'autre choix», a déclaré jeudi le Premier ministre Édouard Philippe.",
     ("direct", "Nous n'avons pas d'autre choix", "Édouard Philippe", "déclarer")),
    # dev 025: an initial for the first name
    ("Des poils trouvés en Sibérie appartiendraient au yéti, a annoncé Valentine Sapounov.\n\n« Dans le domaine "
     "scientifique, rien ne peut être sûr à 100 %. » a indiqué V. Sapounov.",
     ("direct", "Dans le domaine scientifique, rien ne peut être sûr à 100 %.", "Valentine Sapounov", "indiquer")),
    # dev 010: a bare description takes up the person in view
    ("« Les résultats sont alarmants », a expliqué à l'AFP Gilles-Éric Séralini, professeur à l'université de Caen."
     "\n\n« Les résultats révèlent des mortalités bien plus rapides et plus fortes », résume l'universitaire.",
     ("direct", "Les résultats révèlent des mortalités bien plus rapides et plus fortes", "Gilles-Éric Séralini",
      "résumer")),
    # dev 030: an organisation as subject
    ("« Ces actes d'une extrême violence sont inadmissibles », juge le ministère de l'Intérieur.",
     ("direct", "Ces actes d'une extrême violence sont inadmissibles", "ministère de l'Intérieur", "juger")),
    # corpus (AFP, December 2018): "Mais" opening the sentence is no part of what was said
    ("Mais «ne comptez pas sur moi pour ajouter de la polémique», a déclaré François Bayrou.",
     ("direct", "ne comptez pas sur moi pour ajouter de la polémique", "François Bayrou", "déclarer")),
    # corpus: "à l'AFP" after a role is whom it spoke to, no complement of the role
    ("« L'homme a été interpellé », a précisé le parquet à l'Agence France-Presse.",
     ("direct", "L'homme a été interpellé", "parquet", "préciser")),
    ("« Une mobilisation est attendue », a indiqué une source policière à l'AFP.",
     ("direct", "Une mobilisation est attendue", "source policière", "indiquer")),
    ("« Nous tiendrons », a confié le ministre de l'Intérieur au Parisien.",
     ("direct", "Nous tiendrons", "ministre de l'Intérieur", "confier")),
    ("« Nous tiendrons », a déclaré le ministre délégué aux Transports.",
     ("direct", "Nous tiendrons", "ministre délégué aux Transports", "déclarer")),
    # corpus: adjuncts between commas before the speaker of a quotation
    ("«Mourir comme ça, c'est injuste», a souligné, en pleurs, cette habitante de Domessin (Savoie).",
     ("direct", "Mourir comme ça, c'est injuste", "habitante de Domessin", "souligner")),
    ("«On est dans l'urgence», a expliqué à l'AFP, David Le Bars, secrétaire général du SCPN.",
     ("direct", "On est dans l'urgence", "David Le Bars", "expliquer")),
    # a second quotation joined by "et" starts after the first one's speaker, not at its verb
    ("Le ministre Jean Dupont était à Lyon. Les frappes sont «intenses», a indiqué M. Dupont, et «la violence des "
     "raids est inédite», a-t-il souligné.",
     ("direct", "la violence des raids est inédite", "Jean Dupont", "souligner")),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_postposed_incise_with_named_subject(text: str, expected: Row) -> None:
    assert expected in found(text)


# --------------------------------------------------------------------------
# Preposed verb with a colon: X a déclaré : «…»

PREPOSED_COLON = [
    # dev 019
    ("Nadim Houry précise : « La torture continue aujourd'hui en Syrie, et elle est le produit d'une politique "
     "nationale ».",
     ("direct", "La torture continue aujourd'hui en Syrie, et elle est le produit d'une politique nationale",
      "Nadim Houry", "préciser")),
    # dev 017: an apposition between subject and verb
    ("Akli Gasmi, jeune berger en Kabylie maritime à l'époque, se souvient : « C'est quelque chose qu'on ne vit "
     "qu'une fois. C'était l'euphorie ».",
     ("direct", "C'est quelque chose qu'on ne vit qu'une fois. C'était l'euphorie", "Akli Gasmi", "se souvenir")),
    # dev 016: a long role description in apposition, then the name
    ("L'un des deux porte-parole des équipes scientifiques ayant participé à la recherche de la particule, Joe "
     "Incandela, a annoncé : « C'est un résultat provisoire, mais nous pensons qu'il est très solide ».",
     ("direct", "C'est un résultat provisoire, mais nous pensons qu'il est très solide", "Joe Incandela",
      "annoncer")),
    # dev 016: an adverbial phrase and a role before the name
    ("De son côté, le directeur général du Science & Technology Facilities Council britannique, John Womersley a "
     "déclaré : « Je peux confirmer qu'une particule a été découverte qui est compatible avec la théorie du boson "
     "de Higgs ».",
     ("direct", "Je peux confirmer qu'une particule a été découverte qui est compatible avec la théorie du boson de "
      "Higgs", "John Womersley", "déclarer")),
    # dev 017
    ("Michel Guay, jeune appelé et témoin de la scène avec le photographe de son régiment, raconte : « Moi, "
     "j'étais dans une 2 CV. On s'est retrouvé à plat ventre sous la voiture. »",
     ("direct", "Moi, j'étais dans une 2 CV. On s'est retrouvé à plat ventre sous la voiture.", "Michel Guay",
      "raconter")),
    # "L'un des deux porte-parole" is the subject, named by its apposition
    ("L'un des deux porte-parole, Joe Incandela, a annoncé : « C'est un résultat provisoire, mais nous pensons "
     "qu'il est très solide ».",
     ("direct", "C'est un résultat provisoire, mais nous pensons qu'il est très solide", "Joe Incandela",
      "annoncer")),
]


@pytest.mark.parametrize(("text", "expected"), PREPOSED_COLON)
def test_preposed_verb_with_colon(text: str, expected: Row) -> None:
    assert expected in found(text)


# --------------------------------------------------------------------------
# Preposed verb with que: indirect, or mixed when the clause carries marks

PREPOSED_QUE = [
    # seed: a verbatim word in marks makes it mixed; the quote keeps the marks
    ("Dans une interview au quotidien russe Komsomolskaya Pravda publiée vendredi, Bachar al-Assad a déclaré qu'il "
     "utiliserait une victoire à Alep comme un «tremplin» pour capturer d'autres bastions rebelles.",
     ("mixed", "il utiliserait une victoire à Alep comme un «tremplin» pour capturer d'autres bastions rebelles",
      "Bachar al-Assad", "déclarer")),
    # dev 001: apposition between subject and verb; the colon quote after it is a record of its own
    ("Nock Ag Attia, député touareg, a précisé que les milices qui contrôlent actuellement le nord du pays ne "
     "représentent pas les maliens : « Au Mali, les Touareg, les Peul, les Songhoï ne partagent pas les bêtises du "
     "MNLA, du Mujao, et d'Al-Qaïda ».",
     ("indirect", "les milices qui contrôlent actuellement le nord du pays ne représentent pas les maliens",
      "Nock Ag Attia", "préciser")),
    ("Nock Ag Attia, député touareg, a précisé que les milices qui contrôlent actuellement le nord du pays ne "
     "représentent pas les maliens : « Au Mali, les Touareg, les Peul, les Songhoï ne partagent pas les bêtises du "
     "MNLA, du Mujao, et d'Al-Qaïda ».",
     ("direct", "Au Mali, les Touareg, les Peul, les Songhoï ne partagent pas les bêtises du MNLA, du Mujao, et "
      "d'Al-Qaïda", "Nock Ag Attia", "préciser")),
    # dev 011: "Il" takes up the speaker of the sentence before
    ("L'usine produira 200 millions de produits cosmétiques sur l'année 2013, avec une capacité qui pourra être "
     "portée à 300 millions et jusqu'« à 500 millions à long terme », explique Joechen Zaumseil le vice-président "
     "de L'Oréal pour l'Asie-Pacifique. Il précise que la construction a nécessité « 100 millions d'euros » "
     "d'investissement.",
     ("mixed", "la construction a nécessité « 100 millions d'euros » d'investissement", "Joechen Zaumseil",
      "préciser")),
    # dev 012: an adverb inside the verb group
    ("Roman Prymula a également précisé que les faits qui lui sont reprochés se sont déroulés la veille de "
     "l'entrée en vigueur des principales mesures de reconfinement.",
     ("indirect", "les faits qui lui sont reprochés se sont déroulés la veille de l'entrée en vigueur des "
      "principales mesures de reconfinement", "Roman Prymula", "préciser")),
    # dev 030: apposition and "à l'AFP" before que
    ("Arié Bensemhoun, président de la communauté juive de Toulouse, a déclaré à l'AFP que les juifs sont victimes "
     "d'une « forme d'acharnement qui devient insupportable ».",
     ("mixed", "les juifs sont victimes d'une « forme d'acharnement qui devient insupportable »", "Arié Bensemhoun",
      "déclarer")),
    # seed-like: role + name as subject
    ("Le président syrien Bachar al-Assad a affirmé que sa prochaine cible pourrait être la province d'Idleb.",
     ("indirect", "sa prochaine cible pourrait être la province d'Idleb", "Bachar al-Assad", "affirmer")),
    # a group as subject
    ("Les secouristes ont affirmé que les bombardements n'avaient pas cessé de la nuit.",
     ("indirect", "les bombardements n'avaient pas cessé de la nuit", "secouristes", "affirmer")),
    # dev 006: an adverbial "de façon …" between the verb and que
    ("Dans Parenté sans papiers, Frédérique Fogel montre de façon précise qu’il y a une zone grise complexe entre "
     "le non-droit et le droit.",
     ("indirect", "il y a une zone grise complexe entre le non-droit et le droit", "Frédérique Fogel", "montrer")),
    # dev 002: the whole que-clause is in marks: mixed, and the quote is the content as written
    ("Submergée par l'émotion, Serena Williams déclare en recevant la coupe que « Je peux à peine décrire ce que "
          "je ressens. Je ne rêvais même pas de pouvoir revenir ici ».",
          ("mixed", "« Je peux à peine décrire ce que je ressens. Je ne rêvais même pas de pouvoir revenir ici »",
           "Serena Williams", "déclarer")),
]


@pytest.mark.parametrize(("text", "expected"), PREPOSED_QUE)
def test_preposed_que(text: str, expected: Row) -> None:
    assert expected in found(text)


# A cue in a subordinate clause opening the sentence: what was said ends where the main clause begins.
FRONTED_SUBORDINATE = [
    # dev 012
    ("Alors que dans un entretien pour l'hebdomadaire Respekt, ce vendredi matin, Roman Prymula avait affirmé "
     "qu'il était prêt à démissionner « si le public le veut », il a rejeté cette éventualité en début "
     "d'après-midi.",
     ("mixed", "il était prêt à démissionner « si le public le veut »", "Roman Prymula", "affirmer")),
    # corpus: the main clause's own cue makes its own record
    ("Si, le 22 novembre, Manuel Bompard s'est dit « choqué par le silence » d'EELV et du PS, le directeur "
     "des campagnes du mouvement a estimé hier que le résultat de dimanche est dû à un mauvais choix.",
     ("mixed", "« choqué par le silence » d'EELV et du PS", "Manuel Bompard", "se dire")),
    ("Alors que le dernier rapport annuel d'Oxfam démontre que les 26 personnes les plus riches détiennent "
     "autant que la moitié la plus pauvre, Fabien Roussel regrette que les discussions à gauche n'aboutissent pas.",
     ("indirect", "les discussions à gauche n'aboutissent pas", "Fabien Roussel", "regretter")),
    # the quotation after the main clause's colon is the main clause subject's
    ("Quand le procureur Rémy Heitz fait remarquer qu'il y a eu des débordements le 22 décembre, Éric Drouet "
     "rétorque : « Je ne suis pas responsable de tout Paris ! »",
     ("direct", "Je ne suis pas responsable de tout Paris !", "Éric Drouet", "rétorquer")),
]


@pytest.mark.parametrize(("text", "expected"), FRONTED_SUBORDINATE)
def test_fronted_subordinate_clause_ends_the_claim(text: str, expected: Row) -> None:
    assert expected in found(text)


# "comme l'a dit X": an incise naming the source of what follows it, or of what it closes.
AS_SAID = [
    # dev 019
    ("La Syrie n'ayant pas ratifié la convention, l'ONG a demandé au Conseil de sécurité d'agir, bien que, comme "
     "le rappelle HRW, « la Russie et la Chine ont précédemment bloqué les efforts du Conseil de sécurité ».",
     ("direct", "la Russie et la Chine ont précédemment bloqué les efforts du Conseil de sécurité", "HRW", "rappeler")),
    # dev 006: what it closes, with a date after the source
    ("La seule solution est de sortir de la Convention européenne des droits de l’homme, ainsi que l’avait "
     "suggéré François Fillon en 2017.",
     ("indirect", "La seule solution est de sortir de la Convention européenne des droits de l’homme", "François Fillon",
      "suggérer")),
    # corpus: an apposition to the source, then what it says
    ("Comme l'explique Stanislas Guerini, le nouveau patron du parti majoritaire LaREM, le mouvement doit se "
     "structurer.",
     ("indirect", "le mouvement doit se structurer", "Stanislas Guerini", "expliquer")),
    # corpus: an apposition, then a colon and the quotation
    ("Comme l'explique Coordination SUD, organisation qui fédère des ONG de solidarité internationale : « Nous "
     "sommes inquiets. »",
     ("direct", "Nous sommes inquiets.", "Coordination SUD", "expliquer")),
    ("Le cliché a bien été pris dans une commune du Rhône, comme l'a expliqué l'AFP.",
     ("indirect", "Le cliché a bien été pris dans une commune du Rhône", "AFP", "expliquer")),
]


@pytest.mark.parametrize(("text", "expected"), AS_SAID)
def test_as_said(text: str, expected: Row) -> None:
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "Les chiffres sont en baisse, comme le montre le graphique ci-dessous.",  # no speech verb
    # an apposition of an earlier speaker is no claim
    "«Pourquoi dire non?», a fait valoir Maxime Nicolle, autre figure du mouvement, comme le relève le HuffPost.",
    "Il travaille comme les autres.",
])
def test_as_said_makes_no_claim(text: str) -> None:
    assert all(r.rule.startswith("quote-") for r in extract(text))


def test_cest_ce_qua_dit_takes_up_the_sentence_before() -> None:
    """dev 014: the source of a sentence is named in the next paragraph."""
    text = ("En raison du taux élevé de délinquance, l’administration de Valérie Plante a décidé de ne pas autoriser "
            "ces véhicules dans les rues de la ville en 2020.\n\nC’est ce qu’a annoncé Éric Alan Caldwell, "
            "responsable de la mobilité au comité exécutif, mercredi matin.")
    assert found(text) == [("indirect", "En raison du taux élevé de délinquance, l’administration de Valérie Plante a "
                            "décidé de ne pas autoriser ces véhicules dans les rues de la ville en 2020",
                            "Éric Alan Caldwell", "annoncer")]


@pytest.mark.parametrize(("text", "expected"), [
    # dev 012: the quotation before, the source before its verb
    ("Le Premier ministre Andrej Babiš s'est exprimé ce vendredi. « Un choc », c'est ainsi qu'il a qualifié les "
     "révélations concernant la réunion de son ministre.",
     ("direct", "Un choc", "Andrej Babiš", "qualifier")),
    ("La police a interpellé 300 personnes. C'est ce que le préfet Michel Delpuech a annoncé dimanche.",
     ("indirect", "La police a interpellé 300 personnes", "Michel Delpuech", "annoncer")),
])
def test_cest_ainsi_qua_dit_takes_up_what_stands_before(text: str, expected: Row) -> None:
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    # the sentence before reports already: its content is never taken twice
    "Le préfet a déclaré que 300 personnes avaient été interpellées. C'est ce qu'a confirmé le ministre.",
    # a quotation before: its own record
    "« Nous ne céderons pas. » C'est ce qu'a répété le ministre.",
    # a colon: what follows is what was said
    "Rien ne change. C'est ce que disent les gouvernants : vous aurez plus d'Europe.",
])
def test_cest_ce_qua_dit_takes_nothing_already_taken(text: str) -> None:
    assert not [r for r in extract(text) if r.rule == "that-is-what"]


# Two speech verbs of one subject: each reports its own content.
COORDINATED = [
    # dev 028
    ("David Martin, le rapporteur du texte, a reconnu l'importance de cette lutte mais a appelé au rejet du projet.",
     ("indirect", "l'importance de cette lutte", "David Martin", "reconnaître")),
    ("Le ministre Gérald Darmanin a affirmé que la réforme était nécessaire et a ajouté qu'elle serait votée en mars.",
     ("indirect", "la réforme était nécessaire", "Gérald Darmanin", "affirmer")),
    ("Le ministre Gérald Darmanin a affirmé que la réforme était nécessaire et a ajouté qu'elle serait votée en mars.",
     ("indirect", "elle serait votée en mars", "Gérald Darmanin", "ajouter")),
    # corpus: the second verb's subject is the first's, not the role before the name
    ("Le ministre de la Transition écologique François de Rugy a martelé qu'il n'abandonnerait pas la taxe carbone "
     "et a dénoncé la \"démagogie\" des \"irresponsables politiques\".",
     ("mixed", 'la "démagogie" des "irresponsables politiques"', "François de Rugy", "dénoncer")),
    # dev 005: simple tenses, the second verb introducing what is said
    ("Barroso, le président de la commission européenne se dit « particulièrement rassuré » et pense que « cela "
     "envoie un signal clair ».",
     ("direct", "particulièrement rassuré", "Barroso", "se dire")),
    ("Le porte-parole Jean Dupont affirme que « les tests n'ont rien montré », mais assure que Facebook fera "
     "évoluer l'outil.",
     ("indirect", "Facebook fera évoluer l'outil", "Jean Dupont", "assurer")),
    # dev 013: a verb of the que-clause, with no auxiliary of its own, is still what was said
    ("Pouria Amirshahi, député socialiste, a annoncé qu'il transmettrait un « mémorandum argumenté » au Conseil "
     "constitutionnel et demanderait à se faire auditionner sur le projet de loi.",
     ("mixed", "il transmettrait un « mémorandum argumenté » au Conseil constitutionnel et demanderait à se faire "
      "auditionner sur le projet de loi", "Pouria Amirshahi", "annoncer")),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_coordinated_speech_verbs(text: str, expected: Row) -> None:
    assert expected in found(text)


def test_a_claim_ends_where_another_subject_takes_over() -> None:
    # corpus: ", tandis que Y …" is another speaker's clause; ", tandis qu'« … »" goes on in the same words
    text = "Jérôme Rodrigues affirme avoir été touché par un tir, tandis que M. Castaner a indiqué que l'enquête dira tout."
    assert [(r.quote, r.speaker.name) for r in extract(text) if r.speaker] == [
        ("avoir été touché par un tir", "Jérôme Rodrigues"), ("l'enquête dira tout", "Castaner")]
    text = "Thierry Mariani a jugé que le taux «peut se changer», tandis qu'«on ne change pas une culture»."
    assert [r.quote for r in extract(text)] == ["le taux «peut se changer», tandis qu'«on ne change pas une culture»"]
    # dev 025: a contrast with no cue of its own is the same claim's
    text = ("Valentine Sapounov explique que l'ADN analysé diffère de moins de 1 % de l'ADN humain, tandis que ce "
            "dernier et celui du chimpanzé affichent 1 à 1,5 % de différences.")
    assert [r.quote for r in extract(text)] == [
        "l'ADN analysé diffère de moins de 1 % de l'ADN humain, tandis que ce dernier et celui du chimpanzé affichent 1 "
        "à 1,5 % de différences"]


def test_a_main_clause_cue_keeps_its_whole_claim() -> None:
    """An odd number of commas before the cue: the subordinate clause has
    closed and the cue is the main clause's, whose claim runs on."""
    text = ("Alors que des milliers de personnes vivent dans la rue, Christophe Robert estime que la loi "
            "de finances ne permet ni de répondre à l'urgence, ni de changer d'approche, le gouvernement le sait.")
    assert ("indirect", "la loi de finances ne permet ni de répondre à l'urgence, ni de changer d'approche, le "
            "gouvernement le sait", "Christophe Robert", "estimer") in found(text)


def test_mixed_fragments_are_the_parts_in_marks() -> None:
    text = PREPOSED_QUE[0][0]
    r = record(text, "il utiliserait une victoire à Alep comme un «tremplin» pour capturer d'autres bastions rebelles")
    assert [text[f.start : f.end] for f in r.fragments] == ["tremplin"]
    assert text[r.span.start : r.span.end] == r.quote


# --------------------------------------------------------------------------
# A quotation after a colon: X : «…»

COLON = [
    # dev 009: an unnamed document as the source
    ("Un rapport de la Ligue arabe apporte la même conclusion : « Il faudrait noter que le journaliste français a "
     "été tué à la suite des tirs de mortier par l'opposition ».",
     ("direct", "Il faudrait noter que le journaliste français a été tué à la suite des tirs de mortier par "
      "l'opposition", "rapport de la Ligue arabe", ":")),
    # dev 021: a verb that is no speech verb, then a colon
    ("Denis Baupin a ensuite défendu sa décision : « On peut faire une suspension lorsqu'un vote a été annoncé, du "
     "moment qu'il n'a pas été ouvert ».",
     ("direct", "On peut faire une suspension lorsqu'un vote a été annoncé, du moment qu'il n'a pas été ouvert",
      "Denis Baupin", ":")),
    # dev 061: "X de s'interroger :"
    ("Et Patrick Fluckiger de s'interroger dans L'Alsace : \"le Sarko nouveau a débarqué avec deux jours d'avance "
     "sur le Beaujolais nouveau.\"",
     ("direct", "le Sarko nouveau a débarqué avec deux jours d'avance sur le Beaujolais nouveau.",
      "Patrick Fluckiger", ":")),
    # a name and a colon, nothing else
    ("Le chancelier autrichien Sebastian Kurz : « L'Italie risque de menacer l'ensemble de la zone euro. »",
     ("direct", "L'Italie risque de menacer l'ensemble de la zone euro.", "Sebastian Kurz", ":")),
    # dev 001: after the colon the quotation has its own incise, which names the speaker
    ("En conséquence, la population se sent lâchée par les pouvoirs publics : « Les discours, les voyages ne vont "
     "pas résoudre les problèmes du Mali, il faut des actions concrètes », déclare Fatoumata Maïga, présidente "
     "d'une ONG féminine pour la paix.",
     ("direct", "Les discours, les voyages ne vont pas résoudre les problèmes du Mali, il faut des actions "
      "concrètes", "Fatoumata Maïga", "déclarer")),
]


def test_a_quotation_with_its_own_incise_is_not_the_next_ones() -> None:
    # corpus: two quotations glued, the first with its incise inside, the second with one after it
    text = ("«Ce n'est pas une manif féministe, lance Sylviane, retraitée de 61 ans. L'État a oublié les femmes.»"
            "«Que fait-il pour nous?» renchérit Camille, la trentaine.")
    assert [(r.type.value, r.speaker.name if r.speaker else None) for r in extract(text)] == \
        [("direct", "Sylviane"), ("direct", "Camille")]


def test_colon_quote_subject_after_a_fronted_adverbial() -> None:
    # corpus: "Parfum" is the song, Jazzy Bazz the one who speaks
    text = "Dans le morceau Parfum, Jazzy Bazz slame, sur une guitare bossa-nova : « Je suis là. »"
    assert found(text) == [("direct", "Je suis là.", "Jazzy Bazz", ":")]


@pytest.mark.parametrize(("text", "expected"), COLON)
def test_colon_quote(text: str, expected: Row) -> None:
    assert expected in found(text)


# --------------------------------------------------------------------------
# Source markers: selon X, …, selon X., d'après X, pour X, selon lequel

MARKERS = [
    # seed: marker in front, an unnamed source described
    ("Selon le correspondant de l'AFP à Alep, les Casques blancs ne peuvent utiliser leurs torches à la nuit tombée "
     "car la lumière attire les frappes des avions militaires.",
     ("indirect", "les Casques blancs ne peuvent utiliser leurs torches à la nuit tombée car la lumière attire les "
      "frappes des avions militaires", "correspondant de l'AFP à Alep", "selon")),
    # seed: marker at the end
    ("Plus de 13,5 millions de Syriens, dont six millions d'enfants, ont besoin d'aide humanitaire, selon l'ONU.",
     ("indirect", "Plus de 13,5 millions de Syriens, dont six millions d'enfants, ont besoin d'aide humanitaire",
      "ONU", "selon")),
    # seed: the acronym expanded earlier
    ("Rami Abdel Rahmane dirige l'Observatoire syrien des droits de l'Homme (OSDH).\n\nPlus de 370 personnes ont été "
     "tuées depuis le 22 septembre dans les bombardements, selon l'OSDH.",
     ("indirect", "Plus de 370 personnes ont été tuées depuis le 22 septembre dans les bombardements",
      "Observatoire syrien des droits de l'Homme (OSDH)", "selon")),
    # seed: "selon lequel" takes the source before it; marks inside make it mixed
    ("Des frappes aériennes ont visé Alep-Est, a indiqué Rami Abdel Rahmane.\n\n«La violence des raids est "
     "inédite», a souligné M. Abdel Rahmane, selon lequel la stratégie russe «est d'ouvrir une route vers "
     "l'aéroport situé dans l'est de la ville».",
     ("mixed", "la stratégie russe «est d'ouvrir une route vers l'aéroport situé dans l'est de la ville»",
      "Rami Abdel Rahmane", "selon")),
    # dev 025: d'après, an initial resolved to the full name
    ("Des poils trouvés en Sibérie appartiendraient au yéti, a annoncé Valentine Sapounov.\n\nD'après V. Sapounov, "
     "le Kouzbass ne serait pas la seule zone habitée par le yéti.",
     ("indirect", "le Kouzbass ne serait pas la seule zone habitée par le yéti", "Valentine Sapounov", "d'après")),
    # dev 012: pour X,
    ("Pour Jan Hamáček, cette attitude est méprisante vis-à-vis des milliers de personnes qui, en première ligne, "
     "luttent contre la pandémie et sauvent des vies.",
     ("indirect", "cette attitude est méprisante vis-à-vis des milliers de personnes qui, en première ligne, luttent "
      "contre la pandémie et sauvent des vies", "Jan Hamáček", "pour")),
    # dev 028: pour X, «…»: all in marks, so direct
    ("Pour Jérémie Zimmermann, « Ce vote est une immense victoire ! »",
     ("direct", "Ce vote est une immense victoire !", "Jérémie Zimmermann", "pour")),
    # dev 030: d'après + an organisation
    ("D'après le ministère de l'Intérieur, les actes et menaces antisémites ont augmenté de 46 % entre janvier et "
     "avril par rapport à l'an dernier.",
     ("indirect", "les actes et menaces antisémites ont augmenté de 46 % entre janvier et avril par rapport à l'an "
      "dernier", "ministère de l'Intérieur", "d'après")),
    # dev 061: a quotation, then selon X
    ('"Un sarkozysme sans les excès du sarkozysme", selon Laurent Joffrin dans Libération.',
     ("direct", "Un sarkozysme sans les excès du sarkozysme", "Laurent Joffrin", "selon")),
    # corpus: the words in marks are the source's, so no comma is needed before "selon"
    ("Cette possibilité restait lundi «une option parmi d'autres» selon Laurent Nuñez.",
     ("mixed", "Cette possibilité restait lundi «une option parmi d'autres»", "Laurent Nuñez", "selon")),
    # dev 061: selon + a description at the end
    ("L'acteur aurait touché trois fois plus que sa co-star pour le tournage du film, selon la directrice de "
     "l'agence.",
     ("indirect", "L'acteur aurait touché trois fois plus que sa co-star pour le tournage du film",
      "directrice de l'agence", "selon")),
    # dev 010: "le même chercheur" takes up the person in view
    ("« Les résultats sont alarmants », a expliqué à l'AFP Gilles-Éric Séralini, professeur à l'université de "
     "Caen.\n\nSelon le même chercheur, les tumeurs apparaissent au bout de 600 jours pour les mâles.",
     ("indirect", "les tumeurs apparaissent au bout de 600 jours pour les mâles", "Gilles-Éric Séralini", "selon")),
    ("Selon son producteur, Michel Nouader, son état de santé s'était clairement détérioré ces derniers jours et "
          "il avait sombré dans le coma.",
          ("indirect", "son état de santé s'était clairement détérioré ces derniers jours et il avait sombré dans le "
           "coma", "Michel Nouader", "selon")),
    ("Selon le président du conseil du CERN, Michel Spiro, le boson va permettre de poursuivre les recherches "
          "en physique des particules pendant plusieurs années.",
          ("indirect", "le boson va permettre de poursuivre les recherches en physique des particules pendant "
           "plusieurs années", "Michel Spiro", "selon")),
    # agencies' commonest unnamed source, with its adjective
    ("Selon une source diplomatique, la réunion a été reportée à la semaine prochaine.",
     ("indirect", "la réunion a été reportée à la semaine prochaine", "source diplomatique", "selon")),
    # a role opening what was said is its subject, not an apposition to the source
    ("Selon l'OSDH, le président syrien a quitté Damas.",
     ("indirect", "le président syrien a quitté Damas", "OSDH", "selon")),
    ("Selon Jean Dupont, président du syndicat, la grève continue.",
     ("indirect", "la grève continue", "Jean Dupont", "selon")),
    # the relative clause ends at the comma before the main clause's verb
    ("Le directeur de l'OSDH, Rami Abdel Rahmane, selon lequel la stratégie russe est d'ouvrir une route vers "
     "l'aéroport, a été joint par téléphone.",
     ("indirect", "la stratégie russe est d'ouvrir une route vers l'aéroport", "Rami Abdel Rahmane", "selon")),
]


@pytest.mark.parametrize(("text", "expected"), MARKERS)
def test_source_marker(text: str, expected: Row) -> None:
    assert expected in found(text)


# --------------------------------------------------------------------------
# Plain content, then an incise: "…, a indiqué l'OSDH."

CONTENT_INCISE = [
    ("Les forces du régime ont avancé du nord vers le sud d'Alep, a indiqué l'OSDH.",
     ("indirect", "Les forces du régime ont avancé du nord vers le sud d'Alep", "OSDH", "indiquer")),
    # seed: a parenthesis in the content, a complement and an apposition after the speaker
    ("Des frappes aériennes très intenses ont à nouveau visé vendredi plusieurs quartiers d'Alep-Est (le secteur aux "
     "mains des rebelles), a indiqué à l'AFP Rami Abdel Rahmane, directeur de l'Observatoire syrien des droits de "
     "l'Homme (OSDH), qui n'était pas en mesure de donner le nombre de morts dans l'immédiat.",
     ("indirect", "Des frappes aériennes très intenses ont à nouveau visé vendredi plusieurs quartiers d'Alep-Est (le "
      "secteur aux mains des rebelles)", "Rami Abdel Rahmane", "indiquer")),
    # seed: a word in marks makes it mixed
    ("Le président Vladimir Poutine a ratifié un accord entre Damas et Moscou sur le déploiement «pour une durée "
     "indéterminée» des forces aériennes russes sur l'aérodrome militaire de Hmeimim, dans l'ouest de la Syrie, a "
     "annoncé vendredi le Kremlin.",
     ("mixed", "Le président Vladimir Poutine a ratifié un accord entre Damas et Moscou sur le déploiement «pour une "
      "durée indéterminée» des forces aériennes russes sur l'aérodrome militaire de Hmeimim, dans l'ouest de la "
      "Syrie", "Kremlin", "annoncer")),
    # seed: inversion; the pronoun takes up the correspondent of the sentence before
    ("Selon le correspondant de l'AFP à Alep, les Casques blancs ne peuvent utiliser leurs torches à la nuit "
     "tombée.\n\nLes secouristes tentent tant bien que mal de dégager des corps qui se trouvent depuis des jours sous "
     "les gravats, a-t-il ajouté.",
     ("indirect", "Les secouristes tentent tant bien que mal de dégager des corps qui se trouvent depuis des jours "
      "sous les gravats", "correspondant de l'AFP à Alep", "ajouter")),
    # dev 007: an unnamed minister
    ("Un troisième Français a été tué dans le tremblement de terre samedi au Népal, emporté par une avalanche, a "
     "déclaré jeudi le ministre des Affaires étrangères.",
     ("indirect", "Un troisième Français a été tué dans le tremblement de terre samedi au Népal, emporté par une "
      "avalanche", "ministre des Affaires étrangères", "déclarer")),
    # dev 011: a fragment in marks at the end of the content
    ("L'usine produira 200 millions de produits cosmétiques sur l'année 2013, avec une capacité qui pourra être "
     "portée à 300 millions et jusqu'« à 500 millions à long terme », explique Joechen Zaumseil le vice-président "
     "de L'Oréal pour l'Asie-Pacifique.",
     ("mixed", "L'usine produira 200 millions de produits cosmétiques sur l'année 2013, avec une capacité qui pourra "
      "être portée à 300 millions et jusqu'« à 500 millions à long terme »", "Joechen Zaumseil", "expliquer")),
    ("La Grèce respectera ses engagements, assure le Premier ministre Antonis Samaras.",
     ("indirect", "La Grèce respectera ses engagements", "Antonis Samaras", "assurer")),
]


@pytest.mark.parametrize(("text", "expected"), CONTENT_INCISE)
def test_content_incise(text: str, expected: Row) -> None:
    assert expected in found(text)


# --------------------------------------------------------------------------
# Interrupted quotations: «A, a-t-il dit, B» and «A», a-t-il dit, «B»

DARMANIN = "Le ministre de l'Intérieur Gérald Darmanin était jeudi à Marseille. "
INTERRUPTED = [
    # corpus: a title's full stop ends no incise; the speaker's apposition and adjuncts stay out of the words
    ("«Je garantis aux gilets jaunes la possibilité d'aller devant le peuple, explique M. Governatori, ancien chef "
     "d'entreprise, à nos confrères. Les élections, c'est dans cinq mois.»",
     ("direct", "Je garantis aux gilets jaunes la possibilité d'aller devant le peuple Les élections, c'est dans cinq "
      "mois.", "Governatori", "expliquer"),
     ["Je garantis aux gilets jaunes la possibilité d'aller devant le peuple",
      "Les élections, c'est dans cinq mois."]),
    (DARMANIN + "«Nous allons renforcer les effectifs, a-t-il dit, et nous le ferons dès septembre.»",
     ("direct", "Nous allons renforcer les effectifs et nous le ferons dès septembre.", "Gérald Darmanin", "dire"),
     ["Nous allons renforcer les effectifs", "et nous le ferons dès septembre."]),
    (DARMANIN + "«Nous allons renforcer les effectifs», a-t-il dit, «et nous le ferons dès septembre».",
     ("direct", "Nous allons renforcer les effectifs et nous le ferons dès septembre", "Gérald Darmanin", "dire"),
     ["Nous allons renforcer les effectifs", "et nous le ferons dès septembre"]),
    # dev 061: a named speaker inside the quotation, then a new sentence
    ("«Chez une certaine partie des libéraux, il y a presque une haine du Québec français, a réagi le bloquiste "
     "Mario Beaulieu. On sent que c'est viscéral.»",
     ("direct", "Chez une certaine partie des libéraux, il y a presque une haine du Québec français On sent que "
      "c'est viscéral.", "Mario Beaulieu", "réagir"),
     ["Chez une certaine partie des libéraux, il y a presque une haine du Québec français",
      "On sent que c'est viscéral."]),
]


@pytest.mark.parametrize("text", [
    # corpus: the incise's verb is not inverted, and the words go on in marks after it (not "Surtout" alone)
    "Surtout, tempête le syndicaliste Vincent Lanier, « les raisons du divorce, on les connaît ».",
    "Le réel, disait encore Lacan, « c'est quand on se cogne ».",
])
def test_words_resumed_in_marks_after_an_incise(text: str) -> None:
    (r,) = extract(text)
    assert (r.type.value, r.quote) == ("mixed", text.rstrip("."))


@pytest.mark.parametrize(("text", "expected", "pieces"), INTERRUPTED)
def test_interrupted_quotation_is_one_record(text: str, expected: Row, pieces: list[str]) -> None:
    assert found(text) == [expected]
    (r,) = extract(text)
    assert [text[f.start : f.end] for f in r.fragments] == pieces


# --------------------------------------------------------------------------
# Quotations continued over paragraphs, and quotations standing alone

CONTINUED = [
    # each new paragraph reopens with «; only the last one closes
    ("L'ancien président Nicolas Sarkozy s'est exprimé devant ses partisans.\n\n«Nous avons commis des erreurs. Je "
     "les assume toutes.\n\n«Mais je ne renoncerai jamais à servir mon pays.»",
     ("direct", "Nous avons commis des erreurs. Je les assume toutes. Mais je ne renoncerai jamais à servir mon pays.",
      "Nicolas Sarkozy", None),
     ["Nous avons commis des erreurs. Je les assume toutes.", "Mais je ne renoncerai jamais à servir mon pays."]),
    # the older style reopens with »
    ("Le maire de Lyon, Grégory Doucet, a présenté son plan.\n\n«Nous fermerons la presqu'île aux voitures.\n\n» Les "
     "commerçants seront consultés dès la rentrée.»",
     ("direct", "Nous fermerons la presqu'île aux voitures. Les commerçants seront consultés dès la rentrée.",
      "Grégory Doucet", None),
     ["Nous fermerons la presqu'île aux voitures.", "Les commerçants seront consultés dès la rentrée."]),
]


@pytest.mark.parametrize(("text", "expected", "pieces"), CONTINUED)
def test_quotation_continued_over_paragraphs(text: str, expected: Row, pieces: list[str]) -> None:
    assert expected in found(text)
    r = record(text, expected[1])
    assert [text[f.start : f.end] for f in r.fragments] == pieces
    assert "continued" in r.flags


STANDALONE = [
    # dev 009: a second quotation of the same paragraph continues the speaker
    ("« Les analyses balistiques indiquent que Jacquier a été tué d'un tir d'obus de mortier » indique le quotidien "
     "Le Figaro. « Des analyses montrent assez précisément la source du tir. »",
     ("direct", "Des analyses montrent assez précisément la source du tir.", "Le Figaro", None)),
    # dev 014: the next quotation, in the same paragraph
    ("« Notre règlement n'a pas été respecté », a dit Éric Alan Caldwell. « Avec un taux de délinquance de 80 % "
     "quant au respect de notre réglementation, il faut savoir en tirer un constat d'échec. »",
     ("direct", "Avec un taux de délinquance de 80 % quant au respect de notre réglementation, il faut savoir en "
      "tirer un constat d'échec.", "Éric Alan Caldwell", None)),
    # a quotation alone in the next paragraph
    ("«Je n'ai pas l'intention de démissionner», a déclaré Roman Prymula.\n\n«Je n'ai enfreint aucune règle.»",
     ("direct", "Je n'ai enfreint aucune règle.", "Roman Prymula", None)),
    ("Le président Vladimir Poutine a reçu jeudi son homologue. «La Russie ne reculera pas», a-t-il affirmé.\n\n"
     "«Nous défendrons nos intérêts partout.»",
     ("direct", "Nous défendrons nos intérêts partout.", "Vladimir Poutine", None)),
]


@pytest.mark.parametrize(("text", "expected"), STANDALONE)
def test_quotation_standing_alone_continues_the_previous_speaker(text: str, expected: Row) -> None:
    assert expected in found(text)
    assert record(text, expected[1]).rule == "continuation"


def test_quotation_naming_the_previous_speaker_does_not_continue_them() -> None:
    # corpus: a tweet quoted after Éric Drouet's words speaks of him; its author is not him
    text = ("« Nous irons à l'Élysée », a déclaré Éric Drouet.\n« De nouveau Éric Drouet interpellé. Pourquoi ? Abus "
            "de pouvoir. »")
    rec = record(text, "De nouveau Éric Drouet interpellé. Pourquoi ? Abus de pouvoir.")
    assert (rec.rule, rec.speaker) == ("standalone", None)


def test_quotation_standing_alone_with_nobody_before_has_no_speaker() -> None:
    text = "«Nous défendrons nos intérêts partout.»"
    (r,) = extract(text)
    assert (r.type.value, r.quote, r.speaker, r.rule) == ("direct", "Nous défendrons nos intérêts partout.", None,
                                                          "standalone")
    assert "no_speaker" in r.flags


# --------------------------------------------------------------------------
# Gerunds: "…, estimant que …" with the subject of the main clause

GERUNDS = [
    ("Le président Vladimir Poutine a reçu jeudi son homologue. «La Russie ne reculera pas», a-t-il affirmé, "
     "estimant que l'Occident «a commis une erreur historique».",
     ("mixed", "l'Occident «a commis une erreur historique»", "Vladimir Poutine", "estimer")),
    ("Le gouvernement a publié jeudi son rapport annuel, estimant que la croissance ralentira l'an prochain.",
     ("indirect", "la croissance ralentira l'an prochain", "gouvernement", "estimer")),
    # dev 012
    ("Le ministre de la Santé Roman Prymula a refusé de démissionner. « Je n'ai enfreint aucune règle, » a-t-il "
     "estimé, soulignant que la rencontre incriminée s'était déroulée dans les « espaces privés » du bâtiment "
     "capitulaire de Vyšehrad.",
     ("mixed", "la rencontre incriminée s'était déroulée dans les « espaces privés » du bâtiment capitulaire de "
      "Vyšehrad", "Roman Prymula", "souligner")),
]


@pytest.mark.parametrize(("text", "expected"), GERUNDS)
def test_gerund(text: str, expected: Row) -> None:
    assert expected in found(text)


# --------------------------------------------------------------------------
# A direct object that is the claim: "a annoncé deux réunions …"

OBJECTS = [
    # seed: marks in the object make it mixed
    ("Le président français François Hollande a rappelé vendredi les «exigences» de la France dont un cessez-le-feu "
     "immédiat.",
     ("mixed", "les «exigences» de la France dont un cessez-le-feu immédiat", "François Hollande", "rappeler")),
    # seed: a time word between verb and object is no part of the claim
    ("Les États-Unis et la Russie ont annoncé vendredi deux réunions internationales avec des puissances arabes et "
     "européennes.",
     ("indirect", "deux réunions internationales avec des puissances arabes et européennes", "Russie", "annoncer")),
    # dev 004
    ("Les syndicats ont annoncé le boycott des instances au sein de La Poste.",
     ("indirect", "le boycott des instances au sein de La Poste", "syndicats", "annoncer")),
    # dev 019
    ("HRW a relevé l'existence de 27 centres de détentions en Syrie.",
     ("indirect", "l'existence de 27 centres de détentions en Syrie", "HRW", "relever")),
    ("Le CERN a annoncé aujourd'hui la découverte d'une nouvelle particule sub-atomique.",
          ("indirect", "la découverte d'une nouvelle particule sub-atomique", "CERN", "annoncer")),
]


@pytest.mark.parametrize(("text", "expected"), [
    # dev 012: a one-word object before "à" + infinitive
    ("Ces derniers jours, Roman Prymula a appelé les Tchèques à rester chez eux au maximum.",
     ("indirect", "rester chez eux au maximum", "Roman Prymula", "appeler")),
    ("Luigi Di Maio appelle l'Union européenne à prendre des sanctions.",
     ("indirect", "prendre des sanctions", "Luigi Di Maio", "appeler")),
    ("La préfecture a appelé les automobilistes à ne pas se ruer dans les stations-service.",
     ("indirect", "ne pas se ruer dans les stations-service", "préfecture", "appeler")),
    ("Le porte-parole Benjamin Griveaux a accusé l'Élysée de vouloir rejouer le match.",
     ("indirect", "vouloir rejouer le match", "Benjamin Griveaux", "accuser")),
    # a noun's complement is no infinitive of the verb: the object is the claim
    ("Le préfet de l'Isère a demandé l'arrêt de toute action avant la tombée de la nuit.",
     ("indirect", "l'arrêt de toute action avant la tombée de la nuit", "préfet de l'Isère", "demander")),
    ("Le ministre François de Rugy a regretté le choix d'attaquer l'État.",
     ("indirect", "le choix d'attaquer l'État", "François de Rugy", "regretter")),
    # corpus: "des" is no "de" + infinitive: the claim starts on the word
    ("Le ministre Bruno Le Maire a promis des réponses aux entreprises touchées.",
     ("indirect", "des réponses aux entreprises touchées", "Bruno Le Maire", "promettre")),
])
def test_object_then_infinitive(text: str, expected: Row) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(("text", "quote"), [
    # corpus: the object starts after the adjunct, not inside it
    ("Éric Morvan a rappelé aux policiers les règles qui encadrent les lanceurs de balle de défense.",
     "les règles qui encadrent les lanceurs de balle de défense"),
    ("Le ministre Didier Guillaume a annoncé à la presse locale des mesures pour les agriculteurs.",
     "des mesures pour les agriculteurs"),
])
def test_object_claim_after_an_adjunct(text: str, quote: str) -> None:
    assert quote in [r.quote for r in extract(text)]


@pytest.mark.parametrize("text", [
    # corpus: recalling an ambassador is no speech
    "C'est la première fois depuis 1945 que l'Hexagone rappelle l'un de ses ambassadeurs en poste en Europe.",
    "La France a rappelé son ambassadeur en Italie après une série d'attaques sans précédent.",
])
def test_a_person_is_no_claim_after_a_verb_often_not_speech(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(("text", "expected"), OBJECTS)
def test_object_claim(text: str, expected: Row) -> None:
    assert expected in found(text)


# --------------------------------------------------------------------------
# s'est dit(e) prêt(e) à …

SE_DIRE = [
    # seed
    ("La Russie s'est dite prête jeudi à assurer aux rebelles un retrait en toute sécurité d'Alep.",
     ("indirect", "prête jeudi à assurer aux rebelles un retrait en toute sécurité d'Alep", "Russie", "se dire")),
    ("Le ministre Jean Dupont s'est dit prêt à démissionner si le public le veut.",
     ("indirect", "prêt à démissionner si le public le veut", "Jean Dupont", "se dire")),
    ("La ministre Marie Dupont s'est dite favorable à une réforme du texte.",
     ("indirect", "favorable à une réforme du texte", "Marie Dupont", "se dire")),
    # dev 030: marks in the attribute make it mixed
    ("Le ministère de l'Intérieur s'est dit déterminé à « combattre toutes les résurgences de ce mal profond qu'est "
     "l'antisémitisme ».",
     ("mixed", "déterminé à « combattre toutes les résurgences de ce mal profond qu'est l'antisémitisme »",
      "ministère de l'Intérieur", "se dire")),
]


@pytest.mark.parametrize(("text", "expected"), SE_DIRE)
def test_se_dire_pret(text: str, expected: Row) -> None:
    assert expected in found(text)


def test_se_dire_feminine_agreement_gives_the_gender() -> None:
    r = record(SE_DIRE[2][0], "favorable à une réforme du texte")
    assert r.speaker is not None and r.speaker.gender == "f"


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009"])
def test_any_typographic_space_around_marks(space: str) -> None:
    # corpus (L'Humanité sets thin spaces): the quotation after the colon ends at its mark
    text = (f"Sébastien, au chômage depuis deux mois, ajoute{space}: «{space}La fameuse prime, tout le monde ne "
            f"l’aura pas.{space}» Ici, non plus la motivation n’est pas entamée.")
    assert [(r.type.value, r.quote, r.speaker and r.speaker.name) for r in extract(text)] == [
        ("direct", "La fameuse prime, tout le monde ne l’aura pas.", "Sébastien")]


# Constructions that each make one record: a marker inside a clause, a passive with its agent, a
# gerund's object in marks, a bare infinitive, incise verbs and "dixit"

CONSTRUCTIONS = [
    # dev 021: a marker set inside the clause speaks for what stands around it, in two pieces
    ("La ville est, selon l'OSDH, tombée aux mains des rebelles.",
     ("indirect", "La ville est tombée aux mains des rebelles", "OSDH", "selon")),
    ("Cela a pu permettre, d'après l'opposition, à des députés de gauche de rejoindre les bancs.",
     ("indirect", "Cela a pu permettre à des députés de gauche de rejoindre les bancs", "opposition", "d'après")),
    # corpus: inside a relative clause, for that clause only
    ("Nicolas Dupont-Aignan a apporté son soutien au mouvement qui incarne, selon lui, « le réveil de la nation ».",
     ("mixed", "qui incarne, selon lui, « le réveil de la nation »", "Nicolas Dupont-Aignan", "selon")),
    # dev 020: a participle, a quotation, then "par" and who said it
    ('Qualifié de "gourou de la majorité" par un dirigeant de LREM, le haut-commissaire sait manœuvrer.',
     ("mixed", 'de "gourou de la majorité"', "dirigeant de LREM", "qualifier")),
    ("Le texte, décrit comme « historique » par la ministre Jeanne Durand, a été voté.",
     ("mixed", "comme « historique »", "Jeanne Durand", "décrire")),
    # dev 021: a gerund's object read when it carries the speaker's words in marks
    ("Le député François Brottes est intervenu en demandant au président une suspension de séance, afin de "
     "« retrouver le chemin de la sérénité ».",
     ("mixed", "une suspension de séance, afin de « retrouver le chemin de la sérénité »", "François Brottes",
      "demander")),
    ("Le ministre Bruno Le Maire a parlé dimanche, évoquant une « crise de la nation ».",
     ("mixed", "une « crise de la nation »", "Bruno Le Maire", "évoquer")),
    # dev 019: a verb of saying with a bare infinitive
    ("Des témoins racontent avoir vu plusieurs personnes mourir sous la torture.",
     ("indirect", "avoir vu plusieurs personnes mourir sous la torture", "témoins", "raconter")),
    ("Le ministre Jean Dupont affirme ne pas connaître cet homme.",
     ("indirect", "ne pas connaître cet homme", "Jean Dupont", "affirmer")),
    ("Le boxeur Christophe Dettinger a reconnu avoir « mal réagi ».",
     ("mixed", "avoir « mal réagi »", "Christophe Dettinger", "reconnaître")),
    # corpus: incise verbs the lexicon lacked, and "dixit"
    ("« C'est indécent », cingle Bernard Cazeneuve.", ("direct", "C'est indécent", "Bernard Cazeneuve", "cingler")),
    ("« C'est du foutage de gueule », enrage Pierre Garzon.",
     ("direct", "C'est du foutage de gueule", "Pierre Garzon", "enrager")),
    ("« On ne lâchera rien », dixit Éric Drouet.", ("direct", "On ne lâchera rien", "Éric Drouet", "dixit")),
]


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTIONS)
def test_construction(text: str, expected: Row) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize("text", [
    # a gerund's plain object reports nothing
    "Le ministre Bruno Le Maire a parlé dimanche, évoquant la crise de la nation.",
    # dev 011, 013: wishing is not saying
    "Le groupe de cosmétique français souhaite profiter de la croissance du marché en Asie.",
    "Les services de renseignement espèrent pouvoir détecter ces nouveaux profils en amont.",
    # singing is not saying
    "Les manifestants ont entonné « La Marseillaise » devant la mairie.",
])
def test_no_construction(text: str) -> None:
    assert found(text) == []
