"""Vendor webhook bodies read as JSON, so that no body can fail the receiver with a server error.

`json.loads` descends one C call per nesting level: 50,000 `[` raise `RecursionError`, which is
not a `ValueError`, and how deep it gets first depends on how deep the caller's stack already is.
Vendors nest their payloads a few levels (an Intercom notification of a whole conversation, the
deepest, has seven), so a body nesting past `MAX_DEPTH` is refused as well, whether or not the
parser could read it: the limit is the same for every caller, and nothing downstream walks an
unbounded tree.

```python
payload = read_json(incoming.body)  # raises Rejected(..., 400) with the reason
```
"""

from __future__ import annotations

import json
from typing import Any

from gateway.models.webhooks import Rejected

MAX_DEPTH = 32
"""Nesting levels a webhook body may have: four times what any vendor sends."""


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether `value` nests more than `limit` arrays and objects deep (iterative: no recursion)."""
    pending = [(value, 1)]
    while pending:
        node, depth = pending.pop()
        children = node.values() if isinstance(node, dict) else node
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def read_json(body: bytes) -> Any:
    """The body's JSON value; raises `Rejected` (400) when it is not JSON or nests too deep."""
    try:
        value = json.loads(body)
    except RecursionError:
        raise Rejected(f"the body nests deeper than the {MAX_DEPTH} levels a webhook may", 400) from None
    except json.JSONDecodeError as exc:
        raise Rejected(f"the body is not JSON: {exc.msg} at byte {exc.pos}", 400) from None
    except ValueError:  # not UTF-8, or an integer of thousands of digits
        raise Rejected("the body is not JSON: not UTF-8, or a number too long to read", 400) from None
    if isinstance(value, dict | list) and _deeper_than(value, MAX_DEPTH):
        raise Rejected(f"the body nests deeper than the {MAX_DEPTH} levels a webhook may", 400)
    return value


__all__ = ["MAX_DEPTH", "read_json"]
