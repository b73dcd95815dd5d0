"""A throwaway schema in the test PostgreSQL (127.0.0.1:5432, started by tests/services.sh).

Each user gets a schema of its own, named in the DSN's `search_path`, and drops it afterwards, so
tests and concurrent test processes never see each other's tables.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

SERVER_DSN = os.environ.get("COMMERCE_GATEWAY_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


@asynccontextmanager
async def postgres_schema() -> AsyncIterator[str]:
    """A DSN whose tables live in a new, empty schema; the schema is dropped on exit."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    connection = await asyncpg.connect(SERVER_DSN)
    try:
        await connection.execute(f'CREATE SCHEMA "{schema}"')
    finally:
        await connection.close()
    separator = "&" if "?" in SERVER_DSN else "?"
    try:
        yield f"{SERVER_DSN}{separator}search_path={schema}"
    finally:
        connection = await asyncpg.connect(SERVER_DSN)
        try:
            await connection.execute(f'DROP SCHEMA "{schema}" CASCADE')
        finally:
            await connection.close()


__all__ = ["SERVER_DSN", "postgres_schema"]
