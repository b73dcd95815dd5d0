"""The Customer Account API: OpenID Connect sign-in with PKCE and the account GraphQL endpoint."""
