"""What the resident hears when the action server cannot answer.

Rasa 3.6 logs an error when it cannot reach the action server, drops the action's events and
says nothing: in the widget the resident waits and gets no answer. Here RemoteAction.run says
so instead, in B1 Dutch or Frisian (the slot `taal`), with the general route to the gemeente
(the same wording as utter_contact_algemeen in bot/domain/wegwijzer.yml), and then waits for
the resident's next message: a later action would only fail the same way.

Only an action server that cannot answer counts: no connection, a timeout (after
ACTIE_WACHTTIJD_SECONDEN instead of Rasa's five minutes), or a server error
(5xx, also from a proxy in front of it). A form validation that rejects an answer
(ActionExecutionRejection, a 400) and every other error go on to Rasa as before. An active
form stays active: the answer it could not check is not taken, and it asks its question
again, so the conversation continues from where it was once the action server is back.

Loaded by gesprekken/opslag.py, as that module is always imported in the Rasa server process.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
from rasa.core.actions import action as rasa_action
from rasa.core.actions.action import (
    ActionExecutionRejection,
    RemoteAction,
    create_bot_utterance,
)
from rasa.shared.core.constants import ACTION_LISTEN_NAME, REQUESTED_SLOT
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, Event, FollowupAction, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import ClientResponseError

__all__ = ["ACTIESERVER_STORING", "actieserver_onbereikbaar", "installeer",
           "storing_gebeurtenissen"]

logger = logging.getLogger(__name__)
_rasa_run = RemoteAction.run
# Rasa's name for a form's validation action: validate_<form>.
FORM_VALIDATIE = "validate_"

# Rasa waits five minutes for an action. Ours answer within seconds (each call to the sociale
# kaart gives up after 3 s), and no resident waits five minutes for a reply.
ACTIE_WACHTTIJD_SECONDEN = 30

ACTIESERVER_STORING = {
    "nl": "Er gaat bij ons iets mis. Daardoor kan ik u nu niet verder helpen. Bel uw gemeente "
          "op 14 met daarachter het netnummer van uw woonplaats. Of probeer het over een paar "
          "minuten opnieuw.",
    "fy": "Der giet by ús wat mis. Dêrtroch kin ik jo no net fierder helpe. Bel jo gemeente "
          "op 14 mei dêrefter it netnûmer fan jo wenplak. Of besykje it oer in pear minuten "
          "opnij.",
}


def actieserver_onbereikbaar(fout: BaseException) -> bool:
    """Whether RemoteAction.run failed because the action server did not answer: no
    connection, a timeout, or a 5xx. Rasa raises a RasaException for each, with aiohttp's
    error as its cause or context."""
    if isinstance(fout, asyncio.TimeoutError):  # Rasa lets aiohttp's timeout through as it is
        return True
    if isinstance(fout, ActionExecutionRejection):
        return False
    oorzaak = fout.__cause__ or fout.__context__
    if isinstance(oorzaak, ClientResponseError):
        return oorzaak.status >= 500
    return isinstance(oorzaak, (aiohttp.ClientError, asyncio.TimeoutError))


def storing_gebeurtenissen(actie: str, tracker: DialogueStateTracker,
                           domain: Domain) -> list[Event]:
    """The message about the fault, once per turn, and then wait for the resident. For a
    form's validation action, the form stays where it was: the slots taken from the
    resident's message go back to what they were (nothing unchecked gets in), and the form
    asks the same question again."""
    taal = "fy" if tracker.get_slot("taal") == "fy" else "nl"
    tekst = ACTIESERVER_STORING[taal]
    gebeurtenissen: list[Event] = []
    if actie.startswith(FORM_VALIDATIE):
        gebeurtenissen += _form_terug(tracker, domain)
    if not _al_gezegd(tracker, tekst):
        gebeurtenissen.append(create_bot_utterance({"text": tekst}))
    return [*gebeurtenissen, FollowupAction(ACTION_LISTEN_NAME)]


def _al_gezegd(tracker: DialogueStateTracker, tekst: str) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and event.text == tekst:
            return True
    return False


def _form_terug(tracker: DialogueStateTracker, domain: Domain) -> list[Event]:
    # The slot the form asked for: without its validation action, Rasa would pick the next
    # question from the domain's list, not from the action's own (actions/melding_form.py
    # skips questions that do not apply). At activation there is none yet; None would end
    # the form.
    gevraagd = tracker.get_slot(REQUESTED_SLOT)
    vraag_opnieuw: list[Event] = [SlotSet(REQUESTED_SLOT, gevraagd)] if gevraagd else []
    # Rasa's FormAction hands its validation action a tracker that ends with the candidates:
    # one SlotSet per slot it took from the message (as rasa-sdk's slots_to_validate reads it).
    kandidaten: list[str] = []
    for event in reversed(tracker.events):
        if not isinstance(event, SlotSet):
            break
        kandidaten.append(event.key)
    if not kandidaten:
        return vraag_opnieuw
    events = list(tracker.events)
    laatste_bericht = max((i for i, e in enumerate(events) if isinstance(e, UserUttered)),
                          default=len(events))
    ervoor = DialogueStateTracker.from_events(tracker.sender_id, events[:laatste_bericht],
                                              slots=domain.slots)
    terug = [SlotSet(naam, ervoor.get_slot(naam)) for naam in dict.fromkeys(reversed(kandidaten))]
    return [*terug, *vraag_opnieuw]


async def _run_met_storing(self: RemoteAction, output_channel: Any, nlg: Any,
                           tracker: DialogueStateTracker, domain: Domain) -> list[Event]:
    try:
        return await _rasa_run(self, output_channel, nlg, tracker, domain)
    except (RasaException, asyncio.TimeoutError) as fout:
        if not actieserver_onbereikbaar(fout):
            raise
        logger.warning("The action server did not answer for '%s' (%s); told the resident "
                       "to call the gemeente or try again later", self.name(), _oorzaak(fout))
        return storing_gebeurtenissen(self.name(), tracker, domain)


def _oorzaak(fout: BaseException) -> str:
    oorzaak = fout.__cause__ or fout.__context__ or fout
    if isinstance(oorzaak, ClientResponseError):
        return f"HTTP {oorzaak.status}"  # not the body: it may quote what the resident typed
    return f"{type(oorzaak).__name__}: {oorzaak}"


def installeer() -> None:
    RemoteAction.run = _run_met_storing  # type: ignore[method-assign]
    rasa_action.DEFAULT_REQUEST_TIMEOUT = ACTIE_WACHTTIJD_SECONDEN
