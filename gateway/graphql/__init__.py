"""GraphQL over HTTP: request parsing, the document cache, execution and error masking."""
