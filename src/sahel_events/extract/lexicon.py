"""Event triggers: word patterns with their ACLED type and sub-type.

Each trigger has a ``kind`` that the rules in :mod:`.events` use for roles,
status and refinements (e.g. a killing of civilians is Violence against
civilians, of an armed group a Battle). Patterns are matched case-insensitively
at word boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    kind: str
    pattern: str
    event_type: str
    sub_type: str
    violent: bool = False


SD = "Strategic developments"
TRIGGERS: tuple[Trigger, ...] = (
    Trigger(
        "withdraw",
        r"wind(?:s|ing)?\s+down|wound\s+down|withdr(?:aw|aws|awing|ew|awn)|pull(?:s|ed|ing)?\s+out|exit(?:s|ed|ing)?|"
        r"evacuat(?:e|es|ed)(?=\s+(?:(?:the|its|their|a)\s+)?(?:\w+\s+)?(?:camp|base|post|town|compound|position)s?\b)|"
        r"depart(?:s|ed|ing)?|vacat(?:e|es|ed|ing)|leav(?:e|es|ing)|left(?=\s+(?:(?:the|its|their|his|her)\b|(?-i:[A-Z])))|"
        r"(?:complet|finish|begin|began|begun|start|announc|accelerat|hasten|speed|sped)\w*\s+(?:up\s+)?(?:its|their|the)\s+(?:\w+\s+)?"
        r"(?:withdrawal|departure|exit|pull-?out|drawdown)|"
        r"clos(?:e|es|ed|ing)\s+(?:its|the|their)\s+(?:\w+\s+)?(?:base|camp)s?|"
        r"(?:following|after|since|amid|ahead\s+of|before)\s+the\s+(?:\w+\s+)?(?:departure|withdrawal|pull-?out|exit)\s+of(?=\s)|"
        r"(?:withdrawal|liquidation|drawdown|pull-?out|departure)(?:\s+of(?:\s+[\w’'-]+){1,6}?)?\s+"
        r"(?:(?:shall|will|must|is\s+to|is\s+(?:scheduled|expected|set)\s+to)\s+(?:begin|start|commence|end|conclude|be\s+completed)|"
        r"began|started|commenced|ended|(?:was|were|has\s+been|had\s+been)\s+completed)|"
        r"(?:withdrawal|departure|pull-?out)\s+of(?=\s)|"
        r"(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|scal(?:e|es|ed|ing)\s+(?:back|down)|halv(?:e|es|ed|ing))\s+(?:its|their|the|that|this)\s+(?:\w+\s+){0,2}?"
        r"(?:number\s+of\s+(?:troops|soldiers)|military\s+presence|presence|troops|forces|contingents?|deployment)",
        SD,
        "Change to group/activity",
    ),
    Trigger(
        "takeover",
        r"take\s+(?:their|its|his|her|the)\s+place|took\s+(?:their|its|his|her|the)\s+place|tak(?:e|es|ing)\s+over|took\s+over|"
        r"replac(?:e|es|ed|ing)|hand(?:s|ed|ing)?\s+over|(?:complet|finali[sz])(?:e|es|ed|ing)\s+(?:the|its)\s+(?:\w+\s+)?handover\s+of|tak(?:e|es|en|ing)\s+control|took\s+control|(?:tak(?:e|es|en|ing)|took)\s+possession\s+of",
        SD,
        "Non-violent transfer of territory",
    ),
    Trigger(
        "capture",
        r"regain(?:s|ed|ing)?\s+control|captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)(?!\s+(?:power|with|of)\b)|overr(?:an|un|uns|unning)|recaptur(?:e|es|ed|ing)|retook|retak(?:e|es|en|ing)",
        "Battles",
        "Non-state actor overtakes territory",
        True,
    ),
    Trigger(
        "move",
        r"deploy(?:s|ed|ing)?|redeploy(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|dispatch(?:es|ed|ing)?|"
        r"sen(?:d|ds|t|ding)(?=\s+(?:a|an|the|\d+|dozens|hundreds|troops|reinforcements|soldiers|forces)\b)|"
        r"(?:deployment|arrival|redeployment)\s+of(?=\s)|fl(?:ew|own|y|ies|ying)\s+in|airlift(?:s|ed|ing)?|reinforc(?:e|es|ed|ing)|relocat(?:e|es|ed|ing)|"
        r"enter(?:s|ed|ing)?(?=\s+(?:the\s+(?:town|city|village|camp|base|locality)\b|(?-i:[A-Z])))|"
        r"head(?:s|ed|ing)?\s+(?:to|for|towards?)(?=\s+(?-i:[A-Z]))|en\s+route\s+to(?=\s+(?-i:[A-Z]))",
        SD,
        "Other",
    ),
    Trigger(
        "presence",
        r"maintain(?:s|ed)?\s+(?:about|around|some|nearly|almost|more\s+than|over)?\s*[\d,.]+\s+(?:\w+\s+)?(?:troops|soldiers|peacekeepers|personnel)|"
        r"(?:has|have)\s+(?:about|around|some|nearly|almost|more\s+than|over)?\s*[\d,.]+\s+(?:\w+\s+)?(?:troops|soldiers|peacekeepers)\s+(?:in|deployed|stationed)",
        SD,
        "Other",
    ),
    Trigger(
        "operate",
        r"(?:has|have|had)\s+(?:\w+ly\s+)?(?:operated|been\s+operating|been\s+present|been\s+active|been\s+deployed)",
        SD,
        "Change to group/activity",
    ),
    Trigger(
        "operation",
        r"launch(?:es|ed|ing)?\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w“”\"-]+\s+){0,2}?operation|launch\s+(?:in\s+\w+\s+)?of\s+(?:the\s+)?(?:\w+\s+)?operation",
        SD,
        "Change to group/activity",
    ),
    Trigger(
        "explosion",
        r"(?:air|drone)\s*strikes?|bomb(?:ed|ing|ings)|shell(?:ed|ing)|IEDs?|improvised\s+explosive\s+devices?|landmines?|"
        r"us(?:e|es|ed|ing)\s+(?:armed\s+)?drones|roadside\s+bombs?|suicide\s+(?:bomb\w*|attack\w*)|mortars?(?:\s+(?:shells?|rounds?|fire|attacks?))?|"
        r"rockets?\s+(?:fire|attacks?)|artillery\s+(?:fire|shells?)|shells?(?=\s+(?:hit|landed|struck|fell|exploded))",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        True,
    ),
    Trigger(
        "attack",
        r"attack(?:s|ed|ing)?|ambush(?:es|ed|ing)?|clash(?:es|ed|ing)?|fought|fighting|"
        r"(?:heavy\s+)?(?:fighting|clashes)\s+(?:broke\s+out|erupted|raged)|(?:hit|targeted|struck)\s+by\s+(?:\w+\s+){0,2}\w*fire|fir(?:ed|es|ing)\s+(?:on|at|upon)|shot\s+at|raid(?:s|ed|ing)?|"
        r"assault(?:s|ed|ing)?|storm(?:s|ed|ing)|battl(?:es|ed|ing)|targeted(?=\s+(?:(?:the|a|an|its|their|his)\b|(?-i:[A-Z])|(?:fuel\s+)?(?:tankers|trucks|lorries|convoys|civilians|villages|markets|vehicles|buses)\b))|skirmish(?:es)?|firefights?|gunfights?|exchang(?:ed|ing)\s+fire|"
        r"(?:hostilities|fighting|clashes)\s+(?:between\s+[^.;]{1,80}?\s+)?(?:resumed|broke\s+out|erupted|flared)|c(?:a|o)me\s+under\s+(?:\w+\s+)?(?:fire|attack)|open(?:s|ed|ing)?\s+fire|"
        r"launch(?:es|ed|ing)?\s+(?:a|an|the|its|their)\s+(?:\w+\s+){0,2}?(?:offensive|assault|attack|raid)|"
        r"wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)",
        "Battles",
        "Armed clash",
        True,
    ),
    Trigger(
        "kill",
        r"kill(?:s|ed|ing)?|(?:are|were|was|is)\s+(?:now\s+)?dead|died(?=[^.;]{0,80}?\b(?:in|during|when|after)\s+(?:\w+\s+){0,3}?(?:attacks?|ambush(?:es)?|clash(?:es)?|fighting|(?:air|drone)?\s*strikes?|"
        r"explosions?|blasts?|raids?|assaults?|bombings?|shelling|skirmish(?:es)?|firefights?|gunfights?)\b)|left\s+(?:\w+\s+){1,3}dead|murder(?:s|ed|ing)?|massacr(?:e|es|ed|ing)|execut(?:e|es|ed|ing)|slaughter(?:s|ed|ing)?",
        "Violence against civilians",
        "Attack",
        True,
    ),
    Trigger(
        "abuse",
        r"(?:abuses|atrocities|(?:human\s+rights\s+)?violations|executions|massacres?|killings)\s+(?:\w+\s+){0,2}?(?:committed|perpetrated|carried\s+out)\s+by(?=\s)",
        "Violence against civilians",
        "Attack",
        True,
    ),
    Trigger(
        "abduct",
        r"abduct(?:s|ed|ing)?|kidnap(?:s|ped|ping)?",
        "Violence against civilians",
        "Abduction/forced disappearance",
        True,
    ),
    Trigger("rape", r"rap(?:ed|es|ing)(?=\s)|sexual\s+violence\s+(?:against|committed)", "Violence against civilians", "Sexual violence", True),
    Trigger(
        "loot",
        r"loot(?:s|ed|ing)?|pillag(?:e|es|ed|ing)|torch(?:es|ed|ing)|set\s+fire\s+to|"
        r"burn(?:s|ed|t|ing)?(?:\s+down)?(?=\s+(?:the|a|an|their|its|his|her|\d+|dozens|several|houses|homes|shops|vehicles|granaries|markets?)\b)",
        SD,
        "Looting/property destruction",
        True,
    ),
    Trigger("arrest", r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|imprison(?:s|ed|ing)?|jail(?:s|ed|ing)?(?=\s)", SD, "Arrests"),
    Trigger(
        "coup",
        r"overthr(?:ew|ow|own|ows|owing)|coups?(?:\s+d['’]état)?|seiz(?:ed|e|es|ing)\s+power|took\s+power|tak(?:e|es|ing)\s+power|toppl(?:e|ed|es|ing)|ousted|"
        r"c(?:a|o)me\s+to\s+power",
        SD,
        "Other",
    ),
    Trigger("rebellion", r"(?:armed\s+)?(?:rebellion|mutiny|uprising|insurrection|revolt)", SD, "Other"),
    Trigger(
        "order",
        r"order(?:s|ed)?(?=\s+(?:(?:the|a|an|all|its|their)\b|(?-i:[A-Z])))|decid(?:e|es|ed)(?=\s+(?:(?:today|yesterday|(?:on|last)\s+\w+day|unanimously|also|further|formally)\s+){0,2}(?:to|that)\b)|"
        r"demand(?:s|ed)?(?=\s+(?:(?:the|that|a|an|its|their|his|her)\b|(?-i:[A-Z])))|expel(?:s|led)?|terminat(?:e|es|ed)(?=\s+the)|"
        r"request(?:s|ed)?(?=\s+(?:(?:the|that|a|an|its|their)\b|(?-i:[A-Z])))|(?:press|push)(?:es|ed|ing)?\s+for(?=\s+(?:(?:the|a|an)\b|(?-i:[A-Z])))|(?:call|ask)(?:s|ed)?\s+for\s+(?:the|an|a)\s+(?:\w+\s+)?(?:withdrawal|departure|end)|"
        r"expulsion\s+of(?=\s)|(?:kick(?:s|ed|ing)?|threw|throw(?:s|n|ing)?|forc(?:e|es|ed|ing)|push(?:es|ed|ing)?)\s+out(?=\s+(?:the\s+)?(?-i:[A-Z])|\s+(?:\w+\s+){0,2}(?:troops|forces|soldiers|peacekeepers|mission))|impos(?:e|es|ed|ing)\s+(?:\w+\s+)?sanctions|sever(?:s|ed)\s+(?:\w+\s+)?(?:ties|relations)|cut\s+(?:\w+\s+)?ties|"
        r"broke\s+off\s+(?:\w+\s+)?relations|adopt(?:s|ed)(?=\s+(?:\w+\s+)?resolution)|(?<=['’]s\s)request\b|request\s+by(?=\s)|"
        r"(?:end(?:s|ed)?|scrap(?:s|ped)?|terminat(?:es|ed)|suspend(?:s|ed)?|withdr(?:ew|aws?)\s+from|pull(?:s|ed)?\s+out\s+of|renounc(?:es|ed))\s+"
        r"(?:a|an|the|its)\s+(?:[\w’'-]+\s+){0,3}?(?:deal|agreement|accord|treaty)|"
        r"ask(?:s|ed)?(?=\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,4}?\s+to\s+(?:\w+ly\s+)?(?:withdraw|leave|depart|pull\s+out|quit|end|close|halt|stop)\b)|"
        r"(?:declar(?:e|es|ed|ing)\s+(?:\w+\s+){0,3}?)?persona\s+non\s+grata|"
        r"vot(?:e|es|ed)(?=\s+(?:(?:\w+ly|on\s+\w+|today|yesterday)\s+){0,2}(?:to|in\s+favou?r\s+of)\b)|"
        r"declar(?:e|es|ed|ing)\s+war\s+(?:on|against)|(?:(?:considers?|considered)\s+(?:itself|themselves)\s+)?at\s+war\s+with(?=\s)|"
        r"impos(?:e|es|ed|ing)\s+(?:a\s+|an\s+|new\s+)?(?:\w+\s+)?(?:restrictions|curfew|ban|state\s+of\s+emergency|embargo)|"
        r"(?:lift|eas|remov|drop)(?:s|e|es|ed|ing|t)?\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+){0,4}?sanctions|"
        r"suspend(?:s|ed|ing)?\s+(?:its|their)\s+participation|dissolv(?:e|es|ed|ing)\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+)?(?:parties|party|parliament|government|assembly|council)|"
        r"issu(?:e|es|ed|ing)\s+a\s+decree|issu(?:e|es|ed)\s+(?:an?\s+)?(?:international\s+)?arrest\s+warrants?|"
        r"suspend(?:s|ed)?\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:broadcasts?|broadcasting|channels?|radio|television|newspapers?|accreditation|licen[cs]es?)\b|"
        r"appoint(?:s|ed)?(?=\s+(?:(?:the|a|an|its|their)\s+|[\w’'-]+['’]s\s+|(?-i:[A-Z])))|"
        # diplomatic, judicial and political acts a coder codes as strategic developments
        r"summon(?:s|ed)?(?=\s+(?:(?:the|its|their|a)\s+|[\w’'-]+['’]s\s+)?(?:[\w’'-]+\s+){0,3}?(?:ambassador|envoy|diplomat|charg[eé]))|"
        r"recall(?:s|ed)?\s+(?:its|their|the)\s+(?:[\w’'-]+\s+){0,2}?(?:ambassadors?|envoys?|diplomats?)|"
        r"sentenc(?:e|es|ed)(?=\s+(?:(?:the|a|an|him|her|them|\d+|two|three|four|five|ten|several)\b|(?-i:[A-Z])))|"
        r"postpon(?:e|es|ed)\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:elections?|vote|referendum|polls?)|"
        r"(?:declar|decre)(?:e|es|ed)(?=\s+(?:\w+\s+)?days\s+of\s+(?:national\s+)?mourning)|"
        r"(?:hir(?:e|es|ed)|brought\s+in|bring(?:s)?\s+in)\s+(?:[\w’'-]+\s+){0,3}?(?:mercenaries|paramilitar(?:y|ies)|contractors|instructors)|"
        r"(?:form(?:s|ed)?|establish(?:es|ed)?|creat(?:e|es|ed)|set\s+up)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:alliance|joint\s+force|confederation|coalition|body)|"
        r"approv(?:e|es|ed)\s+(?:\w+\s+){0,3}?(?:constitution|referendum|charter)|"
        r"clos(?:e|es|ed)\s+(?:its|the|their)\s+(?:\w+\s+){0,2}?(?:borders?|airspace|embass(?:y|ies))",
        SD,
        "Other",
    ),
    Trigger(
        "ally",
        r"team(?:s|ed|ing)?\s+up\s+with|partner(?:s|ed|ing)?\s+with|turn(?:s|ed|ing)?\s+to\s+(?:\w+\s+){1,3}?for\s+(?:\w+\s+)?(?:assistance|support|help|aid)",
        SD,
        "Other",
    ),
    Trigger(
        "cease",
        r"(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?(?:discontinued|suspended|terminated|halted|phased\s+out)",
        SD,
        "Change to group/activity",
    ),
    Trigger(
        "restrict",
        r"(?:has|have|had)\s+not\s+been\s+(?:allowed|permitted|authori[sz]ed)\s+to\s+(?:move|leave|travel|depart|pass|circulate)|"
        r"(?:has|have|had|was|were)\s+(?:been\s+)?(?:prevented|barred|blocked|stopped)\s+from\s+(?:moving|leaving|travell?ing|departing|passing)",
        SD,
        "Other",
    ),
    Trigger(
        "form",
        r"(?:was|were|been)\s+(?:formed|established|created|founded|set\s+up)",
        SD,
        "Change to group/activity",
    ),
    Trigger(
        "agreement",
        r"sign(?:s|ed|ing)?\s+(?:a|an|the)\s+(?:\w+\s+){0,3}(?:agreement|accord|deal|ceasefire|truce|pact|charter|treaty|memorandum)|agreed\s+to|"
        r"(?:agreement|accord|deal|ceasefire|truce)\s+(?:was|were|had\s+been|has\s+been)\s+signed",
        SD,
        "Agreement",
    ),
    Trigger(
        "protest",
        r"protest(?:s|ed)?(?=\s+(?:against|in|over|outside))|demonstrators(?![’'])|protesters(?![’'])|took\s+to\s+the\s+streets|"
        r"(?:gathered|rallied|marched|demonstrated)(?=\s+(?:in|at|outside|on|through|against|to\s+(?:support|protest|denounce|demand|back)))|"
        r"(?:mass\s+)?(?:demonstrations?|rall(?:y|ies)|marche?s?)\s+(?:organi[sz]ed|held|staged|called)|"
        r"(?:stag|h[eo]ld|organi[sz])(?:e|es|ed|ing|s)?\s+(?:a\s+|several\s+|mass\s+)?(?:protests?|demonstrations?|rall(?:y|ies)|sit-ins?|marche?s?)\b",
        "Protests",
        "Peaceful protest",
    ),
    Trigger(
        "blockade",
        r"blockad(?:e|es|ed|ing)|besieg(?:e|es|ed|ing)|under\s+(?:a\s+)?(?:siege|blockade)",
        SD,
        "Other",
    ),
)

# One lookbehind for all alternatives: most positions (inside words) fail at once.
TRIGGER_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(rf"(?P<t{i}>{t.pattern})" for i, t in enumerate(TRIGGERS)) + r")(?![\w-])",
    re.IGNORECASE,
)

EXPLOSION_SUBTYPES = (
    (re.compile(r"air\s*strike|drone", re.I), "Air/drone strike"),
    (re.compile(r"suicide", re.I), "Suicide bomb"),
    (re.compile(r"shell|mortar|rocket|artillery|missile", re.I), "Shelling/artillery/missile attack"),
)


def trigger_of(match: re.Match[str]) -> Trigger:
    return TRIGGERS[int(match.lastgroup[1:])]  # type: ignore[index]
