"""The segments a customer is in: the CRM lists whose members they are, by name.

`POST /crm/v3/lists/records/memberships/batch/read` answers the lists of up to 100 records at once;
the lists' names come from `GET /crm/v3/lists/?listIds=…` and are kept for ten minutes, since a
portal renames a list far less often than a customer joins one. A page of customers therefore costs
one memberships call, and a names call only when a list is new to the gateway.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping, Sequence

from gateway.backends.http.answer_shapes import read_answer
from gateway.backends.http.client import BackendClient

from .answers import LIST_PAGE, MEMBERSHIPS
from .rate_window import RateWindow

MEMBERSHIPS_PATH = "/crm/v3/lists/records/memberships/batch/read"
LISTS_PATH = "/crm/v3/lists/"
CONTACT_TYPE = "0-1"
"""HubSpot's object type id for contacts."""
MEMBERSHIPS_BATCH = 100
NAMES_TTL_S = 600.0


class SegmentLists:
    """Reads which lists contacts are in, and what those lists are called."""

    def __init__(
        self,
        client: BackendClient,
        headers: Mapping[str, str],
        window: RateWindow,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self._headers = dict(headers)
        self._window = window
        self._clock = clock
        self._names: dict[str, tuple[str, float]] = {}

    async def of_contacts(self, contact_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Each contact's segments, by list name, in the lists' order; a contact in none has ()."""
        wanted = list(dict.fromkeys(contact_ids))
        chunks = [wanted[i : i + MEMBERSHIPS_BATCH] for i in range(0, len(wanted), MEMBERSHIPS_BATCH)]
        lists_of: dict[str, list[str]] = {}
        for found in await asyncio.gather(*(self._memberships(chunk) for chunk in chunks)):
            lists_of.update(found)
        names = await self._list_names({list_id for ids in lists_of.values() for list_id in ids})
        return {
            contact: tuple(names[list_id] for list_id in lists_of.get(contact, []) if list_id in names)
            for contact in wanted
        }

    async def _memberships(self, contact_ids: list[str]) -> dict[str, list[str]]:
        body = {"inputs": [{"objectTypeId": CONTACT_TYPE, "recordId": c} for c in contact_ids]}
        self._window.admit("list memberships batch read")
        response = await self.client.request(
            "POST", MEMBERSHIPS_PATH, json=body, headers=self._headers, idempotent=True
        )
        self._window.note(response.headers)
        answer = read_answer(response, MEMBERSHIPS, "list memberships")
        return {
            str(result.recordId): [str(m.listId) for m in result.recordListMemberships]
            for result in answer.results
        }

    async def _list_names(self, list_ids: set[str]) -> dict[str, str]:
        now = self._clock()
        stale = sorted(i for i in list_ids if i not in self._names or now - self._names[i][1] > NAMES_TTL_S)
        if stale:
            self._window.admit("lists by id")
            response = await self.client.request(
                "GET",
                LISTS_PATH,
                params=[("listIds", i) for i in stale],
                headers=self._headers,
                idempotent=True,
            )
            self._window.note(response.headers)
            for listed in read_answer(response, LIST_PAGE, "lists").lists:
                self._names[str(listed.listId)] = (listed.name, now)
        return {i: self._names[i][0] for i in list_ids if i in self._names}


__all__ = ["LISTS_PATH", "MEMBERSHIPS_PATH", "SegmentLists"]
