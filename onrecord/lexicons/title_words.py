"""The words titles are read with (``identity.titles``): title words, what may follow "of" in a
title, nationalities and their countries, the titles a "to" phrase belongs to, the titles of
office holders, and the prepositions that make a name after a title someone else's.  Data only:
the rules that read them are in ``identity.titles``; every list compares lowercased words with
dots, possessives and "-elect" removed (``titles.title_word``)."""

from __future__ import annotations

# Words that make a title, compared lowercased with dots, possessives and "-elect" etc. removed.
TITLE_WORDS = frozenset({
    "president", "vice", "prime", "minister", "secretary", "general", "secretary-general", "chancellor", "premier",
    "spokesman", "spokeswoman", "spokesperson", "press", "foreign", "defence", "defense", "head",
    "chief", "chairman", "chairwoman", "chair", "director", "adviser", "advisor", "aide",
    "ambassador", "envoy", "diplomat", "negotiator", "counterpart", "senator", "sen",
    "representative", "rep", "congressman", "congresswoman", "governor", "gov", "mayor", "deputy",
    "first", "lady", "leader", "king", "queen", "prince", "princess", "pope", "commissioner",
    "commander", "speaker", "attorney", "judge", "justice", "official", "officer", "candidate",
    "nominee", "former", "acting", "interim", "top", "senior", "state", "interior", "finance",
    "national", "security", "intelligence", "gen", "lt", "col", "colonel", "admiral", "marshal",
    "sergeant", "captain", "mp", "lawmaker", "member", "whip", "vp", "counsel", "alderman", "alderwoman",
    "councilman", "councilwoman", "councilor", "councillor", "assemblyman", "assemblywoman", "assemblymember",
    "delegate", "sheriff", "coach", "professor", "prof",
    # religious offices written before a name ("Pastor Kevin Swanson", "Rabbi Rick Jacobs")
    "pastor", "rabbi", "reverend", "rev", "bishop", "archbishop", "imam", "cleric",
    "rival", "challenger", "opponent",  # "Rival Hillary Clinton", as the model sometimes tags her
    # plurals of abbreviated titles before a list of names ("Sens. Ted Cruz and Marco Rubio")
    "sens", "govs", "reps", "gens", "adms", "lts", "cols", "sgts", "profs", "professors",
})
# Words that qualify a title without being one ("former", "acting"): a role of these alone
# ("former" before "neurosurgeon Ben Carson", which no title list holds) says nothing
TITLE_QUALIFIERS = frozenset({"former", "acting", "interim", "top", "senior", "then", "late", "ex", "longtime",
                              "current", "retired", "veteran"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"})
# Words a mention may start with that are neither title nor name ("As President Trump ...").
LEADING_NOISE = frozenset({
    "as", "of", "if", "when", "while", "after", "before", "but", "and", "or", "then", "also",
    "with", "without", "between", "by", "for", "from", "to", "in", "on", "at", "because", "since",
    "so", "however", "meanwhile", "nothing", "even", "only", "said", "says", "according",
})
# What may follow "of" in a title: "President of Ukraine", "Head of the Office of the President".
OF_WORDS = frozenset({
    "ukraine", "russia", "russian", "federation", "united", "states", "kingdom", "america", "germany",
    "france", "poland", "china", "turkey", "türkiye", "italy", "denmark", "finland", "hungary",
    "belarus", "lithuania", "latvia", "estonia", "romania", "moldova", "georgia", "japan",
    "canada", "spain", "netherlands", "sweden", "norway", "czech", "republic", "slovakia",
    "austria", "israel", "iran", "india", "britain", "uk", "us", "usa", "nato", "eu", "un",
    "europe", "european", "office", "ministry", "affairs", "commission", "union", "council",
    "government", "cabinet", "presidential", "parliament", "verkhovna", "rada", "duma",
    "committee", "department", "treasury", "house", "white", "armed", "forces", "staff",
    "service", "bank", "central", "nations", "assembly", "administration", "kremlin", "army",
    "navy", "economy", "energy", "health", "trade", "justice", "strategic", "industries",
    "digital", "transformation", "reintegration", "territories", "temporarily", "occupied",
    # portfolios: "Secretary of Health and Human Services", "Minister of Education and Science"
    "human", "services", "education", "science", "agriculture", "transport", "transportation",
    "infrastructure", "environment", "culture", "labor", "labour", "homeland", "veterans", "housing",
    "development", "technology", "communications", "information", "social", "policy", "family",
    "regional", "integration", "cooperation", "relations", "international", "industry",
    "delegation", "mission", "embassy",
}) | TITLE_WORDS
# Nationality adjectives and abbreviations → the country, for role keys and organisations.
COUNTRIES = {
    "russian": "Russia", "russia": "Russia", "ukrainian": "Ukraine", "ukraine": "Ukraine",
    "american": "United States", "us": "United States", "usa": "United States",
    "british": "United Kingdom", "uk": "United Kingdom", "britain": "United Kingdom",
    "german": "Germany", "french": "France", "polish": "Poland", "chinese": "China",
    "turkish": "Turkey", "italian": "Italy", "danish": "Denmark", "finnish": "Finland",
    "hungarian": "Hungary", "belarusian": "Belarus", "lithuanian": "Lithuania", "latvian": "Latvia",
    "estonian": "Estonia", "romanian": "Romania", "moldovan": "Moldova", "georgian": "Georgia",
    "japanese": "Japan", "canadian": "Canada", "spanish": "Spain", "dutch": "Netherlands",
    "swedish": "Sweden", "norwegian": "Norway", "czech": "Czechia", "slovak": "Slovakia",
    "austrian": "Austria", "israeli": "Israel", "iranian": "Iran", "indian": "India",
}
# Multi-word country names written as one token before role keys are made.
COUNTRY_PHRASES = {"united states": "us", "united kingdom": "uk", "great britain": "uk"}

# titles that name the same office ("the Head of State said" after "President X")
ROLE_SYNONYMS = {
    "head of (?:the )?(?:([a-z]+) )?state": r"\1 president",  # "head of the Ukrainian state": its president
    "chief of state": "president",
    "head of (?:the )?government": "prime minister",
    "secretary-general": "secretary general",  # "UN Secretary General", "Secretary-General of the UN"
    "united nations": "un",
}

# Title words a "to" phrase belongs to: "Adviser to the Head of the President's Office",
# "Ambassador to the United Nations" (not "Minister to …", which is no title).
TO_TITLES = frozenset({"adviser", "advisor", "aide", "ambassador", "envoy", "representative", "assistant",
                       "counsellor", "counselor", "emissary"})
# Titles that name the one who holds an office, so that "President Zelensky" after "for" is a
# person of their own: "a spokesman for President Zelensky" is not Zelensky ("Secretary of State
# Marco Rubio" and "Minister of Foreign Affairs Dmytro Kuleba" end in an office, not a holder).
HOLDER_WORDS = frozenset({
    "president", "minister", "premier", "chancellor", "king", "queen", "prince", "princess", "pope",
    "senator", "sen", "governor", "gov", "mayor", "speaker", "leader", "secretary", "ambassador",
    "judge", "justice", "commissioner", "general", "gen",
})

# Prepositions that, written in lower case right after a title, open a phrase naming someone else
OBJECT_PREPOSITIONS = frozenset({"to", "for", "of", "at", "with", "from", "by", "under", "on", "in"})
