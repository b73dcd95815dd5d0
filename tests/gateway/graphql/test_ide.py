"""GraphiQL opens on the operator's sample query, whatever characters it holds."""

from __future__ import annotations

import json
import re

from gateway.graphql.ide import graphiql_html


def _example_query(html: str) -> str:
    found = re.search(r"const EXAMPLE_QUERY = (.*?);\n", html)
    assert found is not None
    literal: str = json.loads(found[1])
    return literal


def test_the_page_opens_on_the_sample_query() -> None:
    query = 'query Listing { collection(handle: "sweater") { title } }'

    assert _example_query(graphiql_html(query)) == query


def test_a_query_cannot_close_the_script() -> None:
    query = '{ shop { name } } # </script><script>alert("x")</script>'
    html = graphiql_html(query)

    assert "</script><script>alert" not in html
    assert _example_query(html) == query


def test_without_a_sample_query_the_page_is_strawberry_s() -> None:
    assert "Welcome to GraphiQL" in graphiql_html(None)
