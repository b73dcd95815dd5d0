// Hydrogen React's Storefront client against the gateway over plain HTTP: its API URL and public-token
// headers, used with fetch as Hydrogen does, for a query in the shopper's context. Prints one JSON line.
// The public token is the demo storefront client's key (STOREFRONT_KEY), as the demo printed it.
import { createStorefrontClient } from '@shopify/hydrogen-react';

const [storeDomain] = process.argv.slice(2);

const LISTING = `query Listing @inContext(country: FR, language: FR) {
  products(first: 2) {
    nodes { handle title content { name } variants(first: 2) { nodes { sku stock { available } } } }
  }
}`;

const client = createStorefrontClient({
  storeDomain,
  storefrontApiVersion: '2026-04',
  publicStorefrontToken: process.env.STOREFRONT_KEY,
});
const url = client.getStorefrontApiUrl();
const headers = client.getPublicTokenHeaders();
const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: LISTING }) });
console.log(JSON.stringify({ url, headers, status: response.status, body: await response.json() }));
