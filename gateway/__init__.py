"""The runtime: everything that runs when the gateway serves, and nothing that only tests or demos it.

Read it top down, in the order a request meets it:

- `cli.py`, `serve.py`, `asgi.py`, `demo.py`: the commands; uvicorn builds each worker with `asgi.create_app`.
- `app.py`: the Starlette app from a config, its routes and lifespan (a table of contents).
- `config.py`: typed settings from one YAML file and `COMMERCE_GATEWAY__...` environment variables.
- `services.py`: the long-lived parts built at start: connectors, the source cache, webhook sources.
- `graphql/`: GraphQL over HTTP: parsing, limits, the document cache, execution, error masking, GraphiQL.
- `backends/`: one connector per vendor, and the HTTP plumbing they share.
- `models/`: the gateway's own values, the only thing connectors hand to resolvers.
- `cache/`, `webhooks/`, `health.py`, `media.py`: the source cache, signed webhooks, probes, the PIM's media.

The GraphQL types are in `schema/` and the resolvers in `resolvers/`, beside this package; the vendor
emulators are in `sandbox/`, which the runtime imports only when `demo` or `sandbox` runs. The import
contracts in pyproject.toml keep the dependencies pointing one way.
"""
