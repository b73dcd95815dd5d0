"""The gateway's types on Shopify's orders: what the ERP holds of an order (fulfilment, invoices)."""
