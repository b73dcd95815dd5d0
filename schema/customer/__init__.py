"""The gateway's own fields on Shopify's customers: what the CRM and the chat know of them."""
