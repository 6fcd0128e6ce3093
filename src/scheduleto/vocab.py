"""Vocabulary: the data tables the readers and extractors match against.

Glyphs that draw boxes, the wording of each checkbox and cover caption, extraction artefacts to
repair, time-zone names, role words. Code elsewhere reads these tables; adding a variant seen in
a real filing should mean adding a row here, not writing a new branch.
"""

from __future__ import annotations

import re
from typing import Final

from .document import CHECKED, UNCHECKED

# --------------------------------------------------------------------------------------------
# Box glyphs
# --------------------------------------------------------------------------------------------

#: Characters that draw a box on their own, in any font.
UNICODE_BOXES: Final[dict[str, str]] = {
    "\u2612": CHECKED,  # ☒
    "\u2611": CHECKED,  # ☑
    "\u2713": CHECKED,  # ✓
    "\u2714": CHECKED,  # ✔
    "\u2717": CHECKED,  # ✗
    "\u2718": CHECKED,  # ✘
    "\u2327": CHECKED,  # ⌧
    "\u25a0": CHECKED,  # ■ (filled square)
    "\u2610": UNCHECKED,  # ☐
    "\u25a1": UNCHECKED,  # □
    "\u2751": UNCHECKED,  # ❑
    "\u274f": UNCHECKED,  # ❏
    "\u25a2": UNCHECKED,  # ▢
    "\uf0fe": CHECKED,  # Wingdings þ in the private-use area
    "\uf078": CHECKED,  # Wingdings x in the private-use area
    "\uf0fd": CHECKED,  # Wingdings ý
    "\uf0a8": UNCHECKED,  # Wingdings ¨
    "\uf06f": UNCHECKED,  # Wingdings o
    "\uf071": UNCHECKED,  # Wingdings q
}

#: Letters that draw a box only inside a Wingdings/Webdings font run.
WINGDINGS_BOXES: Final[dict[str, str]] = {
    "x": CHECKED,
    "X": CHECKED,
    "ý": CHECKED,
    "þ": CHECKED,
    "ü": CHECKED,
    "n": CHECKED,
    "¨": UNCHECKED,
    "o": UNCHECKED,
    "q": UNCHECKED,
    "r": UNCHECKED,
}

#: Font families whose letters are pictures.
SYMBOL_FONTS: Final[tuple[str, ...]] = ("wingdings", "webdings", "ms gothic", "segoe ui symbol")

#: Spellings of boxes in extracted and plain text (regex, token). Bracketed forms must stand
#: alone (white space or line edge on both sides) so ``(a)(5)(X)`` is never read as a box.
TEXT_BOXES: Final[tuple[tuple[str, str, str], ...]] = (
    # (pattern, token, guard): the pattern only runs when one of the "|"-separated guard
    # substrings occurs in the text, which keeps normalisation fast on long documents.
    (r"\\boxtimes\b", CHECKED, "\\"),
    (r"\\checkmark\b", CHECKED, "\\"),
    (r"\\blacksquare\b", CHECKED, "\\"),
    (r"\\(?:Box|square)\b", UNCHECKED, "\\"),
    # Each pattern starts with its literal and looks behind only once that matched: a pattern
    # that opens with a look-behind is tried at every position and is many times slower.
    (r"\[(?<![^\s|]\[)\s?[xX]\s?\]", CHECKED, "["),
    (r"/(?<![^\s|]/)[xX]/", CHECKED, "/x/|/X/"),
    (r"\[(?<![^\s|]\[)[\s_]{0,3}\]", UNCHECKED, "["),
    (r"/(?<![^\s|]/)\s{1,3}/", UNCHECKED, "/"),
    (r"\((?<![^\s|]\()\s?[xX]\s?\)(?![^\s|])", CHECKED, "x)|X)"),
    (r"\((?<![^\s|]\()\s{1,3}\)(?![^\s|])", UNCHECKED, " )"),
    (r"_(?<!\S_)_{2,}(?=\s*[A-Z]?[a-z])", UNCHECKED, "___"),
    (r"\(\s*X\s+BOX\s*\)", CHECKED, "BOX"),
    (r"\(\s*BOX\s*\)", UNCHECKED, "BOX"),
    (r"[þýü](?<![^\s|][þýü])(?![^\s|])", CHECKED, "þ|ý|ü"),
    (r"¨(?<![^\s|]¨)(?![^\s|])", UNCHECKED, "¨"),
)

#: A lone letter standing in the box column of an old text filing (before the box wording).
LONE_LETTER_BOXES: Final[dict[str, str]] = {
    "x": CHECKED,
    "X": CHECKED,
    "o": UNCHECKED,
    "q": UNCHECKED,
    "¨": UNCHECKED,
    "ý": CHECKED,
    "þ": CHECKED,
}

# --------------------------------------------------------------------------------------------
# Extraction artefacts (applied by the text reader, in order)
# --------------------------------------------------------------------------------------------

#: (pattern, replacement) pairs that undo PDF/typesetting extraction damage.
ARTEFACT_REPAIRS: Final[tuple[tuple[str, str, str], ...]] = (
    # (pattern, replacement, guard) -- see TEXT_BOXES for the guard.
    (r"\\\$", "$", "\\"),
    (r"\\%", "%", "\\"),
    (r"\\&", "&", "\\"),
    (r"\^\{\s*(\*+)\s*\}", r"\1", "^{"),
    (r"\^\{\s*([^}]*)\}", r"\1", "^{"),
    # 1 read as l inside rule numbers and section references.
    (r"(1[34][de]-)l\b", r"\g<1>1", "d-l|e-l"),
    (r"\bl([34][de]-[1-4l])\b", r"1\1", "l3e|l4d|l3d|l4e"),
    (r"(\(\w\))\(l\)", r"\1(1)", "(l)"),
    (r"\(e\)\(l\)", "(e)(1)", "(l)"),
    (r"\(d\)\(l\)", "(d)(1)", "(l)"),
)

# --------------------------------------------------------------------------------------------
# Checkbox wording
# --------------------------------------------------------------------------------------------

#: Each canonical key with the pattern of its box text (matched on normalised text).
CHECKBOX_PATTERNS: Final[dict[str, str]] = {
    "preliminary_communication": (
        r"(?:check\s+(?:the\s+)?box\s+if\s+)?(?:the\s+)?filing\s+relates\s+solely\s+to\s+"
        r"preliminary\s+communications?(?:\s+made\s+before\s+(?:the\s+)?commencement\s+of\s+a\s+tender\s+offer)?"
        # Only the preliminary box starts so; text cut short may keep no more of it.
        r"|check\s+(?:the\s+)?box\s+if\s+the\s+filing\s+rel"
    ),
    "third_party_tender_offer": r"third[\s-]*party\s+tender\s+offers?\s+subject\s+to\s+Rule\s+14d-?\s*[1l]\b(?!\s*\()",
    "issuer_tender_offer": r"issuer\s+tender\s+offers?\s+subject\s+to\s+Rule\s+13e-?\s*4\b(?!\s*\()",
    "going_private": r"going[\s-]*private\s+transactions?(?:\s+subject\s+to\s+Rule\s+13e-?\s*3)?",
    "schedule_13d_amendment": r"amendments?\s+to\s+Schedule\s+13D\s+under\s+Rule\s+13d-?\s*2",
    "final_amendment": (
        r"(?:check\s+the\s+following\s+box\s+if\s+the\s+filing\s+is\s+a\s+)?"
        r"final\s+amendment\s+reporting\s+the\s+results\s+of\s+the\s+tender\s+offer"
    ),
    "cross_border_issuer": r"Rule\s+13e-?\s*4\s*\(\s*i\s*\)(?:\s*\(?\s*Cross[\s-]*Border\s+Issuer\s+Tender\s+Offer\s*\)?)?",
    "cross_border_third_party": r"Rule\s+14d-?\s*[1l]\s*\(\s*d\s*\)(?:\s*\(?\s*Cross[\s-]*Border\s+Third[\s-]*Party\s+Tender\s+Offer\s*\)?)?",
}

#: Cover text after which no earlier mark can belong to the next box: other boxes (the
#: fee-offset box, 13D group boxes) and the sentences introducing the transaction boxes.
CHECKBOX_BOUNDARIES: Final[str] = (
    r"any\s+part\s+of\s+the\s+fee\s+is\s+offset[^.]*\.|relates\s*:|relied\s+upon\s*:"
    r"|previously\s+paid\.|Date\s+Filed\s*:"
)

#: Sentences on the cover that introduce boxes but are not boxes themselves.
CHECKBOX_INTRODUCERS: Final[str] = (
    r"check\s+the\s+appropriate\s+box(?:es|\(es\))?\s+below|if\s+applicable,?\s+check"
)

# --------------------------------------------------------------------------------------------
# Cover captions
# --------------------------------------------------------------------------------------------

_P = r"\(\s*"  # opening parenthesis of a caption
_Q = r"\s*\)"

#: Captions under the cover values, as regex (matched case-insensitively on cover text).
CAPTIONS: Final[dict[str, str]] = {
    # "(Name of Subject Company (Issuer) and Filing Person (Offeror))" and other merged forms.
    "subject_and_filer": (
        _P + r"Names?\s+of\s+(?:the\s+)?Subject\s+Company\s*(?:\(\s*Issuer\s*\)|[—–-]+\s*Issuer)?\s*"
        r"(?:and|&)\s+(?:Names?\s+of\s+)?Filing\s+Persons?\s*"
        r"(?:\(\s*(?P<role>[^()]*?)\s*\)|[—–-]+\s*(?P<role2>[A-Za-z/ ]+?))?" + _Q
    ),
    "subject": (
        _P + r"Names?\s+of\s+(?:the\s+)?Subject\s+Compan(?:y|ies)\s*"
        r"(?:\(\s*Issuers?\s*\)?|[—–-]+\s*Issuers?)?\s*\)?"
    ),
    "filers": (
        _P + r"Names?\s+of\s+(?:the\s+)?Filing\s+Persons?(?:\s*\(s\))?"
        r"(?P<frole>\s*[—–-]+\s*[^()]*|\s*\((?:[^()]|\([^()]*\))*\))?(?:\s*\[[^\]]*\])?\s*\)?"
    ),
    "class": _P + r"Titles?\s+of\s+(?:the\s+)?Class(?:es)?\s+of\s+Securit(?:y|ies)" + _Q,
    # A caption cut off by the end of the text still ends the value above it.
    "cusip": _P + r"(?:CUSIP\s+(?:Numbers?|Nos?\.?)\b[^()]*(?:\([^()]*\)[^()]*)*\)|CUS[A-Z]*[^()]*\Z)",
    "authorized": (
        _P + r"Names?,?\s+(?:and\s+)?address(?:es)?,?(?:(?:[^()]|\([^()]*\))*?persons?\s+authori[sz]ed\s+to\s+receive"
        r"(?:[^()]|\([^()]*\))*\s*\)|[^()]*\Z)"
    ),
}

#: Captions standing for the filing persons on covers that print only a role ("(Bidders)").
FILER_ROLE_CAPTION: Final[str] = r"\(\s*(?:Bidders|Offerors|Purchasers|Filing\s+Persons)\s*\)"

#: Words between filing persons that are not persons ("a wholly owned subsidiary of", "and").
PERSON_CONNECTORS: Final[str] = (
    r"\b(?:an?\s+|its\s+)?(?:direct\s+(?:and\s+indirect\s+)?|indirect\s+)?(?:wholly[\s-]+owned\s+|majority[\s-]+owned\s+)?"
    r"(?:subsidiary|affiliate|parent)\s+of\b|^\s*(?:and|&)\s*$"
)

#: Words that start the "copies to" block under the authorised person.
COPIES_TO: Final[str] = r"(?:with\s+)?(?:a\s+)?cop(?:y|ies)\s+(?:to|of\s+communications\s+to)\s*:?"

#: Where the cover's person blocks end (the fee table or the boxes begin).
COVER_END: Final[str] = (
    r"CALCULATION\s+OF\s+FILING\s+FEE|Transaction\s+Valuation|"
    r"Check\s+the\s+box\s+if|Check\s+the\s+appropriate\s+box|" + CHECKBOX_PATTERNS["preliminary_communication"]
)

#: Roles that may follow a filing person's name in parentheses.
ROLE_WORDS: Final[str] = (
    r"Offeror|Issuer|Parent|Affiliate|Purchaser|Bidder|Subject\s+Company|Other\s+Person|"
    r"Filing\s+Person|Co-?Bidder|Guarantor|Sponsor|General\s+Partner|Adviser|Advisor|Subsidiary"
)

# --------------------------------------------------------------------------------------------
# Contacts
# --------------------------------------------------------------------------------------------

#: Words that make up job titles (person blocks put the title between name and organisation).
TITLE_WORDS: Final[frozenset[str]] = frozenset(
    ["president", "vice", "chief", "executive", "officer", "general", "counsel", "secretary", "treasurer", "director", "chairman", "chairwoman", "chair", "manager", "managing", "partner", "senior", "financial", "legal", "operating", "deputy", "assistant", "corporate", "head", "of", "and", "&", "the", "principal", "member", "authorized", "authorised", "signatory", "ceo", "cfo", "coo", "clo", "gc", "evp", "svp", "legal,", "affairs", "compliance", "associate", "administrative", "administrator", "investment", "fund", "funds", "co-chief", "interim", "acting", "company", "counsel,", "esq.", "esq", "trustee", "controller", "accounting", "officer,", "president,", "secretary,", "treasurer,", "director,"]
)

#: Endings of organisation names.
ORG_SUFFIX: Final[str] = (
    r"(?:Inc|Corp|Corporation|Company|Co|Ltd|Limited|LLC|L\.L\.C|LLP|L\.L\.P|LP|L\.P|PLC|plc|"
    r"N\.V|S\.A|AG|SE|GmbH|Trust|Fund|Partners|Group|Holdings|Bank|P\.C|PC|P\.A|PLLC|"
    r"Associates|N\.A|Incorporated)\.?"
)

#: Country names that end an address block.
COUNTRIES: Final[frozenset[str]] = frozenset(
    """united states|united states of america|usa|u.s.a|united kingdom|uk|england|canada|japan|
    china|people's republic of china|prc|hong kong|singapore|germany|france|switzerland|israel|
    the netherlands|netherlands|ireland|luxembourg|bermuda|cayman islands|british virgin islands|
    australia|india|italy|spain|sweden|norway|denmark|finland|belgium|austria|brazil|mexico|
    korea|republic of korea|taiwan|greece|monaco|cyprus|jersey|guernsey|marshall islands|
    south africa|argentina|chile|new zealand""".replace("\n", "").split("|")
)

PHONE: Final[str] = (
    r"(?<![\d(])(?:\+\s?\d{1,3}\s?(?:\(0\)\s?)?\d{1,4}(?:[\s.-]\d{2,4}){2,3}"
    r"|(?:(?<!\d)\d{1,3}[\s.-](?=\d{3}[\s.-]\d{3}[\s.-]\d{4}))?(?:\(\d{3}\)\s*|\d{3}[\s.-])\d{3}[\s.-]\d{4})"
    r"(?:\s*(?:x|ext\.?)\s*\d+)?"
)

# --------------------------------------------------------------------------------------------
# Times and zones
# --------------------------------------------------------------------------------------------

#: Time-zone phrases and the IANA zone they mean.
ZONES: Final[tuple[tuple[str, str], ...]] = (
    # Canadian bids print "6:00 P.M. (Canadian Eastern Time)": Toronto, checked before Eastern.
    (r"Toronto\s+time|Montr[e\u00e9]al\s+time|Canadian\s+Eastern\s+(?:Standard\s+|Daylight\s+)?Time",
     "America/Toronto"),
    (r"New\s+York\s+City\s+time|New\s+York\s+time|"
     r"Eastern\s+(?:Standard\s+|Daylight\s+(?:Savings?\s+)?)?Time|"
     r"\bE[SD]?T\b|\bEastern\b", "America/New_York"),
    (r"Vancouver\s+time|San\s+Francisco\s+time|Los\s+Angeles\s+time|"
     r"Pacific\s+(?:Standard\s+|Daylight\s+(?:Savings?\s+)?)?Time|\bP[SD]?T\b", "America/Los_Angeles"),
    (r"Central\s+(?:Standard\s+|Daylight\s+)?Time|\bC[SD]T\b|Chicago\s+time", "America/Chicago"),
    (r"Mountain\s+(?:Standard\s+|Daylight\s+)?Time|\bM[SD]T\b", "America/Denver"),
    (r"London\s+time|\bBST\b|\bGMT\b|U\.?K\.?\s+time", "Europe/London"),
    (r"Hong\s+Kong\s+time|\bHKT\b", "Asia/Hong_Kong"),
    (r"Tokyo\s+time|Japan(?:ese)?\s+(?:Standard\s+)?time|\bJST\b", "Asia/Tokyo"),
    (r"Central\s+European\s+(?:Summer\s+)?Time|\bCES?T\b|Paris\s+time|Amsterdam\s+time|"
     r"Frankfurt\s+time|Brussels\s+time|Madrid\s+time|Milan\s+time|Luxembourg\s+time", "Europe/Paris"),
    (r"Zurich\s+time|Swiss\s+time|Geneva\s+time", "Europe/Zurich"),
    (r"Israel(?:i)?\s+time|Tel\s+Aviv\s+time|Jerusalem\s+time", "Asia/Jerusalem"),
    (r"Singapore\s+time|\bSGT\b", "Asia/Singapore"),
    (r"Sydney\s+time|Australian\s+Eastern\s+(?:Standard\s+|Daylight\s+)?Time|\bAE[SD]T\b", "Australia/Sydney"),
    (r"Beijing\s+time|China\s+(?:Standard\s+)?time|Shanghai\s+time", "Asia/Shanghai"),
    (r"Seoul\s+time|Korea(?:n)?\s+(?:Standard\s+)?time|\bKST\b", "Asia/Seoul"),
    (r"India(?:n)?\s+(?:Standard\s+)?time|Mumbai\s+time", "Asia/Kolkata"),
    (r"\bIST\b", "unknown"),  # Israel or India Standard Time: not guessed
    (r"Johannesburg\s+time|South\s+African?\s+time", "Africa/Johannesburg"),
    (r"\bUTC\b|Coordinated\s+Universal\s+Time", "UTC"),
    # A zone printed but not known here: the instant is left unread rather than guessed.
    (r"(?:local|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+time\b", "unknown"),
)
DEFAULT_ZONE: Final[str] = "America/New_York"
#: The zone name of a printed zone that :data:`ZONES` does not know.
UNKNOWN_ZONE: Final[str] = "unknown"

#: Forms other than Schedule TO, recognised in bare text so a refusal can name them.
OTHER_FORMS: Final[tuple[tuple[str, str], ...]] = (
    (r"SCHEDULE\s+14D-?9|SOLICITATION/RECOMMENDATION\s+STATEMENT", "SC 14D9"),
    (r"SCHEDULE\s+13E-?3|RULE\s+13e-3\s+TRANSACTION\s+STATEMENT", "SC 13E3"),
    (r"SCHEDULE\s+13D\b", "SC 13D"),
    (r"SCHEDULE\s+13G\b", "SC 13G"),
    (r"FORM\s+10-K\b|ANNUAL\s+REPORT\s+PURSUANT\s+TO\s+SECTION\s+13", "10-K"),
    (r"FORM\s+10-Q\b|QUARTERLY\s+REPORT\s+PURSUANT", "10-Q"),
    (r"FORM\s+8-K\b|CURRENT\s+REPORT\s+PURSUANT", "8-K"),
    (r"FORM\s+S-1\b", "S-1"),
    (r"FORM\s+S-3\b", "S-3"),
    (r"FORM\s+S-4\b", "S-4"),
    (r"SCHEDULE\s+14A\b|PROXY\s+STATEMENT\s+PURSUANT", "DEF 14A"),
    (r"FORM\s+4\b", "4"),
    (r"FORM\s+D\b", "D"),
    (r"FORM\s+20-F\b", "20-F"),
    (r"FORM\s+6-K\b", "6-K"),
    (r"FORM\s+N-CSR", "N-CSR"),
)

#: Headings that say a text is a Schedule TO (or amends one).
SCHEDULE_TO_HEADING: Final[str] = (
    # A heading line, not a sentence starting "Schedule TO is ..." (the words must follow on the
    # same line: the next line of a heading can start with anything).
    r"^\W{0,3}SCHEDULE\s+TO\b(?![ \t]+(?:is|are|was|were|and|as|to|of|filed|relates|hereby)\b)"
    r"|^\W{0,3}(?:\S+[ \t]+){0,12}?Tender\s+Offer\s+Statement\s+(?:under|pursuant\s+to)\s+Section\s+14\s*\(\s*d\s*\)"
)


def compile_table(table: dict[str, str], flags: int = re.IGNORECASE) -> dict[str, re.Pattern[str]]:
    """Compile a ``{key: regex}`` table once."""
    return {key: re.compile(pattern, flags) for key, pattern in table.items()}

# --------------------------------------------------------------------------------------------
# Events: expiration changes, tendered counts, results
# --------------------------------------------------------------------------------------------

#: Words one of which a sentence about deadlines holds (a cheap pre-test for EXPIRATION_TOPIC).
EXPIRATION_KEYWORDS: Final[tuple[str, ...]] = ("expir", "extend", "extension", "deadline", "scheduled", "now end")

#: Words that state a change of the deadline: an extension, or a new expiration announced as
#: such ("The Offer will now expire at ...").
EXTENSION_WORDS: Final[str] = (
    r"\bextend(?:s|ed|ing)?\b|\bextension\b|\bwill\s+now\s+expire\b"
    r"|\bnow\s+(?:scheduled|set)\s+to\s+expire\b|\bnew\s+expiration\s+(?:date|time)\b"
)

#: A sentence worth reading for deadlines.
EXPIRATION_TOPIC: Final[str] = (
    r"expir|extend|extension|deadline|scheduled\s+to\s+(?:expire|end)|will\s+now\s+end"
)

#: Words just before a deadline that make it the NEW one.
EXPIRATION_NEW_CUES: Final[str] = (
    r"\bextend\w*\b.*?\b(?:to|until|through)\b|\b(?:until|through)\b"
    r"|\bnow\s+(?:scheduled|set)\s+to\s+(?:expire|end)\b|\bwill\s+(?:now\s+)?(?:expire|end)\b"
    r"|\bnew\s+(?:expiration|expiry)\s+(?:date|time)\b|\bdeemed\s+to\s+refer\s+to\b|\bnow\s+expire\b"
    r"|\bextended\s+(?:expiration\s+)?(?:date|time)\b|\bto\s*$|\bto\s+(?:at\s+)?(?:the\s+end\s+of\s+)?$"
)

#: Words just before a deadline that make it the PREVIOUS one. "which was extended until X"
#: ends where the new cue "until" ends: a tie goes to the previous deadline.
EXPIRATION_PREVIOUS_CUES: Final[str] = (
    r"\bfrom\b(?!\s+time\s+to\s+time)|\bpreviously\s+(?:been\s+)?(?:scheduled|set|extended|due)\b"
    r"|\boriginally\s+(?:been\s+)?(?:scheduled|set|due)\b"
    r"|\b(?:was|were|had\s+been)\s+(?:previously\s+|originally\s+)?(?:scheduled|set|due)\s+to\s+(?:expire|end)\b"
    r"|\bhad\s+been\s+scheduled\b|\bprior\s+expiration\b|\bprevious\s+(?:deadline|expiration)\b"
    r"|\bwould\s+(?:otherwise\s+)?have\s+expired\b|\bhaving\s+expired\b"
    r"|\boriginal\s+(?:offer\s+)?(?:expiration|deadline)\b|\bwas\s+set\s+to\s+expire\b"
    r"|\bpreviously\s+announced\s+(?:expiration|deadline)\b"
    r"|\b(?:which|that)\s+(?:was|had\s+(?:previously\s+)?been)\s+(?:previously\s+)?extended\s+(?:to|until|through)\b"
)

#: Words just AFTER a deadline that make it the previous one ("as of midnight on Sept. 26, the
#: original offer expiration date").
EXPIRATION_PREVIOUS_AFTER: Final[str] = (
    r"[\s,]*(?:\(\s*)?(?:the|its|which\s+(?:was|is|had\s+been)\s+the)\s+"
    r"(?:original|previous|prior|initial|then[\s-]+scheduled|scheduled)\s+"
    r"(?:(?:tender\s+|exchange\s+)?offer\s+)?(?:expiration|expiry)(?:\s+(?:date|time))?\b"
)

#: Words just before a date that make it no deadline at all (a count date, a document date).
EXPIRATION_NOT_DEADLINE: Final[str] = (
    r"(?:\bas\s+(?:of|at)|\bdated(?:\s+as\s+of)?|\bfiled\s+(?:\w+\s+){0,8}?on|\bcommenced\s+(?:\w+\s+){0,4}?on)"
    r"\s+(?:the\s+close\s+of\s+business\s+(?:on\s+)?)?$"
)

#: Words before "extend"/"extension" that make it no statement of an extension (a condition, a
#: right, a refusal): "unless further extended", "may extend", "will not ... extend".
EXPIRATION_HEDGES: Final[str] = (
    r"\b(?:may|might|can|could|would|should|shall|must|unless|if|whether|not|no|never"
    r"|subject\s+to|in\s+no\s+event|(?:right|required|obligated|permitted|entitled|agreed|intends?"
    r"|intention|option|ability|elects?|requested|asked)\s+to|automatic|possible|any)\b"
)

#: Refusals that may stand far before "extend" ("will not, under any circumstances, without the
#: prior consent of the Company, extend the Offer").
EXPIRATION_REFUSALS: Final[str] = (
    r"\b(?:will|shall|would|may|need|be\s+required\s+to)\s+not\b|\bin\s+no\s+event\b"
    r"|\bunder\s+no\s+circumstances\b|\bnot\s+be\s+(?:required|obligated|permitted)\s+to\b"
)

#: Things other than the offer that get extended (near the extension word): not expirations.
EXPIRATION_NOT_OFFER: Final[str] = (
    r"\bextension\s+fees?\b|\bcommence(?:ment)?\b|\boutside\s+date\b|\btermination\s+date\b|\bend\s+date\b|\bcommitment"
    r"|\bterm\s+sheet\b|\bwaiting\s+period\b|\binvestigation\s+period\b|\breview\s+period\b"
    r"|\bexclusivity\b|\bstandstill\b|\bHart[\s-]+Scott|\bHSR\b|\bdeadline\s+to\s+(?!tender)\w+"
    r"|\bdate\s+by\s+which\b|\bcredit\b|\bloan\b|\bfacility\b|\blease\b|\bmaturity\b"
    r"|\bemployment\b|\bextend(?:s|ed|ing)?\s+the\s+terms?\s+of\b"
)

#: Verbs that make a share count a tendered count.
TENDER_VERBS: Final[str] = (
    r"\b(?:validly|properly|had\s+been|have\s+been|been|were|was)?\s*(?:tendered|deposited)\b"
    r"|\btendered\s+(?:and|but)\s+not\s+(?:validly\s+|properly\s+)?withdrawn\b"
)

#: Roles of the agent that reports counts ("Computershare ..., the Exchange Agent for the Offer").
AGENT_ROLES: Final[str] = (
    r"depositary(?:\s+and\s+paying\s+agent)?|exchange\s+agent|paying\s+agent|tender\s+agent|"
    r"information\s+agent|depositary\s+agent|Depositary|Exchange\s+Agent|Paying\s+Agent|Tender\s+Agent"
)

#: How the offer ended. Every sentence is matched; the first pattern of this table (not the first
#: sentence) that matches anywhere wins, so a subsequent offering period that itself expired
#: beats one that was commenced, which beats the initial period's expiration.
_SOP = r"subsequent\s+offer(?:ing)?\s+period"
_IN_CLAUSE = r"(?:[^.;]|\.(?!\s+(?-i:[A-Z])))"  # "Inc." and "p.m." do not end the clause
OUTCOME_PATTERNS: Final[tuple[tuple[str, str], ...]] = (
    ("terminated",
     r"\b(?:offer|tender\s+offer|exchange\s+offer)\b[^.;]{0,40}\b(?:was|has\s+been|had\s+been)\s+"
     r"(?:terminated|withdrawn)\b"
     r"|(?<!\bbe\s)(?<!\bto\s)\bterminated\s+(?:the|its)\s+(?:tender\s+|exchange\s+)?offer\b"
     r"|\b(?:withdrew|(?:has|have|had)\s+withdrawn)\s+(?:the|its)\s+(?:tender\s+|exchange\s+)?offer\b"),
    ("expired", rf"\b{_SOP}\b{_IN_CLAUSE}{{0,80}}?(?<!have\s)(?<!not\s)\bexpired\b"),
    ("subsequent_offering_period",
     rf"\b(?:has|have|had|is|are|was|were)\s+(?:now\s+|also\s+)?(?:commenc|begun|began|start|provid|open)\w*"
     rf"\s+(?:\S+\s+){{0,6}}?(?:a|the|its)\s+{_SOP}"
     rf"|\b(?:by|upon|after)\s+commencing\s+(?:a|the|its)\s+{_SOP}"
     rf"|\bcommencement\s+of\s+(?:a\s+|the\s+)?{_SOP}|\bannounce[sd]\s+(?:a\s+)?{_SOP}"
     rf"|\b{_SOP}\s+(?:commencing|beginning|starting)\s+(?:immediately|today)"
     rf"|\b(?:during|in)\s+this\s+{_SOP}"
     rf"|\b(?:this|the)\s+{_SOP}\s+(?:will\s+expire|expires)\s+at\b"),
    ("expired",
     rf"\b(?:offer|offering\s+period|offer\s+period|tender\s+offer|exchange\s+offer)\b{_IN_CLAUSE}{{0,120}}?"
     r"(?<!have\s)(?<!not\s)\bexpired\b(?!\s+(?:without|on\s+the\s+date))"
     r"|\bexpiration\s+of\s+the\s+(?:tender\s+|exchange\s+)?offer\b[^.;]{0,40}\b(?:occurred|has\s+occurred)"
     r"|\b(?:allow|let|permit)\w*\s+(?:its|the)\s+(?:tender\s+|exchange\s+)?offer\b[^.;]{0,200}?\bto\s+expire\b"),
)

#: Words one of which every sentence matching an outcome pattern holds (a cheap pre-test).
OUTCOME_KEYWORDS: Final[dict[str, tuple[str, ...]]] = {
    "terminated": ("terminat", "withdr"),
    "expired": ("expire", "expiration"),
    "subsequent_offering_period": ("subsequent",),
}

#: Words just before an outcome that make it a condition, not an event ("if the Offer is
#: terminated", "after the Offer has expired").
OUTCOME_HEDGES: Final[str] = (
    r"\b(?:if|unless|whether|may|might|in\s+the\s+event(?:\s+that)?|until|before|prior\s+to|after|once|when)\b"
    r"[^.;]{0,30}$"
)

#: EDGAR document types of press-release exhibits, parsed for events (``EX-99.(A)(5)(E)``,
#: ``EX-99.A5B``, ``EX-99.(A)(5)(II)``, ``EX-99.1``).
PRESS_RELEASE_TYPES: Final[str] = r"^EX-99(?:\.?\s*\(?\s*A\s*\)?\s*\(?\s*5\b|\.A5|\.1\b|$)"
