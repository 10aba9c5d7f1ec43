"""The war taxonomy's vocabulary (``lexicons/data/taxonomy_war.yaml``): the words an analyst of
the war and its talks lists for each issue, and the senses in which those words name something
else; on sentences we write."""

from __future__ import annotations

import pytest

from onrecord.extraction.issue_tags import tag_text
from onrecord.lexicons.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy()


@pytest.mark.parametrize("text, issue", [
    # territory: the republics and their recognition, the question by name, de-occupation
    ("The Donetsk People's Republic claims the whole region.", "territory"),
    ("The borders of the DPR are not what Kyiv says.", "territory"),
    ("The territorial question will be left to the leaders.", "territory"),
    ("The Crimea Platform meets again in August.", "territory"),
    ("They voted to reunite with Russia, the official claimed.", "territory"),
    ("We will not trade land for peace.", "territory"),
    ("Kyiv wants to take Crimea back.", "territory"),
    ("They would have to give the land back.", "territory"),
    ("Russia is forcibly trying to move borders inside Europe.", "territory"),
    ("We discussed pieces of land that would be kept and lost.", "territory"),
    # NATO: the summits' promise, the way in, the Russian demands, the neutral models
    ("The Bucharest summit promised that Ukraine would become a member.", "nato"),
    ("Kyiv wants clear membership prospects.", "nato"),
    ("Moscow demands an end to the bloc's expansion.", "nato"),
    ("They keep moving their military infrastructure closer to our borders.", "nato"),
    ("The Austrian model was discussed as an option.", "nato"),
    # security guarantees: guarantors, their compact, the force behind a settlement
    ("The guarantor states must sign the treaty.", "security_guarantees"),
    ("A peacekeeping force could deploy after the deal.", "security_guarantees"),
    ("Britain is ready to send troops to Ukraine after a settlement.", "security_guarantees"),
    # ceasefire
    ("Both sides must silence the guns this week.", "ceasefire"),
    ("We want to put an end to this war.", "ceasefire"),
    ("An energy ceasefire would spare the power plants.", "ceasefire"),
    ("I am doing this to get the war stopped.", "ceasefire"),
    ("He is the right man to end this bloodbath.", "ceasefire"),
    ("He is actively trying to bring an end to this conflict.", "ceasefire"),
    ("Ending this three and a half year war is a top priority.", "ceasefire"),
    # negotiations
    ("The Normandy Four advisers met in Berlin.", "negotiations"),
    ("The Istanbul talks produced a communiqué.", "negotiations"),
    ("We must have agreements with President Putin.", "negotiations"),
    ("The negotiating team flew to Geneva.", "negotiations"),
    ("We want a long-lasting peace between the two nations.", "negotiations"),
    ("It was an attempt to settle the situation in Donbas peacefully.", "negotiations"),
    # weapons
    ("The Gepard systems arrived last week.", "weapons_permissions"),
    ("The next Ramstein meeting will decide on jets.", "weapons_permissions"),
    ("Kyiv wants permission for deep strikes inside Russia.", "weapons_permissions"),
    ("Kyiv asked for more Soviet-made Tochka-U missiles.", "weapons_permissions"),
    ("Europe will buy American arms for Kyiv under PURL.", "weapons_permissions"),
    ("The new administration is skeptical of more aid to Ukraine.", "weapons_permissions"),
    # sanctions
    ("Cutting their banks off SWIFT hurt them.", "sanctions"),
    ("The shadow fleet keeps carrying their oil.", "sanctions"),
    ("The immobilised assets should fund reconstruction.", "sanctions"),
    ("Russia must face tough political and economic penalties.", "sanctions"),
    # prisoners and humanitarian questions
    ("The abducted children must be returned.", "prisoners_humanitarian"),
    ("They use the detained civilians as human shields.", "prisoners_humanitarian"),
    ("The prisoners of war came home on Friday.", "prisoners_humanitarian"),
])
def test_the_vocabulary_names_its_issue(nlp, tax, text, issue):
    assert issue in tag_text(nlp, text, tax)


@pytest.mark.parametrize("text, issue", [
    ("The main guarantee of victory is our army.", "security_guarantees"),  # an outcome assured
    ("Our allies in NATO must pay their fair share.", "nato"),  # those already in it
    ("The talks made swift progress.", "sanctions"),  # the adjective, not the network
    ("The challenger won the vote.", "weapons_permissions"),  # the common noun, not the tank
    ("We handed over the stock market in better shape.", "territory"),  # what is handed over is no land
    ("Both delegations must get back to the table.", "territory"),  # coming back, not land got back
    ("NATO keeps moving closer towards Russian borders.", "territory"),  # troops moved, not the borders
    ("We will fight until the end of this long and terrible war.", "ceasefire"),  # a time, not its ending
    ("We are in the process of ensuring our collective security.", "security_guarantees"),  # the allies' own
    ("The Ukraine Defense Contact Group met at the base.", "negotiations"),  # arms donors, not talks
    ("Without achieving peace in Ukraine there is no European security.", "negotiations"),  # a precondition
    ("The partners discussed guaranteeing Ukraine's energy security.", "security_guarantees"),  # another security
    ("The state will strengthen the social guarantees of its diplomats.", "security_guarantees"),  # welfare
    ("The humanitarian aid to Ukraine arrived by train.", "weapons_permissions"),  # aid that is not arms
    # guarantees Russia demands for itself, and Russia's name for Europe's order, are not Ukraine's
    ("We push for long-term guarantees that ensure Russia's security.", "security_guarantees"),
    ("They discussed security guarantees for the Russian Federation.", "security_guarantees"),
    ("The Euro-Atlantic security architecture has worsened.", "security_guarantees"),
    # humanitarian ties and aid are no prisoner question
    ("We are expanding humanitarian contacts with our partners.", "prisoners_humanitarian"),
    ("They gave economic, humanitarian and military support.", "prisoners_humanitarian"),
    ("We must prevent uncontrollable refugee flows at our border.", "prisoners_humanitarian"),
])
def test_a_word_in_another_sense_names_no_issue(nlp, tax, text, issue):
    assert issue not in tag_text(nlp, text, tax)
