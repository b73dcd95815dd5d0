"""The GraphQL operations sent to the gateway, written as a storefront would write them.

Kept apart from the scenarios (which also hold the floor) so that `bench.profile` can run them
against any checkout's gateway, past commits included.
"""

from __future__ import annotations

CARD_FIELDS = """
        id handle title
        featuredImage { url(transform: {maxWidth: 600}) altText width height }
        priceRange { minVariantPrice { amount currencyCode } }
        content { name }
        variants(first: 10) { nodes { id sku stock { available lowStock } } }"""
"""What a listing card shows: image, price, the localized name from the PIM, stock per variant."""

PRODUCT_PAGE = """
query ProductPage($handle: String!) @inContext(country: FR, language: FR) {
  product(handle: $handle) {
    id handle title vendor description
    featuredImage { url altText width height }
    images(first: 10) { nodes { url altText } }
    options { name optionValues { name } }
    priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
    seo { title description }
    variants(first: 20) {
      nodes {
        id sku title availableForSale
        price { amount currencyCode }
        compareAtPrice { amount currencyCode }
        selectedOptions { name value }
        stock { available lowStock warehouses { warehouse { code name } available } }
      }
    }
    content { name description features attributes { code label value } media { url } }
  }
}
"""

COLLECTION_PAGE = f"""
query CollectionPage($handle: String!, $first: Int!, $after: String) @inContext(country: FR, language: FR) {{
  collection(handle: $handle) {{
    id title
    products(first: $first, after: $after) {{
      pageInfo {{ hasNextPage endCursor }}
      nodes {{{CARD_FIELDS}
      }}
    }}
  }}
}}
"""

SEARCH_PAGE = f"""
query SearchPage($terms: String!, $first: Int!, $after: String) @inContext(country: FR, language: FR) {{
  search(query: $terms, first: $first, after: $after, types: [PRODUCT]) {{
    totalCount
    pageInfo {{ hasNextPage endCursor }}
    nodes {{
      ... on Product {{{CARD_FIELDS}
      }}
    }}
  }}
}}
"""


__all__ = ["CARD_FIELDS", "COLLECTION_PAGE", "PRODUCT_PAGE", "SEARCH_PAGE"]
