// Shopify's Storefront API client against the gateway over HTTPS: a product with the gateway's own
// fields (PIM content, ERP stock), then a cart of its first variant. Prints one JSON line.
// The public token is the demo storefront client's key (STOREFRONT_KEY), as the demo printed it.
import { createStorefrontApiClient } from '@shopify/storefront-api-client';

const [storeDomain] = process.argv.slice(2);

const PRODUCT = `query FirstProduct {
  products(first: 1) {
    nodes {
      id
      handle
      title
      content { name }
      variants(first: 3) { nodes { id sku availableForSale stock { available } } }
    }
  }
}`;

const CART = `mutation NewCart($lines: [CartLineInput!]!) {
  cartCreate(input: { lines: $lines }) {
    cart {
      id
      totalQuantity
      lines(first: 5) { nodes { quantity merchandise { ... on ProductVariant { id sku stock { available } } } } }
    }
    userErrors { field message }
  }
}`;

// The client reports a failed fetch as its bare message ("fetch failed"); keep the cause's code
// (an untrusted certificate is UNABLE_TO_VERIFY_LEAF_SIGNATURE).
let fetchFailure = null;
const customFetchApi = (url, init) =>
  fetch(url, init).catch((error) => {
    fetchFailure = error.cause?.code ?? error.message;
    throw error;
  });

const client = createStorefrontApiClient({
  storeDomain,
  apiVersion: '2026-04',
  publicAccessToken: process.env.STOREFRONT_KEY,
  customFetchApi,
});
const product = await client.request(PRODUCT);
const variant = product.data?.products.nodes[0]?.variants.nodes[0];
const cart = variant
  ? await client.request(CART, { variables: { lines: [{ merchandiseId: variant.id, quantity: 2 }] } })
  : null;
console.log(JSON.stringify({ apiUrl: client.config.apiUrl, fetchFailure, product, cart }));
