"""The GraphiQL page served on a browser's GET of the endpoint, opening on a query of the operator's.

Strawberry's GraphiQL page loads React and GraphiQL from a CDN (unpkg), so it needs the internet;
its welcome text is replaced by the configured sample query, so a new user starts on a query that
runs against this gateway.
"""

from __future__ import annotations

import json
import re

from strawberry.http.ides import get_graphql_ide_html

_EXAMPLE_QUERY = re.compile(r"const EXAMPLE_QUERY = `.*?`;", re.DOTALL)


def graphiql_html(sample_query: str | None = None) -> str:
    """Strawberry's GraphiQL page, opening on `sample_query` when one is given."""
    html = get_graphql_ide_html("graphiql")
    if sample_query is None:
        return html
    # JSON is a JavaScript string literal; "</" is escaped so the query cannot close the script tag.
    literal = json.dumps(sample_query).replace("</", "<\\/")
    replaced, count = _EXAMPLE_QUERY.subn(lambda _: f"const EXAMPLE_QUERY = {literal};", html, count=1)
    if count != 1:
        raise RuntimeError("Strawberry's GraphiQL page no longer defines EXAMPLE_QUERY")
    return replaced


__all__ = ["graphiql_html"]
