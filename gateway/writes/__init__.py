"""Writes that reach every system once: the durable outbox, idempotency keys and the flows' steps."""
