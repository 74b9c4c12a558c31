"""Units, currencies, number labels and score words, used by the quantity readers (extract/units.py, quantities.py).

Part of the vocabulary module ``newssift.extract.lexicon``; import from there.
"""
from __future__ import annotations

# ---------------------------------------------------------------------------
# Units, currencies and number labels (used by extract/units.py
# and extract/quantities.py).
# ---------------------------------------------------------------------------

#: Unit words after a number, lower-case, as (normalised unit, kind). Plural and
#: singular forms are both listed; multi-word units are matched word by word.
UNIT_WORDS = {
    **{w: ("%", "percent") for w in ("percent", "per cent", "pct", "percentage", "per-cent")},
    **{w: ("pp", "percent") for w in ("percentage point", "percentage points", "points percentage")},
    **{w: ("‰", "percent") for w in ("per mil", "per mille", "per mill")},
    **{w: ("year", "time") for w in ("year", "years", "yr", "yrs")},
    **{w: ("month", "time") for w in ("month", "months", "mo")},
    **{w: ("week", "time") for w in ("week", "weeks", "wk", "wks")},
    **{w: ("day", "time") for w in ("day", "days")},
    **{w: ("h", "time") for w in ("hour", "hours", "hr", "hrs")},
    **{w: ("min", "time") for w in ("minute", "minutes", "mins")},
    **{w: ("s", "time") for w in ("second", "seconds", "secs", "sec")},
    **{w: ("decade", "time") for w in ("decade", "decades")},
    **{w: ("century", "time") for w in ("century", "centuries")},
    **{w: ("millennium", "time") for w in ("millennium", "millennia")},
    **{w: ("night", "time") for w in ("night", "nights")},
    **{w: ("km", "length") for w in ("kilometre", "kilometres", "kilometer", "kilometers")},
    **{w: ("m", "length") for w in ("metre", "metres", "meter", "meters")},
    **{w: ("cm", "length") for w in ("centimetre", "centimetres", "centimeter", "centimeters")},
    **{w: ("mm", "length") for w in ("millimetre", "millimetres", "millimeter", "millimeters")},
    **{w: ("μm", "length") for w in ("micrometre", "micrometres", "micrometer", "micrometers", "micron", "microns")},
    **{w: ("nm", "length") for w in ("nanometre", "nanometres", "nanometer", "nanometers")},
    **{w: ("mi", "length") for w in ("mile", "miles")},
    **{w: ("nmi", "length") for w in ("nautical mile", "nautical miles")},
    **{w: ("ft", "length") for w in ("foot", "feet")},
    **{w: ("in", "length") for w in ("inch", "inches")},
    **{w: ("yd", "length") for w in ("yard", "yards")},
    **{w: ("ly", "length") for w in ("light year", "light years", "light-year", "light-years")},
    **{w: ("km²", "area") for w in ("square kilometre", "square kilometres", "square kilometer",
                                    "square kilometers", "sq km")},
    **{w: ("m²", "area") for w in ("square metre", "square metres", "square meter", "square meters")},
    **{w: ("mi²", "area") for w in ("square mile", "square miles", "sq mi")},
    **{w: ("ft²", "area") for w in ("square foot", "square feet", "sq ft")},
    **{w: ("ha", "area") for w in ("hectare", "hectares")},
    **{w: ("acre", "area") for w in ("acre", "acres")},
    **{w: ("m³", "volume") for w in ("cubic metre", "cubic metres", "cubic meter", "cubic meters")},
    **{w: ("l", "volume") for w in ("litre", "litres", "liter", "liters")},
    **{w: ("ml", "volume") for w in ("millilitre", "millilitres", "milliliter", "milliliters")},
    **{w: ("gal", "volume") for w in ("gallon", "gallons")},
    **{w: ("bbl", "volume") for w in ("barrel", "barrels")},
    **{w: ("t", "mass") for w in ("tonne", "tonnes", "ton", "tons", "metric ton", "metric tons")},
    **{w: ("kg", "mass") for w in ("kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos")},
    **{w: ("g", "mass") for w in ("gram", "grams", "gramme", "grammes")},
    **{w: ("mg", "mass") for w in ("milligram", "milligrams")},
    **{w: ("oz", "mass") for w in ("ounce", "ounces")},
    **{w: ("lb", "mass") for w in ("lbs",)},
    **{w: ("°C", "temperature") for w in ("degrees celsius", "degree celsius", "degrees centigrade", "celsius",
                                          "degrees c")},
    **{w: ("°F", "temperature") for w in ("degrees fahrenheit", "degree fahrenheit", "fahrenheit", "degrees f")},
    **{w: ("K", "temperature") for w in ("kelvin", "kelvins")},
    **{w: ("°", "angle") for w in ("degree", "degrees")},
    **{w: ("km/h", "speed") for w in ("kilometres per hour", "kilometers per hour", "kph", "km/h")},
    **{w: ("mph", "speed") for w in ("miles per hour", "mph")},
    **{w: ("kn", "speed") for w in ("knot", "knots")},
    **{w: ("W", "power") for w in ("watt", "watts")},
    **{w: ("kW", "power") for w in ("kilowatt", "kilowatts")},
    **{w: ("MW", "power") for w in ("megawatt", "megawatts")},
    **{w: ("GW", "power") for w in ("gigawatt", "gigawatts")},
    **{w: ("kWh", "energy") for w in ("kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours")},
    **{w: ("V", "voltage") for w in ("volt", "volts")},
    **{w: ("J", "energy") for w in ("joule", "joules")},
    **{w: ("kcal", "energy") for w in ("calorie", "calories", "kilocalorie", "kilocalories")},
    **{w: ("Hz", "frequency") for w in ("hertz",)},
    **{w: ("B", "data") for w in ("byte", "bytes")},
    **{w: ("GB", "data") for w in ("gigabyte", "gigabytes")},
    **{w: ("MB", "data") for w in ("megabyte", "megabytes")},
    **{w: ("×", "ratio") for w in ("times", "fold", "-fold")},
    **{w: ("points", "points") for w in ("point", "points", "pts")},
}

#: Unit kinds that give a quantity its ``measure`` (the kinds the figures view
#: compares): physical amounts keep the measure names used before units grew.
UNIT_KIND_MEASURES = {"length": "distance", "mass": "weight", "area": "area", "volume": "volume", "money": "money"}

#: Unit symbols that pint does not know (or knows as something else) but that
#: science and news write after numbers, as written -> normalised.
EXTRA_UNIT_SYMBOLS = {
    "wt%": "wt%", "wt.%": "wt%", "wt. %": "wt%", "wt %": "wt%", "vol%": "vol%", "vol.%": "vol%", "mol%": "mol%",
    "at%": "at%", "at.%": "at%", "v/v": "v/v", "w/w": "w/w", "w/v": "w/v", "ppb": "ppb", "ppbv": "ppbv",
    "ppmv": "ppmv", "ppt": "ppt", "pptv": "pptv", "ppq": "ppq", "ppm": "ppm", "Torr": "Torr", "torr": "Torr",
    "mBar": "mbar", "UT": "UT", "UTC": "UTC", "GMT": "GMT", "BP": "BP", "ka BP": "ka BP", "cal BP": "cal BP",
    "kyr": "kyr", "Myr": "Myr", "Gyr": "Gyr", "byr": "Gyr", "ka": "ka", "Ma": "Ma", "Ga": "Ga", "bp": "bp",
    "kbp": "kbp", "Mbp": "Mbp", "kb": "kb", "Mb": "Mb", "nt": "nt", "aa": "aa", "Rp": "Rp", "RJ": "RJ",
    "RE": "RE", "RS": "RS", "Rs": "Rs", "R⊙": "R⊙", "M⊙": "M⊙", "L⊙": "L⊙", "R⊕": "R⊕", "M⊕": "M⊕", "AU": "AU",
    "mbsl": "mbsl", "mbsf": "mbsf", "masl": "masl", "bpm": "bpm", "rpm": "rpm", "CFU": "CFU", "cfu": "CFU",
    "IU": "IU", "U": "U", "kDa": "kDa", "Da": "Da", "Mbps": "Mbps", "Gbps": "Gbps", "kbps": "kbps", "px": "px",
    "dpi": "dpi", "mmHg": "mmHg", "cmH2O": "cmH2O", "pH": "pH", "mAh": "mAh", "Wh": "Wh", "kWh": "kWh",
    "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "kWp": "kWp", "MWp": "MWp", "sccm": "sccm",
    "yr": "yr", "yrs": "yr", "hr": "h", "hrs": "h", "sec": "s", "mins": "min", "kph": "km/h", "tCO2": "tCO2",
    "tCO2e": "tCO2e", "MtCO2": "MtCO2", "GtCO2": "GtCO2", "Mt": "Mt", "Gt": "Gt", "kt": "kt", "bbl": "bbl",
    "sq": None,
}

#: Words that pint reads as units but that are English words after a number
#: ("5 in the sample", "3 at once", "2 a day"): never a unit when alone.
UNIT_STOPWORDS = frozenset(
    """a an the and or of in on at to for from by with is are was were be as than that this these it its
    per not no into over under up via vs which who when where while then also all any each both but if
    so such only other out off we he she they i you our their his her one two three four five six seven
    eight nine ten mean max min sd se ci do does did has have had can may will would could should must""".split()
) - {"min"}

#: Currency signs and codes written before an amount, and their ISO codes.
CURRENCY_BEFORE = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
    "₽": "RUB", "₴": "UAH", "₩": "KRW", "₦": "NGN", "₺": "TRY", "₪": "ILS", "₱": "PHP", "Rs": "INR",
    "Rs.": "INR", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY",
    "CHF": "CHF", "INR": "INR", "RUB": "RUB", "UAH": "UAH", "AUD": "AUD", "CAD": "CAD", "KRW": "KRW",
}

#: Currency words written after an amount ("5,000 won", "3 million euros").
#: "won" is money only here, after a number: before one it is a verb ("won 3-1").
CURRENCY_AFTER = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnias.": "UAH", "won": "KRW",
    "rupee": "INR", "rupees": "INR", "peso": "MXN", "pesos": "MXN", "franc": "CHF", "francs": "CHF",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "rand": "ZAR", "naira": "NGN",
    "shekel": "ILS", "shekels": "ILS", "lira": "TRY", "liras": "TRY", "real": "BRL", "reais": "BRL",
    "dinar": "DZD", "dinars": "DZD", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
}

#: Scale words and suffixes after an amount of money or a plain number
#: ("£2.3m", "$1.2bn", "2.5 million"). A bare "m" or "k" scales only money:
#: after a plain number it is metres or kilo.
MONEY_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9, "tn": 1e12,
                "tr": 1e12, "trn": 1e12}

#: Words before a number that make it a label, not an amount ("Table 2",
#: "phase 7", "No. 4", "line 10"); lower-case, with and without final dot.
LABEL_WORDS = frozenset(
    """fig fig. figs figs. figure figures table tables tab tab. eq eq. eqs eqs. equation equations section
    sections sec sec. chapter chapters appendix panel panels phase phases stage stages step steps line lines
    column columns row rows page pages pp pp. p. no no. nos nos. number # item items case cases model
    models version type types grade grades class classes group groups experiment experiments sample
    site sites lane lanes exon exons chromosome chromosomes article articles paragraph rule rules
    round rounds route routes gate gates station platform flight level levels category cohort wave waves
    run runs trial test tests patient animal subject participant volume vol vol. issue issues part parts
    ref ref. refs scheme schemes algorithm algorithms lemma theorem definition proposition corollary
    region zone zones unit units cluster clusters node nodes week day weeks days month months listing
    listings axis complex clone clones assemblage iteration generation code codes fraction fractions numbered
    samples specimen specimens""".split()
)

#: Verbs and nouns of contests: "won 112 to 104", "a 3-1 victory" are scores.
SCORE_WORDS = frozenset(
    """win won beat defeat lose lost edge edged rout routed thrash top topped lead led trail trailed draw
    drew tie tied score scored victory win defeat loss game match final score scoreline result vote
    voted""".split()
)

#: Words of size after a hyphenated unit ("a 30 m-high wave", "a 3 km-long tunnel"): the letter
#: before them is a unit; before any other word it is part of that word ("2 e-mails", "40 x-rays").
DIMENSION_WORDS = frozenset("long high wide deep thick tall thin broad across diameter radius".split())

#: Verbs of change: "fell from 12 to 9" is two values, not a range.
CHANGE_VERBS = frozenset(
    """fall drop decline decrease reduce cut shrink slip slide plunge tumble sink ease lower dip rise
    increase grow climb jump soar surge raise go change move widen narrow shift""".split()
)

#: Words that name a scale before its reading ("pH 7", "magnitude 6.1"), lower-case -> unit.
UNIT_BEFORE = {"ph": "pH", "magnitude": "magnitude", "richter": "magnitude", "mach": "Mach"}

#: Words of heat and cold: "41C" next to them is a temperature, not 41 coulombs.
TEMPERATURE_WORDS = frozenset(
    """temperature temperatures heat heatwave hot hotter hottest warm warmer warmest cold colder coldest chilly
    freezing frost celsius fahrenheit thermometer thermometers degrees""".split()
)

__all__ = [
    "CHANGE_VERBS",
    "CURRENCY_AFTER",
    "CURRENCY_BEFORE",
    "DIMENSION_WORDS",
    "EXTRA_UNIT_SYMBOLS",
    "LABEL_WORDS",
    "MONEY_SCALES",
    "SCORE_WORDS",
    "TEMPERATURE_WORDS",
    "UNIT_BEFORE",
    "UNIT_KIND_MEASURES",
    "UNIT_STOPWORDS",
    "UNIT_WORDS",
]
