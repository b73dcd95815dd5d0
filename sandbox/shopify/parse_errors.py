"""Parse errors worded the way Shopify's graphql-ruby parser words them.

graphql-core says `Syntax Error: Expected Name, found "}"`; Shopify answers
`Parse error on "}" (RCURLY) at [1, 20]`, or `Unexpected end of document`, with no `extensions`.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, Source, TokenKind
from graphql.language import Lexer

_TOKEN_NAMES = {
    TokenKind.BRACE_L: "LCURLY",
    TokenKind.BRACE_R: "RCURLY",
    TokenKind.PAREN_L: "LPAREN",
    TokenKind.PAREN_R: "RPAREN",
    TokenKind.BRACKET_L: "LBRACKET",
    TokenKind.BRACKET_R: "RBRACKET",
    TokenKind.COLON: "COLON",
    TokenKind.EQUALS: "EQUALS",
    TokenKind.AT: "DIR_SIGN",
    TokenKind.DOLLAR: "VAR_SIGN",
    TokenKind.BANG: "BANG",
    TokenKind.PIPE: "PIPE",
    TokenKind.AMP: "AMP",
    TokenKind.SPREAD: "ELLIPSIS",
    TokenKind.NAME: "IDENTIFIER",
    TokenKind.INT: "INT",
    TokenKind.FLOAT: "FLOAT",
    TokenKind.STRING: "STRING",
    TokenKind.BLOCK_STRING: "STRING",
}

_KEYWORDS = {"query", "mutation", "subscription", "fragment", "on", "true", "false", "null"}


def syntax_error(error: GraphQLError, text: str) -> dict[str, Any]:
    """graphql-ruby's `Parse error on "}" (RCURLY) at [1, 20]` for a graphql-core syntax error."""
    location = error.locations[0] if error.locations else None
    line, column = (location.line, location.column) if location else (1, 1)
    position = next(iter(error.positions or ()), 0)
    token = _token_at(text, position)
    if token is None:
        message = "Unexpected end of document"
    else:
        value, kind = token
        message = f'Parse error on "{value}" ({kind}) at [{line}, {column}]'
    return {"message": message, "locations": [{"line": line, "column": column}]}


def _token_at(text: str, position: int) -> tuple[str, str] | None:
    lexer = Lexer(Source(text))
    try:
        token = lexer.advance()
        while token.kind != TokenKind.EOF and token.end <= position:
            token = lexer.advance()
    except GraphQLError:
        return (text[position : position + 1] or "?", "UNKNOWN_CHAR")
    if token.kind == TokenKind.EOF:
        return None
    value = token.value if token.value is not None else token.kind.value
    if token.kind == TokenKind.NAME and value in _KEYWORDS:
        return value, value.upper()
    return value, _TOKEN_NAMES.get(token.kind, token.kind.name)


__all__ = ["syntax_error"]
