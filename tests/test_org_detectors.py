"""Table-driven tests of organisations of many countries: legal forms after the name and
before it, names joined by '-', ',' and connectors, quoted names, Han/kana/Hangul runs,
names after a cue ("X from ORG"); and near misses that must not be found."""
from __future__ import annotations

import pytest

from redactd import core
from redactd.core import _scan


def orgs(text: str) -> list[str]:
    return [e.text for e in core.find_entities(text) if e.type == "ORGANIZATION"]


# (country, text, the organisation found: the whole name with its legal form)
LEGAL_FORMS = [
    ("DE", "The invoice of Müller GmbH came", "Müller GmbH"),
    ("DE", "Bestellt bei Lehmann-Schulz KG heute", "Lehmann-Schulz KG"),
    ("DE", "We deliver to Schmidt GmbH & Co. KG tomorrow", "Schmidt GmbH & Co. KG"),
    ("DE", "Mitglied im Sportfreunde Nord e.V. seit 2010", "Sportfreunde Nord e.V."),
    ("CH", "An offer from Joly Comment Sàrl arrived", "Joly Comment Sàrl"),
    ("FR", "La facture de Dupont SARL est payée", "Dupont SARL"),
    ("FR", "Contrat signé avec Martin et Fils SA hier", "Martin et Fils SA"),
    ("IT", "Il fornitore Rossi S.p.A. ha confermato", "Rossi S.p.A."),
    ("IT", "the order of Piovani-Filzi S.r.l. came", "Piovani-Filzi S.r.l."),
    ("IT", "Curatoli, Impastato e Ubaldi Group has won", "Curatoli, Impastato e Ubaldi Group"),
    ("ES", "we paid Construcciones García S.L. today", "Construcciones García S.L."),
    ("ES", "Despacho Ríos, Oñate y Alarcón Ltda. firmó", "Despacho Ríos, Oñate y Alarcón Ltda."),
    ("MX", "the bill of Grupo Herrera S.A. de C.V. is paid", "Grupo Herrera S.A. de C.V."),
    ("BR", "Pagamento para Oliveira Amaral Ltda. feito", "Oliveira Amaral Ltda."),
    ("BR", "Contrato com Souza Comércio EIRELI assinado", "Souza Comércio EIRELI"),
    ("NL", "an offer of Van den Berg B.V. came", "Van den Berg B.V."),
    ("BE", "Claeys, Geens en Vermeir CommV is gestart", "Claeys, Geens en Vermeir CommV"),
    ("PL", "Umowa z Kowalski Sp. z o.o. podpisana", "Kowalski Sp. z o.o."),
    ("CZ", "the supplier Novák s.r.o. paid", "Novák s.r.o."),
    ("SK", "Faktúra od Harvan Gálik a.s. prišla", "Harvan Gálik a.s."),
    ("HU", "A szerződés a Szűcs Kft. céggel", "Szűcs Kft."),
    ("SI", "Račun podjetja Kovač d.o.o. je plačan", "Kovač d.o.o."),
    ("FI", "Deal with Nieminen Oy is done", "Nieminen Oy"),
    ("SE", "Avtal med Liljegren Lindh AB klart", "Liljegren Lindh AB"),
    ("DK", "Faktura fra Hansen A/S betalt", "Hansen A/S"),
    ("DK", "Mathiesen & Søn ApS is a supplier", "Mathiesen & Søn ApS"),
    ("NO", "Avtale med Berntsen Bygg AS i dag", "Berntsen Bygg AS"),
    ("GB", "Invoice from Harbour Lane Ltd attached", "Harbour Lane Ltd"),
    ("GB", "Shares of Northgate PLC fell", "Northgate PLC"),
    ("AU", "Paid to Pratt Holdings Pty Ltd yesterday", "Pratt Holdings Pty Ltd"),
    ("IN", "Offer from Sharma Textiles Pvt. Ltd. received", "Sharma Textiles Pvt. Ltd."),
    ("MY", "Contract with Tan Brothers Sdn Bhd renewed", "Tan Brothers Sdn Bhd"),
    ("US", "She sued Crescent Widgets LLC last year", "Crescent Widgets LLC"),
    ("TR", "the order of Yılmaz İnşaat A.Ş. came", "Yılmaz İnşaat A.Ş."),
    ("GR", "Η Κυρκούδη-Ρίζος Α.Β.Ε.Ε. is a client", "Κυρκούδη-Ρίζος Α.Β.Ε.Ε."),
    ("BG", "Площаков Кесьов КДА is a client", "Площаков Кесьов КДА"),
    ("RU", "Договор с ООО «Ромашка» подписан", "ООО «Ромашка»"),
    ("RU", "Акции ПАО Газпром выросли", "ПАО Газпром"),
    ("UA", "Рахунок від ТОВ «Світанок» сплачено", "ТОВ «Світанок»"),
    ("JP", "株式会社山田 と契約しました", "株式会社山田"),
    ("JP", "清水鉱業有限会社 の請求書", "清水鉱業有限会社"),
    ("CN", "易动力科技有限公司 的合同", "易动力科技有限公司"),
    ("KR", "주식회사 삼성 와 계약", "주식회사 삼성"),
]


@pytest.mark.parametrize("country, text, org", [c for c in LEGAL_FORMS if c[2]])
def test_legal_forms_of_many_countries(country, text, org):
    assert orgs(text) == [org]


def test_two_organisations_joined_by_and_stay_two():
    assert orgs("We sued Acme Widgets Inc. and Beta Tools GmbH today") == ["Acme Widgets Inc.", "Beta Tools GmbH"]


def test_at_least_twenty_countries():
    assert len({c for c, _, org in LEGAL_FORMS if org}) >= 20


CUES = [
    ("Vinicio F Arcuri from Globalworth is the keynote speaker", "Globalworth"),
    ("Anna Berg from Smith, Jones and Brown is here", "Smith, Jones and Brown"),
    ("Κατερίνα Καρολίδου from Lassen Eiendom is the keynote speaker", "Lassen Eiendom"),
    ("She works at Globex Corporation now", "Globex Corporation"),
    ("He is employed by Initech since May", "Initech"),
    ("My brother works for Vandelay Industries", "Vandelay Industries"),
    ("Last year she joined Hooli as an engineer", "Hooli"),
]


@pytest.mark.parametrize("text, org", CUES)
def test_names_after_a_cue(text, org):
    assert orgs(text) == [org]


def test_a_person_before_from_stays_a_person():
    found = [(e.type, e.text) for e in core.find_entities("Vinicio F Arcuri from Globalworth is the keynote speaker")]
    assert found == [("PERSON_NAME", "Vinicio F Arcuri"), ("ORGANIZATION", "Globalworth")]


# (text, what is not an organisation)
NEAR_MISSES = [
    "GmbH",                                  # a legal form alone
    "Please send the GmbH papers",
    "Thanks Inc. for nothing",               # a sentence's first word before "Inc."
    "Results Inc. were good this quarter",
    "Anna from Berlin is here",              # a person from a place
    "Anna from Buenos Aires is here",
    "Greetings from Paris",
    "Jane from Marketing called",            # a department
    "Lisa from HR called",
    "Email from John Smith",                 # a person after "from"
    "Anna from Maria's team called",
    "Windows NT crashed",                    # two capitals that are no listed form
    "John Smith PA will see you",
    "Smith As I said before",                # a form that is a common word, not in capitals
    "Oliveira Amaral S A e",                 # one-letter groups without their periods
    "Meet at S.A. e then",
    "ООО",                                   # a form written first with nothing after it
    "ООО и АО",
    "株式会社",                               # a form alone in a spaceless script
    "Salzer Schnabl GesmbH",                 # not a listed form
    "this is as good as it gets",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses(text):
    assert orgs(text) == []


def test_person_before_from_is_not_swallowed():
    found = [(e.type, e.text) for e in core.find_entities("Anna Berg from Smith, Jones and Brown is here")]
    assert ("PERSON_NAME", "Anna Berg") in found


def test_legal_form_list_is_loaded():
    # the data file is read at import: a form of each kind is in the core's table
    text = "Kowalski Sp. z o.o. and ООО «Ромашка» and 山田株式会社 です"
    assert [text[s:e] for s, e, t, *_ in _scan.scan(text)[0]] == [
        "Kowalski Sp. z o.o.", "ООО «Ромашка»", "山田株式会社"]
