"""Validates emulator responses against Intercom's OpenAPI 2.14 description (shared/specs).

The document is loaded leniently (it does not pass strict spec validation) and every `$ref` is
resolved inside it. A few schemas are marked nullable: the spec's own response examples, recorded
from the live API, carry `null` in `ai_agent`, a part's `assigned_to` and `email_message_metadata`,
so the emulator sends `null` there as Intercom does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import referencing
import referencing.jsonschema
import yaml
from openapi_schema_validator import OAS30Validator

SPEC = (
    Path(__file__).resolve().parents[3]
    / ".."
    / "shared"
    / "specs"
    / "intercom"
    / "2.14"
    / "api.intercom.io.yaml"
)
URN = "urn:intercom-2.14"
NULL_IN_PRACTICE = ("ai_agent", "reference", "email_message_metadata")


def _pointer(*parts: str) -> str:
    return "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


class Contract:
    """Response schemas of the spec, by method, path template and status."""

    def __init__(self, path: Path = SPEC) -> None:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        with path.open() as handle:
            self.spec: dict[str, Any] = yaml.load(handle, Loader=loader)  # noqa: S506 (a safe loader)
        for name in NULL_IN_PRACTICE:
            self.spec["components"]["schemas"][name]["nullable"] = True
        resource = referencing.Resource.from_contents(
            self.spec, default_specification=referencing.jsonschema.DRAFT4
        )
        self.registry: referencing.Registry[Any] = referencing.Registry().with_resource(URN, resource)

    def _check(self, ref: str, body: Any) -> None:
        validator = OAS30Validator({"$ref": ref}, registry=self.registry)
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        if errors:
            details = "\n".join(f"  at {list(e.absolute_path)}: {e.message[:200]}" for e in errors[:10])
            raise AssertionError(f"response does not match {ref}:\n{details}")

    def validate(self, method: str, template: str, status: int, body: Any) -> None:
        """Validate `body` against the documented response; error bodies against the `error` schema."""
        responses = self.spec["paths"][template][method.lower()]["responses"]
        if str(status) not in responses:
            assert status >= 400, f"{method} {template} documents no {status} response"
            self.validate_error(body)
            return
        self._check(
            f"{URN}#/{_pointer('paths', template, method.lower(), 'responses', str(status), 'content', 'application/json', 'schema')}",
            body,
        )

    def validate_error(self, body: Any) -> None:
        self._check(f"{URN}#/components/schemas/error", body)
        assert body["type"] == "error.list"
        assert body["errors"]
        assert all("code" in e and "message" in e for e in body["errors"])


__all__ = ["SPEC", "Contract"]
