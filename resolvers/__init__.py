"""The glue between the schema and the backends: request context, DataLoaders and root resolvers."""
