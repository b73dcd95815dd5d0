// Apollo Client against the gateway's Storefront path: a query asked twice (the second answered by the
// normalized cache), then one whose variants carry stock; prints the request count, the answers and
// the cache's contents as one JSON line.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';

const [uri] = process.argv.slice(2);

let requests = 0;
const countingFetch = (input, init) => {
  requests += 1;
  return fetch(input, init);
};

const PRODUCTS = gql`
  query Products {
    products(first: 2) { nodes { id handle title content { name } } }
  }
`;

const STOCK = gql`
  query Stock($handle: String!) {
    product(handle: $handle) { id variants(first: 3) { nodes { id sku stock { available } } } }
  }
`;

const client = new ApolloClient({
  link: new HttpLink({ uri, fetch: countingFetch }),
  cache: new InMemoryCache(),
});
const first = await client.query({ query: PRODUCTS });
const afterFirst = requests;
const second = await client.query({ query: PRODUCTS });
const afterSecond = requests;
const { handle } = first.data.products.nodes[0];
const stock = await client.query({ query: STOCK, variables: { handle } });
console.log(
  JSON.stringify({
    requests: { afterFirst, afterSecond, total: requests },
    first: first.data,
    second: second.data,
    stock: stock.data,
    cache: client.cache.extract(),
  }),
);
