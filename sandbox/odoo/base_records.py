"""Ids and values of the records every Odoo database has before any business data.

They follow a fresh Odoo 19 database where that is observable from the API (EUR is currency 1,
countries keep their `base.*` ids, the admin is uid 2 with partner 3) so that ids a developer
sees in the sandbox look like the ones a real instance returns.
"""

from __future__ import annotations

COMPANY_ID = 1
COMPANY_NAME = "Northwind Outfitters"
COMPANY_PARTNER_ID = 1
ODOOBOT_PARTNER_ID = 2
ADMIN_PARTNER_ID = 3
GATEWAY_PARTNER_ID = 7

SYSTEM_UID = 1
ADMIN_UID = 2
GATEWAY_UID = 6
GATEWAY_LOGIN = "gateway@northwind.example"
GATEWAY_NAME = "Gateway Integration"
USER_TZ = "Europe/Berlin"

EUR_ID = 1
USD_ID = 2
CURRENCIES = ((EUR_ID, "EUR", "€", "Euro", "after"), (USD_ID, "USD", "$", "US Dollar", "before"))

COUNTRIES = {
    "DE": (57, "Germany"),
    "FR": (75, "France"),
    "GB": (231, "United Kingdom"),
    "US": (233, "United States"),
}
"""ISO code → (`res.country` id, name), the ids of `base.de`, `base.fr`, `base.uk` and `base.us`."""

UNIT_UOM_ID = 1
SALE_TAX_ID = 1
SALE_TAX_RATE = 20.0
"""The shop's prices include 20 % VAT, so a sale order's total equals the Shopify order's subtotal."""

# Locations every database has (stock's own data), then one view + one stock location per warehouse.
PHYSICAL_LOCATIONS_ID = 1
PARTNER_LOCATIONS_ID = 2
VIRTUAL_LOCATIONS_ID = 3
VENDORS_LOCATION_ID = 4
CUSTOMERS_LOCATION_ID = 5

CARRIERS = {
    "DHL Express": (1, "dhl", "https://www.dhl.com/en/express/tracking.html?AWB={ref}&brand=DHL"),
    "UPS": (2, "ups", "https://wwwapps.ups.com/WebTracking/track?track=yes&trackNums={ref}"),
    "Colissimo": (3, "fixed", None),
}
"""Carrier name → (`delivery.carrier` id, `delivery_type`, tracking URL template or None for `fixed`)."""

QUANT_WEBHOOK_ACTION_ID = 11
SALE_ORDER_WEBHOOK_ACTION_ID = 12
WEBHOOK_ACTION_NAME = "Send Webhook Notification"

__all__ = [
    "ADMIN_PARTNER_ID",
    "ADMIN_UID",
    "CARRIERS",
    "COMPANY_ID",
    "COMPANY_NAME",
    "COMPANY_PARTNER_ID",
    "COUNTRIES",
    "CURRENCIES",
    "CUSTOMERS_LOCATION_ID",
    "EUR_ID",
    "GATEWAY_LOGIN",
    "GATEWAY_NAME",
    "GATEWAY_PARTNER_ID",
    "GATEWAY_UID",
    "ODOOBOT_PARTNER_ID",
    "PARTNER_LOCATIONS_ID",
    "PHYSICAL_LOCATIONS_ID",
    "QUANT_WEBHOOK_ACTION_ID",
    "SALE_ORDER_WEBHOOK_ACTION_ID",
    "SALE_TAX_ID",
    "SALE_TAX_RATE",
    "SYSTEM_UID",
    "UNIT_UOM_ID",
    "USD_ID",
    "USER_TZ",
    "VENDORS_LOCATION_ID",
    "VIRTUAL_LOCATIONS_ID",
    "WEBHOOK_ACTION_NAME",
]
