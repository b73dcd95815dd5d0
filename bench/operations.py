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

VARIANT_FIELDS = """
fragment ProductVariant on ProductVariant {
  availableForSale
  compareAtPrice { amount currencyCode }
  id
  image { __typename id url altText width height }
  price { amount currencyCode }
  product { title handle }
  selectedOptions { name value }
  sku
  title
  unitPrice { amount currencyCode }
}
"""
"""A variant as a product page shows it (Hydrogen's variant fragment): it carries the SKU stock is joined by."""

HYDROGEN_PRODUCT_PAGE = (
    """
query Product(
  $country: CountryCode
  $handle: String!
  $language: LanguageCode
  $selectedOptions: [SelectedOptionInput!]!
) @inContext(country: $country, language: $language) {
  product(handle: $handle) {
    ...Product
  }
}

fragment Product on Product {
  id
  title
  vendor
  handle
  descriptionHtml
  description
  encodedVariantExistence
  encodedVariantAvailability
  options {
    name
    optionValues {
      name
      firstSelectableVariant { ...ProductVariant }
      swatch { color image { previewImage { url } } }
    }
  }
  selectedOrFirstAvailableVariant(
    selectedOptions: $selectedOptions
    ignoreUnknownOptions: true
    caseInsensitiveMatch: true
  ) {
    ...ProductVariant
    stock { ...VariantStock }
  }
  adjacentVariants(selectedOptions: $selectedOptions) { ...ProductVariant }
  variants(first: 20) { nodes { ...ProductVariant stock { ...VariantStock } } }
  media(first: 10) { nodes { ...Media } }
  seo { description title }
  content { name description features }
}

fragment VariantStock on VariantStock {
  available
  warehouses { warehouse { name } available }
}

fragment Media on Media {
  __typename
  mediaContentType
  alt
  previewImage { url }
  ... on MediaImage { id image { id url width height } }
  ... on Video { id sources { mimeType url } }
  ... on Model3d { id sources { mimeType url } }
  ... on ExternalVideo { id embedUrl host }
}
"""
    + VARIANT_FIELDS
)
"""A product page as a Hydrogen storefront writes it (its `Product` fragment and variant picker), plus
the PIM's content of the product and the ERP's stock of the selected and listed variants."""

CART_LINES_ADD = """
mutation CartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!, $country: CountryCode, $language: LanguageCode)
@inContext(country: $country, language: $language) {
  cartLinesAdd(cartId: $cartId, lines: $lines) {
    cart {
      id
      totalQuantity
      cost {
        subtotalAmount { amount currencyCode }
        totalAmount { amount currencyCode }
      }
      lines(first: 100) {
        nodes {
          id
          quantity
          cost {
            amountPerQuantity { amount currencyCode }
            totalAmount { amount currencyCode }
          }
          merchandise {
            ... on ProductVariant {
              id
              sku
              title
              availableForSale
              product { handle title }
              stock { available }
            }
          }
        }
      }
    }
    userErrors { field code message }
    warnings { code message target }
  }
}
"""
"""Adding a line to a cart, answered with every line's merchandise, its live stock from the ERP, and the cost."""

CART_CREATE = """
mutation CartCreate($input: CartInput!, $country: CountryCode) @inContext(country: $country) {
  cartCreate(input: $input) {
    cart { id }
    userErrors { field code message }
  }
}
"""
"""Opens the carts that `cart_add` adds to (before anything is measured, straight to Shopify)."""

ACCOUNT_PAGE = """
query AccountPage($customerAccessToken: String!) {
  customer(customerAccessToken: $customerAccessToken) {
    firstName
    lastName
    email
    profile {
      lifecycleStage
      loyalty { tier points }
      consents { channel granted }
    }
    conversations(first: 5) { nodes { id state unread preview } }
    orders(first: 10, reverse: true) {
      nodes {
        name
        processedAt
        totalPrice { amount currencyCode }
        fulfilment { state deliveries { carrier trackingNumber state } }
        invoices { number state amountTotal currencyCode }
      }
    }
  }
}
"""
"""A signed-in customer's account page: Shopify's account and latest orders, the CRM's profile, the
chat's latest conversations, and the ERP's deliveries and invoices of each order."""

CUSTOMER_SIGN_IN = """
mutation CustomerSignIn($input: CustomerAccessTokenCreateInput!) {
  customerAccessTokenCreate(input: $input) {
    customerAccessToken { accessToken }
    customerUserErrors { code message }
  }
}
"""
"""Signs in the customers of `account_page` (before anything is measured, straight to Shopify)."""


__all__ = [
    "ACCOUNT_PAGE",
    "CARD_FIELDS",
    "CART_CREATE",
    "CART_LINES_ADD",
    "COLLECTION_PAGE",
    "CUSTOMER_SIGN_IN",
    "HYDROGEN_PRODUCT_PAGE",
    "PRODUCT_PAGE",
    "SEARCH_PAGE",
    "VARIANT_FIELDS",
]
