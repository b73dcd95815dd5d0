"""What dresses a product page beyond the catalog: metafields, media, swatches, unit prices, quantity
rules and selling plans.

Everything here is derived from the store's records (a product's kind, its material tag, its place
in the catalog), so it is the same for a given seed and size. Per-product data is built the first
time a page asks for it and kept for the life of the store (`Store.lasting`): none of it changes
when stock, prices or orders do.
"""
