"""Who calls the gateway: configured clients, their keys, scopes, origins and rate limits."""
