"""The sign-in page the authorization endpoint shows: the seeded customer's email and password.

Shopify signs customers in with a one-time code sent by email; the sandbox has no mailbox, so the
page asks for the password every sandbox customer shares (`sandbox.seed.CUSTOMER_PASSWORD`). The
request's OAuth parameters travel in hidden fields so that the form's POST can finish the flow.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

CARRIED = (
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
)
"""Authorization parameters the form sends back with the credentials."""


def login_page(action: str, params: Mapping[str, str], *, shop_name: str, error: str | None = None) -> str:
    hidden = "\n".join(
        f'    <input type="hidden" name="{name}" value="{escape(params[name])}">'
        for name in CARRIED
        if name in params
    )
    notice = f'  <p role="alert">{escape(error)}</p>\n' if error else ""
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in - {escape(shop_name)}</title></head>
<body>
  <h1>Sign in to {escape(shop_name)}</h1>
{notice}  <form method="post" action="{escape(action)}">
{hidden}
    <label>Email <input type="email" name="email" autocomplete="username" required></label>
    <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
    <button type="submit">Continue</button>
  </form>
</body>
</html>
"""


__all__ = ["CARRIED", "login_page"]
