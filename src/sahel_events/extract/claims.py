"""Attribution relations (PARC-style): who (claimant) says (cue) what (content).

Patterns, tried per sentence:
- ``CLAIMANT CUE (ADVERBIAL) that CONTENT`` ("local officials reported that ...");
- ``CLAIMANT said/believe CONTENT`` without "that" when a clause follows;
- direct quotes: ``CLAIMANT said "..."`` and ``"...," CLAIMANT said``;
- ``according to CLAIMANT, CONTENT`` and ``CONTENT, according to CLAIMANT``;
- hedges in the article's own voice ("reportedly", "allegedly"): no claimant;
- uncertainty ("It is unclear whether CONTENT"): no claimant.
The claimant is the noun phrase between the clause boundary and the cue; its
actor is the dictionary actor named inside it ("a Malian military official"
contains "Malian military"); "it"/"they" take the last sentence subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .matching import Mention
from .text import Span

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
REPORT_CUES = (
    r"said|says|say|told|stated|states|state|reported|reports|report|announced|announces|confirmed|confirms|noted|notes|"
    r"added|adds|explained|explains|warned|warns|underlined|underlines|underscored|underscores|stressed|stresses|"
    r"emphasized|emphasised|emphasizes|emphasises|reaffirmed|reaffirms|reiterated|reiterates|insisted|insists|declared|declares|indicated|indicates|revealed|"
    r"reveals|wrote|writes|acknowledged|acknowledges|argued|argues|found|finds|concluded|concludes|showed|shows|"
    r"observed|testified|estimated|estimates|expressed (?:regret|concern|hope|alarm)|expresses (?:regret|concern|hope|alarm)|"
    r"affirmed|affirms|recalls|recalled|informed|informs|admitted|admits|asserted|asserts|charged|contended|disclosed|discloses|"
    r"maintained|maintains|mentioned|predicted|promised|recounted|remarked|replied|responded|specified|conceded|cautioned|clarified|"
    r"complained|pointed\s+out|pledged|signalled|signaled|tweeted|posted|agreed|recognised|recognized|learned|learnt|understood|"
    r"verified|established|determined|documented|recorded|alerted|assured"
)
HEDGE_CUES = (
    r"believe|believes|believed|think|thinks|thought|suspect|suspects|suspected|fear|fears|feared|claimed|claims|claim|alleged|alleges|allege|"
    r"suggested|suggests"
)
DENY_CUES = r"denied|denies|deny|rejected|rejects|disputed|disputes"
# Adverbials after a cue that are neither speaker nor content; shared by the patterns below.
_VIA_CHANNEL = r"via\s+(?:its|their|his|her|the|a|an)\s+(?:[\w-]+\s+){0,5}?(?:channel|account|app|website|statement|message|post|Telegram|X|Twitter|Facebook)"
_ANONYMITY = r"(?:speaking\s+)?(?:on|under)\s+(?:the\s+)?(?:condition|cover)\s+of\s+'?anonymity"
_PHONE = r"(?:by|via)\s+(?:tele)?phone"
_CUE = re.compile(
    rf"\b(?P<cue>{REPORT_CUES}|{HEDGE_CUES}|{DENY_CUES})"
    r"(?P<adv>(?:(?:(?<=told)|(?<=informed))\s+(?:reporters|journalists|(?:the\s+)?(?:press|media|news\s+agency|agency|council|parliament|assembly|court|committee)\b|(?:(?:the|French|US|British|local|state|private)\s+)?(?:[a-z]+\s+){0,2}?(?:agency|broadcaster|"
    r"newspaper|channel|radio|television|media)\s+(?-i:[A-Z][\w.]*)|(?-i:[A-Z][\w.]*)(?:\s+(?-i:[A-Z][\w.]*)){0,2}))?(?:\s+(?:with(?:\s+(?!that\b)[a-z]+){1,2}|(?!that\b)[a-z]+ly|again|also|today|yesterday|"
    r"earlier|later|separately|last\s+\w+|this\s+(?:week|month|morning)|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|in\s+\d{4}|on\s+[A-Z][a-z]+day|" + _WEEKDAY + r"|(?:on\s+)?(?:" + _WEEKDAY + r"\s+)?\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|"
    + _VIA_CHANNEL + "|" + _ANONYMITY + "|" + _PHONE + "|"
    r"in\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}(?:statement|interview|message|speech|post|communiqué|address|introduction|video|report)|"
    r"on\s+(?:its|their|his|her|the|social|state)\s+(?:[\w-]+\s+){0,2}(?:media|channels?|networks?|television|TV|radio|broadcaster|website|account|platforms?)|"
    r"on\s+(?:X|Twitter|Facebook|Telegram|WhatsApp)(?:\s+(?:social\s+)?(?:media\s+)?(?:site|platform|network|app))?|"
    r"to\s+(?:reporters|journalists|the\s+press|[A-Z][\w.]+)))*)"
    r"(?P<that>(?:\s+(?:the\s+)?(?:reports|claims|allegations|accusations|suggestions|rumou?rs))?\s*,?\s+that\b\s*,?\s*|\s+(?=[\"“])|\s*:\s*(?=[\"“])|(?:(?<=claimed)|(?<=claims))\s+(?=to\s+have\b)|"
    r"\s+(?=(?:the|a|an|it|they|he|she|there|its|their|his|her|some|many|(?!" + _WEEKDAY + r"\b)[A-Z]\w*)\b)|"
    r"\s+(?=at\s+least\b|(?!(?:in|on|at|to|from|by|with|after|before|during|for|of|last|earlier|later|this|that|so|"
    r"nothing|goodbye|separately|responsibility|credit|victory|about|over|against|regarding|into|upon|as|up|out|down|off|via|\w+ly)\b)[a-z]+\b|\d))"
)
# Stance verbs whose complement is a noun phrase (no "that"): the stance is the claim and
# the phrase its content ("The council reaffirms its support for the talks", "X is deeply
# concerned about the fighting", "X expressed support for the plan").
_STANCE = re.compile(
    r"\b(?P<cue>(?:is|are|was|were|remains?|remained)\s+(?:(?:still|also|deeply|gravely|seriously|particularly|"
    r"increasingly|very|greatly|extremely)\s+)*(?:concerned|worried|alarmed|troubled|disturbed|saddened|shocked|outraged|appalled)\s+(?:about|for|by|over|at)"
    r"|reaffirm(?:s|ed)?|reiterat(?:es|ed)|recalls|condemn(?:s|ed)?|deplor(?:es|ed)"
    r"|claim(?:s|ed)\s+responsibility\s+for|confirm(?:s|ed)|den(?:y|ies|ied)|reject(?:s|ed)|accus(?:es|ed)|blam(?:es|ed)"
    r"|announc(?:es|ed)|denounc(?:es|ed)|decr(?:ies|ied|y)|disput(?:es|ed)|complain(?:s|ed)\s+(?:of|about)|recogni[sz]es|call(?:s|ed)\s+(?:on|upon|for)|prais(?:es|ed)|welcom(?:es|ed)|criticis(?:es|ed)|criticiz(?:es|ed)|hail(?:s|ed)|"
    r"question(?:s|ed)|urg(?:es|ed)|recommend(?:s|ed)|(?:stress|highlight|underline|underscore|emphasi[sz]e)(?:s|d|ed|es)?(?=\s+(?:the|their|its)\s)|warn(?:s|ed)\s+(?:of|against)|sp(?:eaks|oke)\s+of|pa(?:ys|id)\s+tribute\s+to|rais(?:es|ed)\s+(?:serious\s+)?concerns?\s+(?:about|over)"
    r"|express(?:es|ed)?\s+(?:(?:its|their|his|her|deep|grave|strong|full|serious|continued)\s+)*"
    r"(?:support|concern|regret|alarm|solidarity|outrage)\s+(?:for|about|over|at|regarding))"
    r"(?=\s+(?!that\b|(?:on|via|under|in|at|to|from|by|during|after|before|late|last|earlier|later|yesterday|today|" + _WEEKDAY + r")\b(?![’']s)|\d)\S)"
)
# "had vowed to hold a vote within two years", "JNIM threatened to strike": the commitment or threat is the claim.
_COMMIT = re.compile(r"\b(?P<cue>(?:had\s+)?(?:promis(?:es|ed|ing)|vow(?:s|ed|ing)|pledg(?:es|ed|ing)|threaten(?:s|ed|ing)|"
                     r"(?:has|have)\s+(?:promised|vowed|pledged|threatened)))\s+(?=to\s+\w)")
# "quoted X as saying": X is the claimant.
_QUOTED_AS = re.compile(r"\bquot(?:ed|ing|es)\s+(?P<who>[^,;\"“”]{2,60}?)\s+(?P<cue>as\s+saying)\s+(?:that\s+)?")
_BUT = re.compile(r",?\s+but\s+|\s+(?:after|when|because|while)\s+(?=(?:the|a|an|it|they|[A-Z])\w*\b)")
# "noted with concern that": the manner phrase belongs to the cue.
_MANNER = re.compile(r"\s+with\s+(?:(?:deep|grave|great|serious|growing|particular)\s+)?(?:concern|regret|satisfaction|appreciation|alarm)\b")
# "As previously reported, CONTENT" (no claimant) and "As the ministry reported, CONTENT".
_AS_REPORTED = re.compile(
    r"[\"“]?(?P<cue>As\s+(?:(?P<who>[^,;\"“”]{2,60}?)\s+(?:has\s+|have\s+|had\s+)?)??(?:(?:previously|earlier|already|first|widely)\s+)?"
    r"(?:reported|announced|stated|noted|indicated|said|confirmed))(?:\s+(?:earlier|previously|on\s+\w+))?\s*,\s*"
)
# Infinitival stance ("ministers met to express support for"): the claimant is the
# subject before the clause's first verb.
_SUBJECT_VERB = re.compile(
    r"\s+(?:spoke|met|gathered|rose|took|came|went|used|joined|sought|stood|wrote|\w{3,}ed)\b"
)
# Epistemic modals in the article's own voice ("The closure could delay aid"): a hedged
# statement with no claimant. Not "could not" (mostly past inability), not "could have"
# (a counterfactual), not a perception ("could hear"); "may" only in lower case (the month).
_MODAL_HEDGE = re.compile(
    r"(?<=[\w,)]\s)(?P<cue>could|might|may)\s+(?:(?:well|also|still|even|further|\w+ly)\s+)?"
    r"(?!(?:not|have|never|no|only|hear|see|feel|smell|barely|hardly)\b)[a-z]+\b"
)
# "... increase the likelihood of X": X is put as possible, not as fact.
_FRONTED_CUE = re.compile(
    r"\s*(?P<cue>Recalling|Noting|Stressing|Reiterating|Underlining|Underscoring|Emphasi[sz]ing|Reaffirming|Recognizing|Recognising|"
    r"Acknowledging|Welcoming)\s+that\s+"
)
_LIKELIHOOD = re.compile(
    r"\b(?P<cue>(?:increas|rais|heighten)(?:e|es|ed|ing)\s+the\s+(?:likelihood|risk|chances?|possibility|probability)\s+of)\s+"
)
_AND_THAT = re.compile(r",?\s+and\s+that\s+")

_PRONOUN_CLAUSE = re.compile(r"(?:it|they|he|she|we|this|these)\s+(?:had|has|have|was|were|would|will|is|are|could|\w+ed)\b")
_NAME_ONLY = re.compile(r"(?:[A-Z(][\w.)’'-]*\s*)+[.!]?[\"”]?\s*$|[\d\s.,]*$")
_NEGATED_CUE = re.compile(r"\b(?:did|does|do|would|could|will)\s*(?:not|n[’']t)\s+$|\b(?:declined|refused)\s+to\s+$")
_BARE_QUANTITY_CUE = re.compile(r"(?:reported|reports|report|recorded|documented|counted|showed|shows|show|confirmed)$")
_QUANTITY = re.compile(r"(?:at\s+least|more\s+than|over|nearly|about|around|some|several|many|dozens|hundreds|scores|heavy|significant|"
                       r"numerous|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\b", re.I)
_BARE_OK = re.compile(rf"^(?:said|says|say|{HEDGE_CUES})$")
_HEDGE_ADV = re.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly)\b")
_UNCLEAR = re.compile(r"\b[Ii]t (?:is|was|remains|remained) (?:still |also )?(?:unclear|not clear|uncertain|unknown|not known) (?:whether|if|how|why|who|when)\b")
# A speaker named after the cue keeps the appositive that says who they are, as a coder quotes it:
# '..., said Jane Roe, a spokeswoman for the mission.', '..., said its spokesman, John Doe.'
_SPEAKER_APPOSITIVE = (
    r"(?:,\s+(?:(?:a|an|the|his|her|its|their)\s+|(?:senior|deputy|chief|spokes\w+|president|head|member|leader|director|"
    r"secretary|minister|commander|mayor|governor|of)\b)[^,;\"“”.]{2,80}"
    r"|(?:" + "|".join(rf"(?<={w})" for w in ("spokesman", "spokeswoman", "spokesperson", "leader", "head", "chief", "lawyer",
                                                "president", "director", "CEO", "minister", "governor", "mayor")) + ")"
    r",\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,4})?"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<who>[^,.;\"“”]{2,80}?)(?=\s*[,.;]|$)")
_QUOTE = re.compile(r"[\"“](?P<q>[^\"“”]{3,}?)[\"”]")
_TAIL = (
    r"(?:\s+(?:[A-Z][\w.]*|reporters|journalists|" + _ANONYMITY + "|"
    r"in\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,2}(?:statement|interview|message|speech|post|communiqué|address|video|report|letter)"
    r"(?:\s+(?:read|broadcast|aired|published|posted|released|issued|shared|sent)(?:\s+(?:out\s+)?(?:on|by|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:television|TV|radio|media|press|channels?|broadcaster|website|account|journalists|reporters))?)?|"
    r"on\s+(?:its|their|his|her|the|social|state)\s+(?:[\w-]+\s+){0,2}(?:media|channels?|networks?|television|TV|radio|broadcaster|website|account)|"
    + _VIA_CHANNEL + "|" + _PHONE + "|"
    r"(?:on\s+)?\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|"
    r"on\s+\w+|late\s+\w+|last\s+\w+|separately|earlier|later|however|too|again|\w+ly|\([A-Z][\w.]+\)|"
    r"(?:a\s+few|several|some|\w+)\s+(?:minutes|hours|days)\s+later))*"
)
# "told dpa", "told the Security Council": who was told, not part of the speaker or the content.
_TOLD_OBJECT = r"(?:(?<=told)\s+(?:the\s+|a\s+)?(?!that\b)[\w.’'-]+(?:\s+(?!that\b|on\b|in\b|late\b|last\b)[\w.’'-]+){0,4}?)?"
# An attribution that ends the main clause before a subordinate one ("..., residents said, as ...").
_CLAUSE_GOES_ON = r"(?=,\s+(?:as|while|after|before|when|amid|despite|following|according|with|without|under|over|for|in\s+(?:a|an|the)|[a-z]+ing)\b|\s+[—–]\s)"
# What may follow a cue without being content: "said late Monday.", "said in a statement on Friday."
_TAIL_ONLY = re.compile(_TAIL + r"(?:\s*[.!]?[\"”]?\s*$|" + _CLAUSE_GOES_ON + ")")
# After ", said": a speaker running to the end of the sentence, not a reported clause
# ("..., said a senior police officer who asked to remain anonymous.").
_SPEAKER_ONLY = re.compile(r"\s+(?:(?:a|an|the|its|their|his|her|one|two|three|several)\s+|(?-i:[A-Z]))[^,;\"“”.]{2,80}?"
                           r"(?:\s+(?:who|which)\s[^;\"“”]{2,100})?\s*[.!]?[\"”]?\s*$")
_QUOTE_CUES = r"said|says|added|told|stated|wrote|explained|claimed|insisted|warned|noted|declared|stressed|continued|tweeted|posted|announced|confirmed"
_AFTER_QUOTE = re.compile(
    r"\s*,?\s*(?:(?P<cue1>said|says|added|told|stated)\s+(?P<who1>[^,.;\"“”]{2,60}" + _SPEAKER_APPOSITIVE + ")"
    rf"|(?P<who2>[^,.;\"“”]{{2,60}}?)(?:,\s+[^,.;\"“”]{{2,80}}?,)?\s+(?P<cue2>{_QUOTE_CUES}){_TOLD_OBJECT}"
    rf"(?:{_TAIL}|\s+(?:in|on|at|during|after)\s[^,.;\"“”]{{2,80}}?))\s*[.,;]"
)
# A quotation running over several sentences, then its speaker ("... this morning," the army said).
_LONG_QUOTE = re.compile(r"[\"“](?P<q>[^\"“”]{3,800}?)[\"”]")
_BE = r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)"
# "X are accused by two NGOs of killing ...": the accusers are the claimant.
_ACCUSED_BY = re.compile(rf"\b(?P<cue>{_BE}\s+accused\s+by)\s+(?P<who>[^,.;]{{2,60}}?)\s+of\s+")
# "..., adding that B": a second content of the same claimant.
_ADDING = re.compile(r",\s+(?P<cue>adding|saying|noting|stressing|warning|explaining|citing|accusing|demanding|calling\s+(?:for|on)|urging|describing|decrying|"
                     r"denouncing|deploring|criticising|criticizing|arguing|insisting|claiming|alleging)\s+(?:that\s+)?")
# "The party issued a statement accusing X of ...": the document's author is the claimant.
_DOCUMENT_CUE = re.compile(
    r"\s+(?:issued|released|published|sent|put\s+out)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:statement|communiqué|letter|message|report)\s+"
    r"(?P<cue>accusing|saying|stating|claiming|calling\s+for|demanding|denouncing|condemning|warning|announcing|urging)\s+(?:that\s+)?"
)
# "..., with the coalition demanding that two men be freed": the noun phrase after "with" is the claimant.
_WITH_PARTICIPLE = re.compile(
    r"\bwith\s+(?P<who>(?:the|a|an|its|their|some|many|several)\s+[^,;\"“”]{2,50}?)\s+"
    r"(?P<cue>demanding|saying|calling\s+for|accusing|insisting|warning|claiming|denying|urging)\s+(?:that\s+)?"
)
# "Reuters was unable to confirm X": uncertain, the agency as claimant.
_UNABLE = re.compile(rf"\s+(?P<cue>{_BE}\s+(?:unable|not\s+able)\s+to\s+(?:independently\s+)?(?:verify|confirm))\s+")
# Unverified or unknown, in the article's own voice: content with no claimant, modality uncertain.
_UNVERIFIED = re.compile(
    r"\b(?P<cue>[Ii]t\s+(?:was|is|has\s+been|had\s+been)\s+not\s+(?:yet\s+|immediately\s+)?(?:possible|clear)\s+to\s+"
    r"(?:independently\s+)?(?:verify|confirm))\s+"
)
_NP_UNVERIFIED = re.compile(
    r"\s+(?P<cue>(?:could|can|has|have)\s+not\s+(?:yet\s+)?been\s+(?:independently\s+)?(?:verified|confirmed)|could\s+not\s+be\s+"
    r"(?:independently\s+)?(?:verified|confirmed)|(?:remains?|remained|is|are|was|were)\s+(?:still\s+)?(?:unclear|unknown|not\s+clear|uncertain))\b"
)
# "CONTENT, the mission said in a statement." / "CONTENT, said the spokesman."
_FINAL_ATTRIBUTION = re.compile(
    rf",\s+(?:(?P<who>[^,;\"“”]{{2,60}}?)\s+(?P<cue>said|says|added|reported|stated|warned|explained|confirmed|told|alleged|claimed|"
    rf"announced|noted|wrote|indicated|insisted|showed|shows){_TOLD_OBJECT}{_TAIL}"
    r"|(?P<cue2>said|says|added)\s+(?P<who2>[^,;\"“”.]{2,100}" + _SPEAKER_APPOSITIVE + "))"
    rf"(?:\s*[.!]?[\"”]?\s*$|{_CLAUSE_GOES_ON})"
)
_DATELINE = re.compile(r"[A-Z][\w .’'-]{1,30}(?:,\s*[A-Z][\w .’'-]{1,30})?\s*(?:\([\w .]+\)\s*)?[—–]\s*")
_BOUNDARY = re.compile(r"[,;:]\s*|\s[–—]\s+|\b(?:when|that|as|while|whereas|after|because|and|but|(?:in|during|under|by)\s+which)\s+")
_TRAILING = re.compile(
    r"(?:\s+(?:also|now|still|further|again|then|recently|today|yesterday|earlier|later|has|have|had|is|are|was|were|will|would|been|\w+ly|went\s+on\s+to|"
    r"on\s+" + _WEEKDAY + r"|" + _WEEKDAY + r"|last\s+\w+))+$"
)
_LEADING = re.compile(
    r"(?:[A-Z][\w ,.()]{1,40}?\s+[-–—]\s+)?"  # a dateline or site name ("Islam Times - ", "BAMAKO (Reuters) - ")
    r"(?:(?:and|but|so|also|however|meanwhile|while|whereas|where|which|what|as|when|because|although|though)\s+)?(?:(?:a\s+few|several|two|three|\w+)\s+(?:days|weeks|months|years)\s+ago,?\s+|"
    r"(?:earlier|later|last\s+\w+|on\s+\w+day),?\s+)?"
    r"(?:in\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}(?:statement|video|message|interview|post|communiqué|broadcast),?\s+)?",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:it|they|he|she|we|I)$", re.IGNORECASE)
_VERBISH = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|left|took|came|went|began|fought|struck|fled|met|held|saw|made|"
                      r"gave|led|won|lost|sent|broke|flew|rose|fell|became|shot|ran|drove|brought|kept|put|set|cut|\w+ed)\b", re.IGNORECASE)
# A source named before "and": a proper name ("Niamey", "the European Union") or a determiner phrase ("the regional bloc").
_CONJUNCT = re.compile(r"(?:(?:the|a|an|its|their|his|her)\s+)?(?:[A-Z][\w’'.-]*|of|for|the)(?:\s+(?:[A-Z][\w’'.-]*|of|for|the|and))*|(?:the|a|an|its|their|his|her)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}")
SOURCE_NOUNS = re.compile(
    r"\b(?:officials?|spokes(?:man|woman|person|people)|sources?|experts?|analysts?|witness(?:es)?|residents?|"
    r"reports?|statement|communiqué|officers?|ministers?|ministry|president|government|army|military|groups?|force|"
    r"diplomats?|delegates?|members?|researchers?|investigators?|observers?|leaders?|commanders?|police|"
    r"authorities|people|villagers|activists?|agency|mission|council|organi[sz]ation|journalists?|media|survey|study|"
    r"envoy|representatives?|secretary|chief|head|director|mayor|governor|prefect|lawyers?|doctors?|relatives?|survivors?|"
    r"elders?|notables?|ambassadors?|deputy|lawmakers?|colonel|general|captain|UN|U\.N\.|rebels?|separatists?|jihadists?|"
    r"militants?|insurgents?|fighters?|soldiers?|troops|coalition|alliance|movements?|junta|part(?:y|ies)|opposition|union|bloc|NGOs?|"
    r"drivers?|herders?|traders?|farmers?|locals?|inhabitants?|survivors?|victims?|families|workers?|medics?|nurses?|teachers?|"
    r"students?|clerics?|imams?|monitors?|chiefs?|women|men|company|firm|operator|associates?|critics?|opponents?|supporters?|eyewitness(?:es)?|authority|commission|bloggers?|"
    r"videos?|images?|footage|photos?|photographs?|results|figures|data|documents?|records?|satellite|"
    r"watchdogs?|regime|administration|cabinet|presidency|prosecutors?|prosecution|court|tribunal|judges?|embassy|charity|"
    r"institute|newspaper|broadcaster|outlet|gendarmerie|command)\b",
    re.IGNORECASE,
)


@dataclass
class Claim:
    claimant: Span | None
    claimant_actor: str | None
    cue: Span
    content: Span
    direct: bool
    modality: str
    event: int | None = None  # index into the extraction's events, set later


def _modality(cue: str) -> str:
    word = cue.split()[0].lower()
    if re.fullmatch(HEDGE_CUES, word) or _HEDGE_ADV.fullmatch(word):
        return "hedged"
    if re.fullmatch(DENY_CUES, word):
        return "denied"
    return "reported"


def _trim(text: str, s: int, e: int) -> Span:
    while s < e and text[s] in " ,;:\"“”'\n":
        s += 1
    while e > s and text[e - 1] in " ,;:.\"“”\n":
        e -= 1
    return s, e


# "Jane Roe, a spokeswoman for the mission, said": a name and its appositive.
_PP_APPOSITIVE = re.compile(r"(?:near|in|at|from|outside|inside|based\s+in|close\s+to)\s+[^,;]{2,40}")
_NAME_APPOSITIVE = re.compile(r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|\([A-Z-]+\)|(?:of|for|al|ul|wa|the|de|du|el)(?:-[\w’'.-]+)?)){0,8}")
_ROLE_BEFORE_NAME = re.compile(
    r"(?:(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he|[Aa])\s+|[\w-]+['’]s\s+)(?:[\w-]+\s+){0,3}?"
    r"(?:lawyer|spokes(?:man|woman|person)|director|leader|head|chief|CEO|president|minister|governor|mayor|commander|secretary|"
    r"coordinator|advis[eo]r)"
)
_APPOSITIVE = re.compile(r"(?P<head>[^,;:()\"“”]{2,60}?),\s+(?:a|an|the|who|which|\w+ed|\w+ing|(?:senior\s+|deputy\s+|chief\s+)?(?:leader|head|chief|spokes\w+|"
                         r"minister|president|member|director|commander|secretary|coordinator|analyst|researcher|expert|founder|mayor|governor)s?)\s"
                         r"[^,;:\"“”]{2,100}?,\s*$")


def _claimant_span(text: str, sent_start: int, cue_start: int) -> Span | None:
    """The noun phrase right before the cue, back to the nearest clause boundary
    (or, when an appositive fills that stretch, the noun phrase before it with its appositive:
    "Jane Roe, a spokeswoman for the mission", as coders write a source)."""
    aux = _TRAILING.search(text, sent_start, cue_start)  # "(FSR), had earlier accused": the appositive ends before "had earlier"
    end = aux.start() if aux else cue_start
    app = _APPOSITIVE.search(text, sent_start, end + 1 if text[end : end + 1] == " " else end)
    if app is not None and app.end() in (end, end + 1):
        head = _claimant_span(text, sent_start, app.end("head"))
        if head is not None:
            return _trim(text, head[0], app.end())
    bounds = [(sent_start, sent_start)] + [(m.start(), m.end()) for m in _BOUNDARY.finditer(text, sent_start, cue_start)]
    s, e = _trim(text, bounds[-1][1], cue_start)
    i = len(bounds) - 1
    while i > 0 and text[bounds[i][0]] == ",":
        # Step back over what is not the speaker: an adverb or time phrase ("the CMA, on Monday said"),
        # a place phrase ("a source at Gao, near the base, said"), nothing at all when a name stands
        # between commas ("an al-Qaeda affiliate, JNIM, claimed"); the claimant is the stretch before.
        ps, pe = _trim(text, bounds[i - 1][1], bounds[i][0])
        if (e > s and not _TRAILING.sub("", " " + text[s:e]).strip()) or (_PP_APPOSITIVE.fullmatch(text, s, e) and not SOURCE_NOUNS.search(text, s, e)):
            s, e, i = ps, pe, i - 1
        elif e == s and _NAME_APPOSITIVE.fullmatch(text, ps, pe):
            s, e = ps, pe
            if i > 1 and text[bounds[i - 1][0]] == ",":
                rs, re_ = _trim(text, bounds[i - 2][1], bounds[i - 1][0])
                if _ROLE_BEFORE_NAME.fullmatch(text, rs, re_):
                    s = rs  # "His lawyer, Jane Roe, said": the role and the name, as a coder quotes the source
            break
        elif e == s and _PP_APPOSITIVE.fullmatch(text, ps, pe) and i > 1 and text[bounds[i - 1][0]] == ",":
            s, e = _trim(text, bounds[i - 2][1], bounds[i - 1][0])
            break
        else:
            break
    if i > 0 and text[bounds[i][0] : bounds[i][1]].strip() == "and" and text[bounds[i][0] - 1 : bounds[i][0]] != ",":
        # "France and the United States have accused ...": both make the claim
        ps, pe = _trim(text, bounds[i - 1][1], bounds[i][0])
        if 0 < len(text[ps:pe].split()) <= 6 and not _VERBISH.search(text, ps, pe) and _CONJUNCT.fullmatch(text, ps, pe):
            s = ps
    lead = _LEADING.match(text, s, e)
    if lead:
        s = lead.end()
    trail = _TRAILING.search(text[s:e])
    if trail:
        e = s + trail.start()
    span = text[s:e]
    rel = re.search(r"\s(?:who|which|that)\s", span)
    check = span[: rel.start()] if rel else span  # "an officer who asked to stay anonymous": the head decides
    words = span.split()
    if not words or len(words) > 14 or '"' in span or "“" in span:
        return None
    if words[0].lower() in ("no", "none", "nobody", "neither"):
        return None  # "No group has claimed responsibility": nobody makes this claim
    if not (_PRONOUN.match(span) or SOURCE_NOUNS.search(check) or any(w[:1].isupper() for w in check.split())):
        return None
    if re.search(r"\b(?:am|is|are|was|were|has|have|had|will|would|be|been)\b", check):
        return None
    return s, e


def _actor_in(text: str, span: Span | None, mentions: list[Mention]) -> str | None:
    """The first dictionary actor in the speaker's own noun phrase, before any participle or relative
    clause ("rebels fighting government troops" are not the troops)."""
    if span is None:
        return None
    cut = _SPEAKER_MODIFIER.search(text, span[0], span[1])
    end = cut.start() if cut else span[1]
    for m in mentions:
        if m.entity_type == "actor" and m.actor_id and span[0] <= m.start < end and m.end <= span[1] \
                and not _AFFILIATE_AFTER.match(text, m.end) and not _AFFILIATE_BEFORE.search(text, span[0], m.start):
            return m.actor_id
    return None


# "al Qaeda affiliate JNIM", "the Al-Qaeda-linked JNIM", "JNIM, affiliated with al-Qaeda": the affiliate speaks.
_AFFILIATE_AFTER = re.compile(r"(?:-|\s+)(?:linked|affiliated|allied|backed|affiliate)\b", re.I)
_AFFILIATE_BEFORE = re.compile(r"\b(?:affiliated|linked|allied|tied|loyal)\s+(?:to|with)\s+(?:the\s+)?$", re.I)


# The speaker's own noun phrase ends before a participle or a relative clause (shared with speakers.py).
_SPEAKER_MODIFIER = re.compile(r"\s(?:(?!(?:ruling|governing|leading|ongoing|remaining|incoming|outgoing|neighbou?ring|existing|warring|"
                               r"rising|growing|emerging)\b)[a-z]+ing|who|which|that|whose)\b")


def _subject_before(text: str, pos: int, sentence_list: list[Span], mentions: list[Mention], person: bool) -> str | None:
    """The subject of the latest earlier sentence that opens with an actor, possibly
    after a short introductory phrase (what "it"/"he" refers to)."""
    for s, e in reversed([sp for sp in sentence_list if sp[0] < pos][-4:]):
        for m in mentions:
            if m.start > s + 60 or m.start >= e:
                break
            if m.entity_type == "actor" and m.actor_id and m.start >= s:
                if person == (m.actor_id is not None and _is_person_hint(text[m.start : m.end])):
                    return m.actor_id
                break
    return None


def _is_person_hint(name: str) -> bool:
    words = name.split()
    return len(words) in (2, 3) and all(w[:1].isupper() for w in words) and not any(
        w.upper() == w or w in ("Group", "Council", "Nations", "Forces", "Army", "Mission") for w in words
    )


def _content_after(text: str, start: int, sent_end: int) -> tuple[Span, bool]:
    """Content from ``start`` to the sentence end; a quotation there is the content, verbatim."""
    while start < sent_end and text[start] in " ,":
        start += 1
    if start < sent_end and text[start] in "\"“":
        q = _QUOTE.match(text, start, sent_end + 1)
        if q and not re.search(r"\w", text[q.end() : sent_end]):  # '"heavy fighting" came first': a quoted phrase inside the content
            return (q.start("q"), q.end("q")), True
        return (start, _trim(text, start, sent_end)[1]), False  # keep the opening quotation mark of the quoted phrase
    return _trim(text, start, sent_end), False


def _split_and_that(text: str, content: Span) -> list[Span]:
    """"X said that A, and that B": two contents with the same claimant and cue."""
    parts, start = [], content[0]
    if not _AND_THAT.search(text, content[0], content[1]):
        return [content]
    for m in _AND_THAT.finditer(text, content[0], content[1]):
        parts.append(_trim(text, start, m.start()))
        start = m.end()
    parts.append(_trim(text, start, content[1]))
    return [p for p in parts if p[1] - p[0] >= 3] or [content]


def _attributed(
    text: str, sent: Span, sentence_list: list[Span], mentions: list[Mention],
    claimant: Span, cue: Span, content_from: int, modality: str,
) -> list[Claim]:
    """The claims of one claimant and cue: the content after ``content_from`` (split at
    ", and that"), the claimant resolved to an actor (a pronoun to the subject before)."""
    content, direct = _content_after(text, content_from, sent[1])
    if content[1] - content[0] < 3:
        return []
    who = text[claimant[0] : claimant[1]]
    actor = _actor_in(text, claimant, mentions)
    if actor is None and _APPOSITIVE.search(text, claimant[0], cue[0]):
        actor = _actor_in(text, (claimant[1], cue[0]), mentions)  # "X, a spokeswoman for MINUSMA, said"
    if actor is None and _PRONOUN.match(who):
        actor = _subject_before(text, sent[0], sentence_list, mentions, who.lower() in ("he", "she"))
    return [Claim(claimant, actor, cue, part, direct, modality) for part in ([content] if direct else _split_and_that(text, content))]


def find_claims(text: str, sentence_list: list[Span], mentions: list[Mention]) -> list[Claim]:
    """Claims of every sentence, in text order, one per content span."""
    out: list[Claim] = []
    for sent in sentence_list:
        s0, s1 = sent
        local: list[Claim] = []
        used_cues: list[Span] = []
        for m in _CUE.finditer(text, s0, s1):
            cue = m.group("cue")
            bare = "that" not in m.group("that") and not m.group("that").strip().startswith(("\"", "“"))
            if cue in ("claims", "claimed", "claim") and re.match(r"\s+(?:\w+\s+){0,3}?lives\b", text[m.end("cue") : m.end("cue") + 40]):
                continue  # "the conflict claims hundreds of lives": a toll, not a claim
            if re.search(r"\b(?:the|a|an|its|their|this|these|his|her)\s+$", text[max(s0, m.start("cue") - 8) : m.start("cue")]):
                continue  # "the alleged coup plot", "a suspected militant": an adjective, not a cue
            if bare and cue.startswith("suspect") and not text[m.end("that") : m.end("that") + 1].isupper():
                continue  # "attacks by suspected jihadists": an adjective, not a belief
            if bare and cue in ("told", "informed") and m.group("adv").strip():
                bare = False  # "told Reuters at least 11 herders were killed"
            if bare and _BARE_QUANTITY_CUE.match(cue) and _QUANTITY.match(text, m.end("that")):
                bare = False  # "monitors have reported at least 14 deaths", "videos posted online showed dozens of fighters"
            if bare and not _BARE_OK.match(cue):
                # "announced it had used drones": a pronoun and a finite verb open a reported clause
                if not (text[m.end("that") : m.end("that") + 1] in "\"“" or _PRONOUN_CLAUSE.match(text, m.end("that"))):
                    continue
            if bare and _TAIL_ONLY.match(text, m.end("cue"), s1 + 1):
                continue  # "..., the army said late Monday.": the speaker comes after its content (see _FINAL_ATTRIBUTION)
            if bare and re.search(r",\s*$", text[s0 : m.start("cue")]) and _SPEAKER_ONLY.match(text, m.end("cue"), s1 + 1) \
                    and not _VERBISH.search(re.split(r"\s(?:who|which)\s", text[m.end("cue") : s1])[0]):
                continue  # "..., said a senior officer who asked not to be named.": inverted (see _FINAL_ATTRIBUTION)
            claimant = _claimant_span(text, s0, m.start("cue"))
            if claimant is None:
                continue
            if _NEGATED_CUE.search(text, max(s0, m.start("cue") - 20), m.start("cue")):
                continue  # "She did not state how many ...": no claim is made
            if _NAME_ONLY.match(text, m.end("that"), s1 + 1):
                continue  # "told Amnesty International (AI).": the rest of a name, not a content
            cue_end = m.end("cue")
            manner = _MANNER.match(text, cue_end)
            if manner:
                cue_end = manner.end()
            found = _attributed(text, sent, sentence_list, mentions, claimant, (m.start("cue"), cue_end), m.end(), _modality(cue))
            if not found:
                continue
            local.extend(found)
            used_cues.append((m.start("cue"), cue_end))
        for m in _STANCE.finditer(text, s0, s1):
            if any(a <= m.start("cue") < b for a, b in used_cues):
                continue
            before = text[s0 : m.start("cue")]
            if re.search(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", before):
                continue  # "X has been accused by Y of ...", "the toll was confirmed": a passive names no claimant here
            if re.search(r"\bto\s+$", before):  # "met to express support for": the subject of the clause
                region = _claimant_span(text, s0, m.start("cue"))
                verb = _SUBJECT_VERB.search(text, region[0], m.start("cue")) if region else None
                claimant = _claimant_span(text, region[0], verb.start()) if region and verb else None
            else:
                claimant = _claimant_span(text, s0, m.start("cue"))
            if claimant is None and re.search(r"\band\s+(?:\w+ly\s+)?$", before):
                # "the minister spoke of A and questioned B": the second verb shares the first one's subject
                prior = [c for c in local if c.claimant is not None and c.cue[1] <= m.start("cue")]
                claimant = prior[-1].claimant if prior else None
                if prior and prior[-1].content[0] < m.start("cue") < prior[-1].content[1]:
                    conj = text.rfind(" and", prior[-1].content[0], m.start("cue"))  # A ends where "and questioned" begins
                    prior[-1].content = _trim(text, prior[-1].content[0], conj)
            if claimant is None:
                continue
            cue_span = (m.start("cue"), m.end("cue"))
            but = _BUT.search(text, m.end("cue"), s1)  # "confirmed the attack but gave no toll"
            found = _attributed(text, (s0, but.start() if but else s1), sentence_list, mentions, claimant, cue_span, m.end("cue"),
                                _modality(m.group("cue")))
            if not found:
                continue
            local.extend(found)
            used_cues.append(cue_span)
        rec = _FRONTED_CUE.match(text, s0, s1)
        if rec:  # "Recalling that A, the council stresses that B": A is the main clause's claimant's too
            comma = text.find(",", rec.end(), s1)
            main = next((c for c in sorted(local, key=lambda c: c.cue[0]) if comma != -1 and c.cue[0] > comma and c.claimant), None)
            if main is not None:
                local.append(Claim(main.claimant, main.claimant_actor, (rec.start("cue"), rec.end("cue")), _trim(text, rec.end(), comma), False, "reported"))
        asr = _AS_REPORTED.match(text, s0, s1)
        if asr:
            who = (asr.start("who"), asr.end("who")) if asr.group("who") else None
            claimant = _claimant_span(text, who[0], who[1]) if who else None
            if who is None or (claimant is not None and claimant[1] == who[1]):
                content = _trim(text, asr.end(), s1)
                if content[1] - content[0] >= 3:
                    local.append(Claim(claimant, _actor_in(text, claimant, mentions), (asr.start("cue"), asr.end("cue")), content, False, "reported"))
        for q in _QUOTE.finditer(text, s0, s1):
            if any(c.content[0] <= q.start("q") < c.content[1] for c in local):
                continue
            a = _AFTER_QUOTE.match(text, q.end(), s1 + 1)
            if not a:
                continue
            who = (a.start("who1"), a.end("who1")) if a.group("who1") else (a.start("who2"), a.end("who2"))
            cue = (a.start("cue1"), a.end("cue1")) if a.group("cue1") else (a.start("cue2"), a.end("cue2"))
            qs, qe = q.start("q"), q.end("q")
            while qe > qs and text[qe - 1] in ", ":
                qe -= 1  # the comma before the attribution is not the speaker's
            local.append(Claim(who, _actor_in(text, who, mentions), cue, (qs, qe), True, "reported"))
        final = _FINAL_ATTRIBUTION.search(text, s0, s1)
        if final and not any(c.cue[0] >= final.start() for c in local):
            who = (final.start("who"), final.end("who")) if final.group("who") else (final.start("who2"), final.end("who2"))
            cue = (final.start("cue"), final.end("cue")) if final.group("cue") else (final.start("cue2"), final.end("cue2"))
            head = text[s0 : final.start()]
            claimant = _claimant_span(text, who[0], who[1]) if head.strip() else None
            if claimant is not None and claimant[1] == who[1] and not head.lstrip().startswith(("\"", "“")):
                content = _trim(text, s0, final.start())
                dateline = _DATELINE.match(text, content[0], content[1])
                if dateline:  # "Bamako, Mali — Two soldiers were killed ..., the army said": not the army's words
                    content = (dateline.end(), content[1])
                local.append(Claim(who, _actor_in(text, who, mentions), cue, content, False, _modality(text[cue[0]:cue[1]])))
        acc = _ACCORDING.search(text, s0, s1)
        if acc:
            who = (acc.start("who"), acc.end("who"))
            cue = (acc.start(), acc.start() + len("according to"))
            if text[s0:acc.start()].strip(" ,"):
                content = _trim(text, s0, acc.start())
            else:
                content = _trim(text, acc.end(), s1)
            if content[1] - content[0] >= 3:
                local.append(Claim(who, _actor_in(text, who, mentions), cue, content, False, "reported"))
        acc_by = _ACCUSED_BY.search(text, s0, s1)
        if acc_by:
            who = _claimant_span(text, acc_by.start("who"), acc_by.end("who"))
            content = _trim(text, acc_by.end(), s1)
            if who is not None and content[1] - content[0] >= 3:
                local.append(Claim(who, _actor_in(text, who, mentions), (acc_by.start("cue"), acc_by.end("cue")), content, False, "reported"))
        for add in _ADDING.finditer(text, s0, s1):
            main = next((c for c in sorted(local, key=lambda c: -c.cue[0]) if c.cue[0] < add.start() and c.claimant), None)
            if main is None:  # "The government expelled the ambassador, citing ...": the subject that acted
                subj = next((m for m in mentions if m.entity_type == "actor" and s0 <= m.start < add.start()
                             and len(text[s0 : m.start].split()) <= 2), None)
                content = _trim(text, add.end(), s1)
                if subj is not None and content[1] - content[0] >= 3:
                    local.append(Claim((subj.start, subj.end), subj.actor_id, (add.start("cue"), add.end("cue")), content, False, "reported"))
                continue
            if main is not None and (main.direct or main.content[1] <= main.cue[0]) and main.cue[1] <= add.start():
                # '"...," the statement said, calling on X to ...', "X happened, the army said, citing Y": the same speaker
                content = _trim(text, add.end(), s1)
                if content[1] - content[0] >= 3:
                    local.append(Claim(main.claimant, main.claimant_actor, (add.start("cue"), add.end("cue")), content, False, main.modality))
                continue
            if main is not None and main.content[1] >= add.start() and not main.direct:
                content = _trim(text, add.end(), s1)
                if content[1] - content[0] >= 3:
                    local.remove(main)  # the first content ends where "adding that" begins
                    local.append(Claim(main.claimant, main.claimant_actor, main.cue, _trim(text, main.content[0], add.start()), False, main.modality))
                    local.append(Claim(main.claimant, main.claimant_actor, (add.start("cue"), add.end("cue")), content, False, main.modality))
        for cm in _COMMIT.finditer(text, s0, s1):
            if any(c.cue[0] <= cm.start() < c.content[1] for c in local):
                continue
            who = _claimant_span(text, s0, cm.start("cue"))
            if who is None and cm.group("cue").endswith("ing"):  # ", promising to ...": the sentence's subject
                who = next(((m.start, m.end) for m in mentions if m.entity_type == "actor" and s0 <= m.start < cm.start()), None)
            content = _trim(text, cm.end(), s1)
            if who is not None and content[1] - content[0] >= 5:
                local.append(Claim(who, _actor_in(text, who, mentions), (cm.start("cue"), cm.end("cue")), content, False, "reported"))
        qa = _QUOTED_AS.search(text, s0, s1)
        if qa and not any(c.cue[0] >= qa.start() for c in local):
            who = _claimant_span(text, qa.start("who"), qa.end("who"))
            content, direct = _content_after(text, qa.end(), s1)
            if who is not None and content[1] - content[0] >= 3:
                local.append(Claim(who, _actor_in(text, who, mentions), (qa.start("cue"), qa.end("cue")), content, direct, "reported"))
        with_ = _WITH_PARTICIPLE.search(text, s0, s1)
        if with_ and not any(c.cue[0] >= with_.start() for c in local):
            who = _claimant_span(text, with_.start("who"), with_.end("who"))
            content = _trim(text, with_.end(), s1)
            if who is not None and who[1] == with_.end("who") and content[1] - content[0] >= 3:
                local.append(Claim(who, _actor_in(text, who, mentions), (with_.start("cue"), with_.end("cue")), content, False,
                                   _modality(with_.group("cue"))))
        doc = _DOCUMENT_CUE.search(text, s0, s1)
        if doc and not any(c.cue[0] >= doc.start() for c in local):
            who = _claimant_span(text, s0, doc.start())
            content = _trim(text, doc.end(), s1)
            if who is not None and content[1] - content[0] >= 3:
                local.append(Claim(who, _actor_in(text, who, mentions), (doc.start("cue"), doc.end("cue")), content, False, _modality(doc.group("cue"))))
        unable = _UNABLE.search(text, s0, s1)
        if unable:
            who = _claimant_span(text, s0, unable.start())
            content = _trim(text, unable.end(), s1)
            if who is not None and content[1] - content[0] >= 3:
                local.append(Claim(who, _actor_in(text, who, mentions), (unable.start("cue"), unable.end("cue")), content, False, "uncertain"))
        unv = _UNVERIFIED.search(text, s0, s1)
        if unv:
            content = _trim(text, unv.end(), s1)
            if content[1] - content[0] >= 3:
                local.append(Claim(None, None, (unv.start("cue"), unv.end("cue")), content, False, "uncertain"))
        npu = _NP_UNVERIFIED.search(text, s0, s1)
        if npu and not unv and not re.match(r"\s*(?:It|There)\b", text[s0:npu.start()]) and not any(c.content[0] <= npu.start() < c.content[1] for c in local):
            content = _trim(text, s0, npu.start())  # "The precise toll remains unclear": the subject is what is unknown
            if 3 <= content[1] - content[0] <= 200:
                local.append(Claim(None, None, (npu.start("cue"), npu.end("cue")), content, False, "uncertain"))
        unclear = _UNCLEAR.search(text, s0, s1)
        if unclear:
            content = _trim(text, unclear.end(), s1)
            local.append(Claim(None, None, (unclear.start(), unclear.end()), content, False, "uncertain"))
        lk = _LIKELIHOOD.search(text, s0, s1)
        if lk and not any(c.content[0] <= lk.start() < c.content[1] for c in local):
            content = _trim(text, lk.end(), s1)
            if content[1] - content[0] >= 3:
                local.append(Claim(None, None, (lk.start("cue"), lk.end("cue")), content, False, "hedged"))
        modal = _MODAL_HEDGE.search(text, s0, s1)
        if modal and re.search(r"\bso\s+(?:that\s+)?\w+\s+$", text[max(s0, modal.start() - 20) : modal.start()]):
            modal = None  # "so that they could reach": purpose, not a hedge
        if modal and not text[s0:s1].rstrip().endswith("?") and not any(c.content[0] <= modal.start() < c.content[1] for c in local):
            local.append(Claim(None, None, (modal.start("cue"), modal.end("cue")), _trim(text, s0, s1), False, "hedged"))
        for h in _HEDGE_ADV.finditer(text, s0, s1):
            if any(c.content[0] <= h.start() < c.content[1] for c in local):
                continue
            local.append(Claim(None, None, (h.start(), h.end()), _trim(text, s0, s1), False, "hedged"))
        if not local:
            local.extend(_loose(text, sent, mentions))
        seen: set[Span] = set()
        for c in sorted(local, key=lambda c: c.cue[0]):
            if c.content not in seen:
                seen.add(c.content)
                if c.claimant is not None:
                    tail = _CLAIMANT_TAIL.search(text, c.claimant[0], c.claimant[1])
                    if tail and tail.start() > c.claimant[0]:
                        c.claimant = (c.claimant[0], tail.start())
                out.append(c)
    out.extend(_long_quotes(text, out, mentions))
    out.sort(key=lambda c: c.cue[0])
    return out


# How a speaker spoke is not who they are: "the CMA in a press release", "a local journalist speaking
# by telephone", "a report published by AP on Saturday".
_CLAIMANT_TAIL = re.compile(
    r"(?:\s+in\s+(?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){0,2}(?:statement|press\s+release|release|communiqu[eé]|letter|video|post|"
    r"message|interview|speech)|\s+speaking\s+.*|\s+(?:on|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)$"
)


# The last resort for a sentence no pattern above could parse: a plain reporting verb still
# marks reported speech, even when the speaker phrase or the clause order is one the patterns
# do not know. Only the commonest verbs count, so that a loose claim stays a claim.
_LOOSE_CUE = re.compile(r"\b(?:(?P<speech>said|says|told|added|stated|insisted|warned|wrote|accused)|announced|claimed|confirmed|declared)\b")
_LOOSE_CLAUSE = re.compile(r"\s*(?:that\b|[\"“]|(?:it|they|he|she|we)\s+(?:had|has|have|was|were|would|will|is|are|could|\w+ed)\b)")
_NOT_CONTENT = re.compile(r"(?:without|via|by|to|in|on|with|before|after|responsibility)\b")
_INVERTED = re.compile(r"\s+(?P<who>(?:the\s+|a\s+|an\s+)?[A-Za-z][^,;:\"“”]{1,60}?)\s*(?=[,.;]|$)")


def _loose(text: str, sent: Span, mentions: list[Mention]) -> list[Claim]:
    """A claim from the first reporting verb of a sentence the patterns left alone."""
    s0, s1 = sent
    for m in _LOOSE_CUE.finditer(text, s0, s1):
        before = text[max(s0, m.start() - 12) : m.start()]
        if re.search(r"\b(?:the|a|an|its|their|this|these|his|her|so-?)\s*$|\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?$", before, re.I):
            continue  # "the said town", "were confirmed to the agency by": not a speaker's verb here
        if _NEGATED_CUE.search(text, max(s0, m.start() - 20), m.start()):
            continue
        inv = _INVERTED.match(text, m.end(), s1 + 1) if re.search(r"[,\"”]\s*$", before) else None
        if inv and len(inv.group("who").split()) <= 8 and not re.match(r"(?:that|on|in|at|it|they|he|she|we)\b", inv.group("who")):
            # "..., said Jane Roe, a resident": the speaker follows the verb, the content precedes it
            content = _trim(text, s0, m.start())
            if len(text[content[0] : content[1]].split()) >= 4:
                who = (inv.start("who"), inv.end("who"))
                return [Claim(who, _actor_in(text, who, mentions), (m.start(), m.end()), content, False, _modality(m.group(0)))]
            continue
        after = re.match(r"(?:\s+(?:on|in|at|late|early|last|earlier|also|again)\b[^,;\"“]{0,30}?)?(?:\s*,)?(?=\s)", text[m.end() : s1])
        rest = m.end() + (after.end() if after else 0)
        if not m.group("speech") and not _LOOSE_CLAUSE.match(text, rest):
            continue  # "announced their withdrawal": an act, not reported speech
        if _NOT_CONTENT.match(text[rest:s1].lstrip()):
            continue
        claimant = _claimant_span(text, s0, m.start())
        if claimant is None:  # "The council, once again, said": the actor that opens the sentence
            subj = next((x for x in mentions if x.entity_type == "actor" and s0 <= x.start < m.start()
                         and len(text[s0 : x.start].split()) <= 2), None)
            claimant = (subj.start, subj.end) if subj else None
        that = re.match(r"[^,;\"“]{0,50}?\bthat\b", text[m.end() : s1])  # "said on its channel Friday that", "told RFI that"
        told = re.match(r"\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\s*,", text[m.end() : s1]) if m.group(0) == "told" else None
        if m.group(0) == "told" and not (that or told):
            continue  # "told reporters about the plan": whom, not what
        start = m.end() + that.end() if that else (m.end() + told.end() if told else rest)
        content, direct = _content_after(text, start, s1)
        if len(text[content[0] : content[1]].split()) < 4:
            continue
        return [Claim(claimant, _actor_in(text, claimant, mentions), (m.start(), m.end()), content, direct, _modality(m.group(0)))]
    return []


def _long_quotes(text: str, found: list[Claim], mentions: list[Mention]) -> list[Claim]:
    """Quotations that run over a sentence end, attributed after the closing mark."""
    extra: list[Claim] = []
    for q in _LONG_QUOTE.finditer(text):
        qs, qe = q.start("q"), q.end("q")
        if not re.search(r"[.!?]\s", text[qs:qe]) or any(c.content[0] <= qs < c.content[1] or qs <= c.content[0] < qe for c in found):
            continue
        a = _AFTER_QUOTE.match(text, q.end())
        if not a:
            continue
        who = (a.start("who1"), a.end("who1")) if a.group("who1") else (a.start("who2"), a.end("who2"))
        cue = (a.start("cue1"), a.end("cue1")) if a.group("cue1") else (a.start("cue2"), a.end("cue2"))
        while qe > qs and text[qe - 1] in ", ":
            qe -= 1
        extra.append(Claim(who, _actor_in(text, who, mentions), cue, (qs, qe), True, "reported"))
    return extra
