"""Countries, their other names and demonyms: general reference data, not story data.

Used to read "Ukraine's X", "Ukrainian X" and "X of Ukraine" as one key, to
tell a country from other place names, and to find what country a place lies
in.  One line per country: canonical name | other names | demonyms (adjective
forms; plural nouns are derived by the lookup).  Hand-written, compact; covers
every UN member and a few widely reported territories.
"""
from __future__ import annotations

from functools import lru_cache

__all__ = ["COUNTRY_NAMES", "country_of_word", "is_country"]

_TABLE = """\
afghanistan||afghan
albania||albanian
algeria||algerian
andorra||andorran
angola||angolan
argentina||argentine,argentinian
armenia||armenian
australia||australian
austria||austrian
azerbaijan||azerbaijani,azeri
bahamas||bahamian
bahrain||bahraini
bangladesh||bangladeshi
barbados||barbadian
belarus||belarusian,belarussian
belgium||belgian
belize||belizean
benin||beninese
bhutan||bhutanese
bolivia||bolivian
bosnia and herzegovina|bosnia|bosnian
botswana||botswanan
brazil||brazilian
brunei||bruneian
bulgaria||bulgarian
burkina faso||burkinabe
burundi||burundian
cambodia||cambodian
cameroon||cameroonian
canada||canadian
cape verde|cabo verde|cape verdean
central african republic||central african
chad||chadian
chile||chilean
china|prc|chinese
colombia||colombian
comoros||comoran
congo|republic of the congo,democratic republic of the congo,drc|congolese
costa rica||costa rican
croatia||croatian
cuba||cuban
cyprus||cypriot
czech republic|czechia|czech
denmark||danish
djibouti||djiboutian
dominican republic||dominican
ecuador||ecuadorian
egypt||egyptian
el salvador||salvadoran
equatorial guinea||equatoguinean
eritrea||eritrean
estonia||estonian
eswatini|swaziland|swazi
ethiopia||ethiopian
fiji||fijian
finland||finnish
france||french
gabon||gabonese
gambia||gambian
georgia||georgian
germany||german
ghana||ghanaian
greece||greek
guatemala||guatemalan
guinea||guinean
guyana||guyanese
haiti||haitian
honduras||honduran
hungary||hungarian
iceland||icelandic
india||indian
indonesia||indonesian
iran||iranian
iraq||iraqi
ireland||irish
israel||israeli
italy||italian
ivory coast|cote d'ivoire|ivorian
jamaica||jamaican
japan||japanese
jordan||jordanian
kazakhstan||kazakh,kazakhstani
kenya||kenyan
kosovo||kosovar
kuwait||kuwaiti
kyrgyzstan||kyrgyz
laos||lao,laotian
latvia||latvian
lebanon||lebanese
lesotho||basotho
liberia||liberian
libya||libyan
liechtenstein||liechtensteiner
lithuania||lithuanian
luxembourg||luxembourgish
madagascar||malagasy
malawi||malawian
malaysia||malaysian
maldives||maldivian
mali||malian
malta||maltese
mauritania||mauritanian
mauritius||mauritian
mexico||mexican
moldova||moldovan
monaco||monegasque
mongolia||mongolian
montenegro||montenegrin
morocco||moroccan
mozambique||mozambican
myanmar|burma|burmese
namibia||namibian
nepal||nepali,nepalese
netherlands|holland|dutch
new zealand||new zealander
nicaragua||nicaraguan
niger||nigerien
nigeria||nigerian
north korea|dprk,democratic people's republic of korea|north korean
north macedonia|macedonia|macedonian
norway||norwegian
oman||omani
pakistan||pakistani
palestine|palestinian territories|palestinian
panama||panamanian
papua new guinea||papua new guinean
paraguay||paraguayan
peru||peruvian
philippines||filipino,philippine
poland||polish
portugal||portuguese
qatar||qatari
romania||romanian
russia|russian federation|russian
rwanda||rwandan
saudi arabia||saudi,saudi arabian
senegal||senegalese
serbia||serbian
sierra leone||sierra leonean
singapore||singaporean
slovakia||slovak
slovenia||slovenian,slovene
somalia||somali
south africa||south african
south korea|republic of korea,rok|south korean
south sudan||south sudanese
spain||spanish
sri lanka||sri lankan
sudan||sudanese
suriname||surinamese
sweden||swedish
switzerland||swiss
syria||syrian
taiwan||taiwanese
tajikistan||tajik
tanzania||tanzanian
thailand||thai
togo||togolese
trinidad and tobago||trinidadian
tunisia||tunisian
turkey|turkiye|turkish
turkmenistan||turkmen
uganda||ugandan
ukraine||ukrainian
united arab emirates|uae|emirati
united kingdom|uk,u.k.,britain,great britain|british
united states|us,u.s.,usa,u.s.a.,america|american
uruguay||uruguayan
uzbekistan||uzbek
venezuela||venezuelan
vietnam|viet nam|vietnamese
yemen||yemeni
zambia||zambian
zimbabwe||zimbabwean
"""


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Lower-case name, other name, demonym or plural demonym -> canonical country."""
    out: dict[str, str] = {}
    for line in _TABLE.splitlines():
        name, others, demonyms = line.split("|")
        forms = [name] + [x for x in others.split(",") if x] + [x for x in demonyms.split(",") if x]
        for form in forms:
            out.setdefault(form, name)
        # "Ukrainians", "North Koreans": plural nouns of the adjectives ending in -an/-i.
        for d in demonyms.split(","):
            if d and d[-1] in "ni":
                out.setdefault(d + "s", name)
    return out


COUNTRY_NAMES: frozenset[str] = frozenset(line.split("|")[0] for line in _TABLE.splitlines())


def country_of_word(phrase: str) -> str | None:
    """The canonical country a lower-case name, other name or demonym stands for, else None."""
    return _index().get(phrase.strip().lower())


def is_country(phrase: str) -> bool:
    """Whether a phrase names a country (by any of its names, not a demonym)."""
    c = country_of_word(phrase)
    if c is None:
        return False
    p = phrase.strip().lower()
    line = next(x for x in _TABLE.splitlines() if x.startswith(c + "|"))
    _, others, _ = line.split("|")
    return p == c or p in others.split(",")
