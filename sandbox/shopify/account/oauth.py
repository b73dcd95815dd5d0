"""The sign-in endpoints: authorization code with PKCE (S256), token exchange, refresh, logout.

Errors follow RFC 6749: before the client and its redirect URI are trusted, the authorization
endpoint answers with a page of its own (it must never redirect to an unchecked address); after,
it redirects with `error` and the client's `state`. The token endpoint answers errors with a JSON
`{"error", "error_description"}` body, 400, or 401 for a client that failed to authenticate.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import time
from collections.abc import Mapping
from urllib.parse import urlencode

from aiohttp import web

from sandbox.seed import CUSTOMER_PASSWORD
from sandbox.shopify.http import json_response
from sandbox.shopify.store import Store

from .clients import CLIENT_ID, acceptable_redirect, client_proof
from .discovery import SCOPES, origin
from .grants import CODE_LIFETIME_S, AuthorizationCode, Grants, IssuedTokens
from .id_tokens import IdTokenSigner
from .login_page import CARRIED, login_page
from .paths import AccountPaths

CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}")
"""A base64url SHA-256 digest without padding: what S256 turns any verifier into."""
VERIFIER = re.compile(r"[A-Za-z0-9._~-]{43,128}")
"""RFC 7636 §4.1: 43 to 128 unreserved characters."""
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


def _with_query(uri: str, params: Mapping[str, str]) -> str:
    return f"{uri}{'&' if '?' in uri else '?'}{urlencode(params)}"


def token_error(error: str, description: str, status: int = 400, **headers: str) -> web.Response:
    return json_response({"error": error, "error_description": description}, status, {**NO_STORE, **headers})


class OAuthEndpoints:
    """Authorize, token and logout for the sandbox's one client."""

    def __init__(self, store: Store, paths: AccountPaths, grants: Grants, signer: IdTokenSigner) -> None:
        self.store = store
        self.paths = paths
        self.grants = grants
        self.signer = signer

    # Authorization endpoint

    def _refusal(self, params: Mapping[str, str]) -> tuple[str, str] | None:
        """The OAuth error to redirect with, or None when the request may proceed to sign-in."""
        if params.get("response_type") != "code":
            return "unsupported_response_type", "response_type must be code"
        scopes = params.get("scope", "").split()
        if "openid" not in scopes:
            return "invalid_scope", "the openid scope is required"
        unknown = [scope for scope in scopes if scope not in SCOPES]
        if unknown:
            return "invalid_scope", f"unknown scope {unknown[0]}"
        challenge, method = params.get("code_challenge"), params.get("code_challenge_method")
        if challenge is None and method is None:
            return None
        if method != "S256":
            return "invalid_request", "code_challenge_method must be S256"
        if challenge is None or not CHALLENGE.fullmatch(challenge):
            return "invalid_request", "code_challenge must be a base64url SHA-256 digest"
        return None

    def _untrusted(self, params: Mapping[str, str]) -> web.Response | None:
        """A page of our own when the client or its redirect URI cannot be trusted to receive errors."""
        if params.get("client_id") != CLIENT_ID:
            return web.Response(status=400, text="Unknown client_id.", content_type="text/plain")
        if not acceptable_redirect(params.get("redirect_uri", "")):
            return web.Response(status=400, text="Invalid redirect_uri.", content_type="text/plain")
        return None

    def _redirect(self, params: Mapping[str, str], answer: dict[str, str]) -> web.Response:
        if "state" in params:
            answer["state"] = params["state"]
        raise web.HTTPFound(_with_query(params["redirect_uri"], answer))

    def _page(
        self, request: web.Request, params: Mapping[str, str], status: int, error: str | None
    ) -> web.Response:
        html = login_page(self.paths.authorize, params, shop_name=self.store.shop.name, error=error)
        return web.Response(status=status, text=html, content_type="text/html", headers=NO_STORE)

    async def authorize(self, request: web.Request) -> web.Response:
        if request.method == "POST":
            form = await request.post()
            params = {name: str(form[name]) for name in (*CARRIED, "email", "password") if name in form}
        else:
            params = dict(request.query)
        untrusted = self._untrusted(params)
        if untrusted is not None:
            return untrusted
        refusal = self._refusal(params)
        if refusal is not None:
            return self._redirect(params, {"error": refusal[0], "error_description": refusal[1]})
        if request.method != "POST":
            return self._page(request, params, 200, None)
        customer = self.store.customers_by_email.get(params.get("email", "").strip().casefold())
        if customer is None or not hmac.compare_digest(params.get("password", ""), CUSTOMER_PASSWORD):
            return self._page(request, params, 401, "The email or password is not right.")
        code = self.grants.new_code(
            AuthorizationCode(
                customer=customer,
                client_id=params["client_id"],
                redirect_uri=params["redirect_uri"],
                code_challenge=params.get("code_challenge"),
                scope=params["scope"],
                nonce=params.get("nonce"),
                expires_at=time.time() + CODE_LIFETIME_S,
            )
        )
        return self._redirect(params, {"code": code})

    # Token endpoint

    async def token(self, request: web.Request) -> web.Response:
        if request.content_type != "application/x-www-form-urlencoded":
            return token_error("invalid_request", "the body must be application/x-www-form-urlencoded")
        form = {name: str(value) for name, value in (await request.post()).items()}
        proof = client_proof(request.headers.get("Authorization"), form.get("client_id"))
        if proof.client_id != CLIENT_ID or proof.bad_secret:
            headers = {"WWW-Authenticate": 'Basic realm="customer-account"'} if proof.confidential else {}
            return token_error("invalid_client", "client authentication failed", 401, **headers)
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            return self._exchange_code(request, form, confidential=proof.confidential)
        if grant_type == "refresh_token":
            if "refresh_token" not in form:
                return token_error("invalid_request", "refresh_token is required")
            issued = self.grants.refresh(form["refresh_token"], CLIENT_ID)
            if issued is None:
                return token_error("invalid_grant", "the refresh token is invalid, expired or revoked")
            return self._tokens(request, issued, nonce=None)
        if grant_type is None:
            return token_error("invalid_request", "grant_type is required")
        return token_error("unsupported_grant_type", f"grant_type {grant_type} is not supported")

    def _exchange_code(
        self, request: web.Request, form: dict[str, str], *, confidential: bool
    ) -> web.Response:
        missing = [name for name in ("code", "redirect_uri") if name not in form]
        if missing:
            return token_error("invalid_request", f"{missing[0]} is required")
        verifier = form.get("code_verifier")
        if verifier is not None and not VERIFIER.fullmatch(verifier):
            return token_error("invalid_request", "code_verifier must be 43 to 128 unreserved characters")
        # The code is spent by any attempt, right or wrong, so a stolen code cannot be retried.
        code = self.grants.take_code(form["code"])
        if code is None or code.client_id != CLIENT_ID:
            return token_error("invalid_grant", "the authorization code is invalid, expired or already used")
        if code.redirect_uri != form["redirect_uri"]:
            return token_error("invalid_grant", "redirect_uri differs from the authorization request's")
        if code.code_challenge is None:
            if not confidential:
                return token_error("invalid_grant", "a public client must use PKCE")
        elif verifier is None:
            return token_error("invalid_request", "code_verifier is required")
        elif not hmac.compare_digest(s256(verifier), code.code_challenge):
            return token_error("invalid_grant", "code_verifier does not match the code_challenge")
        return self._tokens(request, self.grants.open_session(code), nonce=code.nonce)

    def _tokens(self, request: web.Request, issued: IssuedTokens, *, nonce: str | None) -> web.Response:
        session = issued.session
        id_token = self.signer.id_token(
            issuer=self.paths.issuer(origin(request)),
            subject=str(session.customer.id),
            audience=session.client_id,
            nonce=nonce,
            session_id=session.id,
            email=session.customer.email,
        )
        session.id_tokens.add(id_token)
        body = {
            "access_token": issued.access_token,
            "expires_in": issued.expires_in,
            "id_token": id_token,
            "refresh_token": issued.refresh_token,
            "scope": session.scope,
            "token_type": "Bearer",
        }
        return json_response(body, headers=NO_STORE)

    # End-session endpoint

    async def logout(self, request: web.Request) -> web.Response:
        """OpenID RP-initiated logout: end the session the ID token names, then go back to the client."""
        params: Mapping[str, str] = request.query
        if request.method == "POST":
            params = {name: str(value) for name, value in (await request.post()).items()}
        session = self.grants.session_of_id_token(params.get("id_token_hint", ""))
        if session is not None:
            self.grants.revoke(session)
        target = params.get("post_logout_redirect_uri")
        if target and acceptable_redirect(target):
            raise web.HTTPFound(
                _with_query(target, {"state": params["state"]}) if "state" in params else target
            )
        return web.Response(text="You are signed out.", content_type="text/plain", headers=NO_STORE)


__all__ = ["OAuthEndpoints", "s256", "token_error"]
