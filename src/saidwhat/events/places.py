"""Countries: names, demonyms, capitals -> one country name and its ISO 3166 alpha-3 code.

Actors roll up to countries for tone by country pair. The table covers the
countries common in international news; a document that names a country the
table lacks (the demo corpus's invented ones) still resolves its demonyms
through :func:`demonym_to_place` ("Vessian" -> "Vessia" when "Vessia" occurs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# code | name | other names | demonyms | capital (metonymy: "Moscow said")
_TABLE = """
AFG|Afghanistan||afghan|kabul
ALB|Albania||albanian|tirana
DZA|Algeria||algerian|algiers
AGO|Angola||angolan|luanda
ARG|Argentina||argentine,argentinian|buenos aires
ARM|Armenia||armenian|yerevan
AUS|Australia||australian|canberra
AUT|Austria||austrian|vienna
AZE|Azerbaijan||azerbaijani,azeri|baku
BHR|Bahrain||bahraini|manama
BGD|Bangladesh||bangladeshi|dhaka
BLR|Belarus||belarusian,belarussian|minsk
BEL|Belgium||belgian|brussels
BIH|Bosnia and Herzegovina|bosnia|bosnian|sarajevo
BRA|Brazil||brazilian|brasilia
BGR|Bulgaria||bulgarian|sofia
KHM|Cambodia||cambodian|phnom penh
CMR|Cameroon||cameroonian|yaounde
CAN|Canada||canadian|ottawa
TCD|Chad||chadian|n'djamena
CHL|Chile||chilean|santiago
CHN|China|people's republic of china,prc|chinese|beijing
COL|Colombia||colombian|bogota
COD|Democratic Republic of the Congo|congo,drc|congolese|kinshasa
HRV|Croatia||croatian,croat|zagreb
CUB|Cuba||cuban|havana
CYP|Cyprus||cypriot|nicosia
CZE|Czech Republic|czechia|czech|prague
DNK|Denmark||danish,dane|copenhagen
EGY|Egypt||egyptian|cairo
ERI|Eritrea||eritrean|asmara
EST|Estonia||estonian|tallinn
ETH|Ethiopia||ethiopian|addis ababa
FIN|Finland||finnish,finn|helsinki
FRA|France||french|paris
GEO|Georgia||georgian|tbilisi
DEU|Germany||german|berlin
GHA|Ghana||ghanaian|accra
GRC|Greece||greek|athens
HUN|Hungary||hungarian|budapest
IND|India||indian|new delhi
IDN|Indonesia||indonesian|jakarta
IRN|Iran||iranian|tehran
IRQ|Iraq||iraqi|baghdad
IRL|Ireland||irish|dublin
ISR|Israel||israeli|jerusalem
ITA|Italy||italian|rome
JPN|Japan||japanese|tokyo
JOR|Jordan||jordanian|amman
KAZ|Kazakhstan||kazakh,kazakhstani|astana
KEN|Kenya||kenyan|nairobi
PRK|North Korea|dprk|north korean|pyongyang
KOR|South Korea|korea|south korean,korean|seoul
XKX|Kosovo||kosovar,kosovan|pristina
KWT|Kuwait||kuwaiti|kuwait city
KGZ|Kyrgyzstan||kyrgyz|bishkek
LVA|Latvia||latvian|riga
LBN|Lebanon||lebanese|beirut
LBR|Liberia||liberian|monrovia
LBY|Libya||libyan|tripoli
LTU|Lithuania||lithuanian|vilnius
MKD|North Macedonia|macedonia|macedonian|skopje
MYS|Malaysia||malaysian|kuala lumpur
MLI|Mali||malian|bamako
MEX|Mexico||mexican|mexico city
MDA|Moldova||moldovan|chisinau
MNG|Mongolia||mongolian|ulaanbaatar
MNE|Montenegro||montenegrin|podgorica
MAR|Morocco||moroccan|rabat
MMR|Myanmar|burma|burmese|naypyidaw
NPL|Nepal||nepalese,nepali|kathmandu
NLD|Netherlands|holland|dutch|the hague
NZL|New Zealand||new zealander|wellington
NIC|Nicaragua||nicaraguan|managua
NGA|Nigeria||nigerian|abuja
NOR|Norway||norwegian|oslo
OMN|Oman||omani|muscat
PAK|Pakistan||pakistani|islamabad
PSE|Palestine|palestinian territories,west bank,gaza|palestinian|ramallah
PAN|Panama||panamanian|panama city
PER|Peru||peruvian|lima
PHL|Philippines||philippine,filipino|manila
POL|Poland||polish,pole|warsaw
PRT|Portugal||portuguese|lisbon
QAT|Qatar||qatari|doha
ROU|Romania||romanian|bucharest
RUS|Russia|russian federation|russian|moscow
RWA|Rwanda||rwandan|kigali
SAU|Saudi Arabia|saudi|saudi|riyadh
SEN|Senegal||senegalese|dakar
SRB|Serbia|yugoslavia|serbian,serb,yugoslav|belgrade
SLE|Sierra Leone||sierra leonean|freetown
SGP|Singapore||singaporean|
SVK|Slovakia||slovak|bratislava
SVN|Slovenia||slovenian,slovene|ljubljana
SOM|Somalia||somali|mogadishu
ZAF|South Africa||south african|pretoria
SSD|South Sudan||south sudanese|juba
ESP|Spain||spanish,spaniard|madrid
LKA|Sri Lanka||sri lankan|colombo
SDN|Sudan||sudanese|khartoum
SWE|Sweden||swedish,swede|stockholm
CHE|Switzerland||swiss|bern
SYR|Syria||syrian|damascus
TWN|Taiwan||taiwanese|taipei
TJK|Tajikistan||tajik|dushanbe
THA|Thailand||thai|bangkok
TUN|Tunisia||tunisian|tunis
TUR|Turkey|turkiye|turkish,turk|ankara
TKM|Turkmenistan||turkmen|ashgabat
UGA|Uganda||ugandan|kampala
UKR|Ukraine||ukrainian|kyiv,kiev
ARE|United Arab Emirates|uae,emirates|emirati|abu dhabi
GBR|United Kingdom|uk,u.k.,britain,great britain,england|british,briton,english|london
USA|United States|us,u.s.,usa,u.s.a.,america,united states of america|american|washington
URY|Uruguay||uruguayan|montevideo
UZB|Uzbekistan||uzbek|tashkent
VEN|Venezuela||venezuelan|caracas
VNM|Vietnam|viet nam|vietnamese|hanoi
YEM|Yemen||yemeni|sanaa
ZMB|Zambia||zambian|lusaka
ZWE|Zimbabwe||zimbabwean|harare
CIV|Ivory Coast|cote d'ivoire,côte d'ivoire|ivorian|yamoussoukro,abidjan
BDI|Burundi||burundian|gitega,bujumbura
BEN|Benin||beninese|porto-novo,cotonou
GMB|Gambia|the gambia|gambian|banjul
GIN|Guinea||guinean|conakry
GNB|Guinea-Bissau||bissau-guinean|bissau
GNQ|Equatorial Guinea||equatoguinean|malabo
FJI|Fiji||fijian|suva
MOZ|Mozambique||mozambican|maputo
TZA|Tanzania||tanzanian|dodoma,dar es salaam
TTO|Trinidad and Tobago|trinidad|trinidadian|port of spain
TLS|East Timor|timor-leste|timorese|dili
NER|Niger||nigerien|niamey
MRT|Mauritania||mauritanian|nouakchott
ECU|Ecuador||ecuadorian,ecuadorean|quito
CRI|Costa Rica||costa rican|san jose
HKG|Hong Kong|||
COG|Republic of the Congo|congo-brazzaville||brazzaville
LAO|Laos||laotian,lao|vientiane
BOL|Bolivia||bolivian|la paz,sucre
PRY|Paraguay||paraguayan|asuncion
GTM|Guatemala||guatemalan|guatemala city
HND|Honduras||honduran|tegucigalpa
SLV|El Salvador||salvadoran,salvadorean|san salvador
HTI|Haiti||haitian|port-au-prince
DOM|Dominican Republic||dominican|santo domingo
JAM|Jamaica||jamaican|kingston
MDG|Madagascar||malagasy|antananarivo
MWI|Malawi||malawian|lilongwe
NAM|Namibia||namibian|windhoek
BWA|Botswana||botswanan,motswana|gaborone
LSO|Lesotho||basotho|maseru
SWZ|Eswatini|swaziland|swazi|mbabane
GAB|Gabon||gabonese|libreville
CAF|Central African Republic||central african|bangui
TGO|Togo||togolese|lome
BFA|Burkina Faso||burkinabe|ouagadougou
DJI|Djibouti||djiboutian|
BTN|Bhutan||bhutanese|thimphu
MDV|Maldives||maldivian|
PNG|Papua New Guinea||papua new guinean|port moresby
ISL|Iceland||icelandic,icelander|reykjavik
LUX|Luxembourg||luxembourger,luxembourgish|
MLT|Malta||maltese|valletta
BRN|Brunei||bruneian|bandar seri begawan
"""


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166 alpha-3, or None for a country known only from the document
    name: str


def _load() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for line in _TABLE.strip().splitlines():
        code, name, others, demonyms, capitals = line.split("|")
        country = Country(code, name)
        for form in [name, *others.split(","), *demonyms.split(","), *capitals.split(",")]:
            form = form.strip().lower()
            if form:
                out.setdefault(form, country)
    return out


_FORMS: dict[str, Country] | None = None
_POSSESSIVE = re.compile(r"[’']s?$")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
#: Shortest word read as a plural demonym ("Serbs"): shorter ones are codes ("US").
_MIN_PLURAL = 3
#: Demonym endings, longest first: "Vessian" -> "Vessi" + "a".
_DEMONYM_ENDINGS = (("ian", "ia"), ("ean", "ea"), ("an", "a"), ("ese", ""), ("i", ""), ("ish", ""))


def _forms() -> dict[str, Country]:
    global _FORMS
    if _FORMS is None:
        _FORMS = _load()
    return _FORMS


def normalise(text: str) -> str:
    return _THE.sub("", _POSSESSIVE.sub("", text.strip())).strip().lower()


def country_of(text: str) -> Country | None:
    """The country ``text`` names ("Russian", "the U.S.", "Moscow", "Israelis"), or None."""
    forms = _forms()
    word = normalise(text)
    found = forms.get(word)
    if found is None and word.endswith("s") and len(word) > _MIN_PLURAL:
        # a people in the plural ("Palestinians", "Serbs"): its singular demonym
        found = forms.get(word[:-1])
    return found


def demonym_to_place(demonym: str, places: set[str]) -> str | None:
    """The place among ``places`` (names as written) that ``demonym`` derives from, if any."""
    word = normalise(demonym)
    # One spelling per place, the same in every run (``places`` is a set): a written
    # form ("Flint") over a capitalised one ("FLINT" of a dateline).
    lowered = {p.lower(): p for p in sorted(places, key=lambda p: (not p.isupper(), p))}
    if word in lowered:
        return lowered[word]
    for ending, replacement in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            for cand in (stem + replacement, stem):
                if cand in lowered:
                    return lowered[cand]
    return None


def guess_place(demonym: str) -> str | None:
    """A country name guessed from an unknown demonym ("Arkhavian" -> "Arkhavia")."""
    word = normalise(demonym)
    if word.endswith("ian") and len(word) > 5:
        return demonym.strip()[: len(word) - 1]
    return None


def country_in_text(text: str, known: set[str]) -> str | None:
    """The first country a role or title names ("Arkhavian Foreign Minister" -> "Arkhavia")."""
    for word in re.findall(r"[A-Z][\w.’'-]*", text):
        c = country_of(word)
        if c:
            return c.name
        found = demonym_to_place(word, known) or guess_place(word)
        if found:
            return found
    return None
