"""The catalog: products, variants, collections and search, with PIM content and ERP stock."""
