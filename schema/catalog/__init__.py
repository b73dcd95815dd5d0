"""The gateway's catalog types: a product's PIM content and a variant's ERP stock."""
