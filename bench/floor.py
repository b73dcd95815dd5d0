"""The floor: what a hand-written back end for a storefront page costs, with nothing in between.

For each page it makes the calls a careful developer would make straight to the sandbox, with
plain aiohttp and hand-built JSON: one Storefront call for the products, then Akeneo and Odoo in
parallel for their content and stock (Akeneo in batches of 100 SKUs, Odoo in one call), each
backend behind a connection pool as large as the gateway's concurrency cap for it. The account
page is one Storefront call for the customer and their orders, then HubSpot (one batch read),
Intercom (contacts, then their conversations) and Odoo (sale orders, then their transfers and
invoices) in parallel.

It asks each backend for exactly what the page shows, the least any gateway could ask: Shopify for
the client's own selection without the gateway's fields (`bench.floor_documents`), Akeneo for the
page's locale and the attributes shown, Odoo for the quant fields summed. Whatever a gateway asks
beyond that (other fields, other locales, more variants) costs the emulators work that the floor
does not pay, and shows as the gateway's overhead. Nothing here goes through the gateway's code.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import aiohttp
import orjson

from .floor_account import (
    CONSENT_PROPERTIES,
    INVOICE_FIELDS,
    PICKING_FIELDS,
    PROFILE_PROPERTIES,
    SALE_ORDER_FIELDS,
    conversations_of,
    fulfilments_of,
    invoices_of,
    profile_of,
)
from .floor_answers import put_availability, put_stock, skus_in, stock_of
from .floor_documents import ACCOUNT, CART_ADD, CART_STOCK_READ, COLLECTION, HYDROGEN_PRODUCT, PRODUCT, SEARCH

AKENEO_BATCH = 100
"""Akeneo's cap on the values of an `IN` filter and on a page."""
REQUEST_TIMEOUT_S = 30.0
"""Longer than any scenario's slowest backend: the floor waits, as the page would."""
CARD_QUANT_FIELDS = ["product_id", "quantity", "reserved_quantity"]
"""What a card's `stock { available lowStock }` is computed from."""
PAGE_QUANT_FIELDS = [*CARD_QUANT_FIELDS, "warehouse_id"]
"""A product page also shows stock per warehouse."""
CARD_ATTRIBUTES = ("sku", "name")
"""A card shows the PIM's name; `sku` is the key the answer is joined by."""
HYDROGEN_ATTRIBUTES = ("sku", "name", "description", "features")
"""The Hydrogen product page shows `content { name description features }`."""
VENDORS = ("shopify", "akeneo", "odoo", "hubspot", "intercom")
"""The backends the floor opens a session to, when the sandbox serves them."""
INTERCOM_VERSION = "2.14"
INTERCOM_PAGE = 150
"""Intercom's largest search page: one holds every contact and conversation of one customer."""


class FloorError(Exception):
    """A backend refused or failed a floor call."""


@dataclass(slots=True)
class FloorPage:
    """What the floor assembled for one page: product handles in order, the merged products, errors."""

    handles: list[str] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    data: dict[str, Any] | None = None
    """The whole answer in the client's shape, for the operations the floor answers field for field."""


@dataclass(frozen=True, slots=True)
class Locale:
    country: str = "FR"
    language: str = "FR"
    pim_locale: str = "fr_FR"
    """The only locale asked of Akeneo: the page's."""
    scope: str = "ecommerce"


class Floor:
    """Direct calls to the emulators, one aiohttp session per backend.

    ```python
    async with Floor(backends, caps={"akeneo": 4}) as floor:
        page = await floor.collection_page("sweater", 50, None)
    ```
    """

    def __init__(
        self,
        backends: Mapping[str, Mapping[str, Any]],
        *,
        caps: Mapping[str, int],
        locale: Locale | None = None,
        storefront_version: str = "2026-04",
    ) -> None:
        self.backends = {name: dict(section) for name, section in backends.items()}
        self.caps = dict(caps)
        self.locale = locale or Locale()
        self._storefront_path = f"/api/{storefront_version}/graphql.json"
        self._sessions: dict[str, aiohttp.ClientSession] = {}
        self._bearer = ""

    async def __aenter__(self) -> Floor:
        for name in (vendor for vendor in VENDORS if vendor in self.backends):
            section = self.backends[name]
            cap = self.caps.get(name, 32)
            self._sessions[name] = aiohttp.ClientSession(
                base_url=section["url"].rstrip("/") + "/",
                connector=aiohttp.TCPConnector(limit=cap, limit_per_host=cap),
                timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S),
                headers=self._headers(name, section),
            )
        await self._grant_token()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for session in self._sessions.values():
            await session.close()
        self._sessions.clear()

    @staticmethod
    def _headers(name: str, section: Mapping[str, Any]) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if name == "shopify":
            headers["X-Shopify-Storefront-Access-Token"] = str(section["storefront_token"])
        elif name == "odoo":
            headers["Authorization"] = f"bearer {section['api_key']}"
            headers["X-Odoo-Database"] = str(section["database"])
        elif name == "hubspot":
            headers["Authorization"] = f"Bearer {section['token']}"
        elif name == "intercom":
            headers["Authorization"] = f"Bearer {section['token']}"
            headers["Intercom-Version"] = INTERCOM_VERSION
        return headers

    async def _grant_token(self) -> None:
        akeneo = self.backends["akeneo"]
        basic = base64.b64encode(f"{akeneo['client_id']}:{akeneo['client_secret']}".encode()).decode()
        body = {"grant_type": "password", "username": akeneo["username"], "password": akeneo["password"]}
        data = await self._call(
            "akeneo", "POST", "api/oauth/v1/token", body=body, headers={"Authorization": f"Basic {basic}"}
        )
        self._bearer = f"Bearer {data['access_token']}"

    async def _call(
        self,
        backend: str,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        data = orjson.dumps(body) if body is not None else None
        async with self._sessions[backend].request(
            method, path, data=data, params=params, headers=headers
        ) as response:
            payload = await response.read()
            if response.status >= 400:
                raise FloorError(f"{backend} {method} /{path}: {response.status} {payload[:200]!r}")
            return orjson.loads(payload)

    async def storefront(self, document: str, variables: Mapping[str, Any]) -> dict[str, Any]:
        """One Storefront API call (the document carries its `@inContext`); its `data`, or FloorError."""
        body = await self._call(
            "shopify",
            "POST",
            self._storefront_path.lstrip("/"),
            body={"query": document, "variables": dict(variables)},
        )
        if body.get("errors"):
            raise FloorError(f"shopify: {body['errors'][0].get('message')}")
        data: dict[str, Any] = body["data"]
        return data

    async def content(
        self, skus: Sequence[str], *, full: bool, attributes: Sequence[str] = CARD_ATTRIBUTES
    ) -> dict[str, dict[str, Any]]:
        """Akeneo products by SKU in the page's locale, in parallel batches of at most 100.

        A page that is not `full` asks for the `attributes` it shows (a card: its name); a full
        product page shows every attribute with its option labels.
        """
        batches = [skus[i : i + AKENEO_BATCH] for i in range(0, len(skus), AKENEO_BATCH)]
        pages = await asyncio.gather(
            *(self._content_batch(batch, full=full, attributes=attributes) for batch in batches)
        )
        return {sku: item for page in pages for sku, item in page.items()}

    async def _content_batch(
        self, skus: Sequence[str], *, full: bool, attributes: Sequence[str]
    ) -> dict[str, dict[str, Any]]:
        search_filter = orjson.dumps({"sku": [{"operator": "IN", "value": list(skus)}]}).decode()
        params = {
            "search": search_filter,
            "scope": self.locale.scope,
            "locales": self.locale.pim_locale,
            "limit": str(AKENEO_BATCH),
        }
        if full:
            params["with_attribute_options"] = "true"
        else:
            params["attributes"] = ",".join(attributes)
        body = await self._call(
            "akeneo",
            "GET",
            "api/rest/v1/products-uuid",
            params=params,
            headers={"Authorization": self._bearer},
        )
        return {item["values"]["sku"][0]["data"]: item for item in body["_embedded"]["items"]}

    async def stock(self, skus: Sequence[str], *, full: bool) -> dict[str, list[dict[str, Any]]]:
        """Odoo's quants of internal locations for every SKU, in one `search_read`."""
        body = {
            "domain": [["product_id.default_code", "in", list(skus)], ["location_id.usage", "=", "internal"]],
            "fields": PAGE_QUANT_FIELDS if full else CARD_QUANT_FIELDS,
        }
        rows = await self._call("odoo", "POST", "json/2/stock.quant/search_read", body=body)
        quants: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            display = row["product_id"][1]  # Odoo names a product "[SKU] Name"
            quants.setdefault(display[1 : display.index("]")], []).append(row)
        return quants

    def _localized(self, item: Mapping[str, Any] | None, code: str) -> Any:
        if item is None:
            return None
        entries = item["values"].get(code) or []
        for wanted in (self.locale.pim_locale, None):
            for entry in entries:
                if entry.get("locale") == wanted and entry.get("scope") in (None, self.locale.scope):
                    return entry["data"]
        return None

    async def _enrich(self, nodes: Sequence[Mapping[str, Any]], page: FloorPage, *, full: bool) -> None:
        """Content (the first SKU of each product) and stock (every SKU), both at once."""
        if not nodes:
            return
        content_skus = [n["variants"]["nodes"][0]["sku"] for n in nodes if n["variants"]["nodes"]]
        stock_skus = [v["sku"] for n in nodes for v in n["variants"]["nodes"]]
        content, stock = await asyncio.gather(
            self.content(content_skus, full=full), self.stock(stock_skus, full=full), return_exceptions=True
        )
        if isinstance(content, BaseException):
            page.errors.append(f"content: {content}")
            content = {}
        if isinstance(stock, BaseException):
            page.errors.append(f"stock: {stock}")
            stock = None
        for node in nodes:
            variants = node["variants"]["nodes"]
            item = content.get(variants[0]["sku"]) if variants else None
            product: dict[str, Any] = {
                "handle": node["handle"],
                "title": node["title"],
                "price": node["priceRange"]["minVariantPrice"],
                "image": (node.get("featuredImage") or {}).get("url"),
                "name": self._localized(item, "name"),
                "variants": [self._variant(v, stock, full=full) for v in variants],
            }
            if full:
                product["description"] = self._localized(item, "description")
                product["features"] = self._localized(item, "features")
                product["options"] = node.get("options")
            page.handles.append(node["handle"])
            page.products.append(product)

    @staticmethod
    def _variant(
        variant: Mapping[str, Any], stock: Mapping[str, list[dict[str, Any]]] | None, *, full: bool
    ) -> dict[str, Any]:
        merged: dict[str, Any] = {"sku": variant["sku"], "price": variant.get("price")}
        if stock is None:
            merged["stock"] = None
            return merged
        quants = stock.get(variant["sku"], [])
        available = sum(int(q["quantity"] - q["reserved_quantity"]) for q in quants)
        merged["stock"] = {"available": available, "inStock": available > 0}
        if full:
            merged["stock"]["warehouses"] = [
                {"warehouse": q["warehouse_id"][1], "available": int(q["quantity"] - q["reserved_quantity"])}
                for q in quants
            ]
        return merged

    async def product_page(self, handle: str) -> FloorPage:
        data = await self.storefront(PRODUCT, {"handle": handle})
        page = FloorPage()
        if data.get("product") is not None:
            await self._enrich([data["product"]], page, full=True)
        return page

    async def collection_page(self, handle: str, first: int, after: str | None) -> FloorPage:
        data = await self.storefront(COLLECTION, {"handle": handle, "first": first, "after": after})
        page = FloorPage()
        if data.get("collection") is not None:
            await self._enrich(data["collection"]["products"]["nodes"], page, full=False)
        return page

    async def search_page(self, terms: str, first: int, after: str | None) -> FloorPage:
        data = await self.storefront(SEARCH, {"terms": terms, "first": first, "after": after})
        nodes = [node for node in data["search"]["nodes"] if node.get("handle")]
        page = FloorPage()
        await self._enrich(nodes, page, full=False)
        return page

    @property
    def in_context(self) -> dict[str, str]:
        """The `@inContext` variables of the operations that take them (Hydrogen's)."""
        return {"country": self.locale.country, "language": self.locale.language}

    def _page_content(self, item: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """`content { name description features }`: features are the PIM's lines, as bullets."""
        if item is None:
            return None
        features = self._localized(item, "features")
        lines = features if isinstance(features, list) else str(features or "").splitlines()
        return {
            "name": self._localized(item, "name"),
            "description": self._localized(item, "description"),
            "features": [line.strip().lstrip("-•* ").strip() for line in lines if line.strip()],
        }

    async def hydrogen_product_page(
        self, handle: str, selected_options: Sequence[Mapping[str, str]]
    ) -> FloorPage:
        """Shopify's page, then the PIM's content of its first variant and the ERP's stock of every
        variant shown, in parallel; stock where the page shows it, availability wherever it does."""
        variables = {"handle": handle, "selectedOptions": list(selected_options), **self.in_context}
        data = await self.storefront(HYDROGEN_PRODUCT, variables)
        page = FloorPage(data=data)
        product = data.get("product")
        if product is None:
            return page
        nodes = product["variants"]["nodes"]
        first = [nodes[0]["sku"]] if nodes else []
        content, quants = await asyncio.gather(
            self.content(first, full=False, attributes=HYDROGEN_ATTRIBUTES),
            self.stock(skus_in(product), full=True),
            return_exceptions=True,
        )
        if isinstance(content, BaseException):
            page.errors.append(f"content: {content}")
            content = {}
        if isinstance(quants, BaseException):
            page.errors.append(f"stock: {quants}")
            quants = None
        product["content"] = self._page_content(content.get(first[0])) if first else None
        shown = [v for v in (product["selectedOrFirstAvailableVariant"], *nodes) if v is not None]
        put_stock(shown, quants, per_warehouse=True)
        put_availability(product, quants, per_warehouse=True)
        page.handles.append(product["handle"])
        return page

    async def cart_add(self, cart_id: str, merchandise_id: str) -> FloorPage:
        """The cart's lines and the variant's SKU read first and held to the ERP's stock (the ERP is
        the system of record), then Shopify adds the line; the stock read serves every line shown."""
        page = FloorPage(data={})
        held = await self.storefront(CART_STOCK_READ, {"cartId": cart_id, "id": merchandise_id})
        in_cart = held["cart"]["lines"]["nodes"] if held["cart"] else []
        skus = list(dict.fromkeys([*(ln["merchandise"]["sku"] for ln in in_cart), held["node"]["sku"]]))
        quants: dict[str, list[dict[str, Any]]] | None = None
        try:
            quants = await self.stock(skus, full=False)
        except (FloorError, aiohttp.ClientError, TimeoutError) as exc:
            page.errors.append(f"stock: {exc}")  # Shopify's inventory decides
        if quants is not None:
            sku = held["node"]["sku"]
            taken = sum(ln["quantity"] for ln in in_cart if ln["merchandise"]["sku"] == sku)
            if stock_of(quants.get(sku, ()), per_warehouse=False)["available"] - taken < 1:
                page.errors.append(f"stock: {sku} is sold out in the ERP")
                return page
        variables = {"cartId": cart_id, "lines": [{"merchandiseId": merchandise_id, "quantity": 1}]}
        page.data = data = await self.storefront(CART_ADD, {**variables, **self.in_context})
        payload = data["cartLinesAdd"]
        page.errors += [f"shopify: {e['code']}: {e['message']}" for e in payload["userErrors"]]
        page.errors += [f"shopify: {w['code']}: {w['message']}" for w in payload["warnings"]]
        if payload["cart"] is None:
            return page
        merchandise = [line["merchandise"] for line in payload["cart"]["lines"]["nodes"]]
        variants = [m for m in merchandise if isinstance(m.get("sku"), str)]
        put_stock(variants, quants, per_warehouse=False)
        put_availability(variants, quants, per_warehouse=False)
        page.handles += [m["product"]["handle"] for m in merchandise if m.get("product")]
        return page

    async def account_page(self, token: str) -> FloorPage:
        """Shopify's customer and orders, then the CRM's profile, the chat's conversations and the
        ERP's records of the orders, the three in parallel; each failure nulls its own fields only."""
        data = await self.storefront(ACCOUNT, {"customerAccessToken": token})
        page = FloorPage(data=data)
        customer = data.get("customer")
        if customer is None:
            page.errors.append("shopify: no customer for the token")
            return page
        orders = customer["orders"]["nodes"]
        names = [order["name"] for order in orders]
        profile, conversations, erp = await asyncio.gather(
            self.crm_contact(customer["email"]),
            self.chat_conversations(customer["email"]),
            self.erp_orders(names),
            return_exceptions=True,
        )
        if isinstance(profile, BaseException):
            page.errors.append(f"profile: {profile}")
            customer["profile"] = None
        else:
            customer["profile"] = profile_of(profile)
        if isinstance(conversations, BaseException):
            page.errors.append(f"conversations: {conversations}")
            customer["conversations"] = None
        else:
            customer["conversations"] = conversations_of(conversations)
        if isinstance(erp, BaseException):
            page.errors.append(f"orders: {erp}")
            fulfilments: dict[str, Any] = {}
            invoices: dict[str, Any] = {}
        else:
            fulfilments, invoices = erp
        for order in orders:
            order["fulfilment"] = fulfilments.get(order["name"])
            order["invoices"] = invoices.get(order["name"])
        page.handles += [customer["email"], *names]
        return page

    async def crm_contact(self, email: str) -> dict[str, Any] | None:
        """HubSpot's contact for the email, in one batch read of the properties the page shows."""
        body = {
            "idProperty": "email",
            "inputs": [{"id": email}],
            "properties": [*PROFILE_PROPERTIES, *CONSENT_PROPERTIES.values()],
        }
        answer = await self._call("hubspot", "POST", "crm/v3/objects/contacts/batch/read", body=body)
        wanted = email.casefold()
        found = (r for r in answer["results"] if (r["properties"].get("email") or "").casefold() == wanted)
        return next(found, None)

    async def chat_conversations(self, email: str) -> list[dict[str, Any]]:
        """Intercom's conversations of every contact under the email: two searches, the second skipped
        when the chat has never met the customer."""
        contacts = await self._intercom_search("contacts/search", "email", [email])
        wanted = email.casefold()
        ids = [c["id"] for c in contacts["data"] if (c.get("email") or "").casefold() == wanted]
        if not ids:
            return []
        found = await self._intercom_search("conversations/search", "contact_ids", ids)
        conversations: list[dict[str, Any]] = found["conversations"]
        return conversations

    async def _intercom_search(self, path: str, field: str, values: list[str]) -> Any:
        body = {
            "query": {"field": field, "operator": "IN", "value": values},
            "pagination": {"per_page": INTERCOM_PAGE},
        }
        return await self._call("intercom", "POST", path, body=body)

    async def erp_orders(
        self, names: Sequence[str]
    ) -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]]]:
        """Odoo's fulfilment and invoices per order name: the sale orders, then their outgoing
        transfers and their posted customer invoices in parallel (no moves: the page shows no lines)."""
        if not names:
            return {}, {}
        sale_orders = await self._search_read(
            "sale.order", [["client_order_ref", "in", sorted(set(names))]], SALE_ORDER_FIELDS
        )
        if not sale_orders:
            return {}, {}
        pickings, invoices = await asyncio.gather(
            self._search_read(
                "stock.picking",
                [["sale_id", "in", [o["id"] for o in sale_orders]], ["picking_type_code", "=", "outgoing"]],
                PICKING_FIELDS,
            ),
            self._search_read(
                "account.move",
                [
                    ["invoice_origin", "in", sorted({o["name"] for o in sale_orders})],
                    ["move_type", "=", "out_invoice"],
                    ["state", "!=", "draft"],
                ],
                INVOICE_FIELDS,
            ),
        )
        return fulfilments_of(sale_orders, pickings), invoices_of(sale_orders, invoices)

    async def _search_read(self, model: str, domain: list[Any], fields: list[str]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = await self._call(
            "odoo", "POST", f"json/2/{model}/search_read", body={"domain": domain, "fields": fields}
        )
        return rows


__all__ = ["HYDROGEN_ATTRIBUTES", "VENDORS", "Floor", "FloorError", "FloorPage", "Locale"]
