"""Partial updates of variant products and product models, validated as Akeneo validates them.

A PATCH merges into what is stored: top-level fields replace, `values` merge per attribute, locale
and channel, and `"data": null` removes a value. As in Akeneo, values of attributes that belong to
the other level of the family variant are dropped without a word (a variant's PATCH cannot change
its model's description; PATCH the product model instead), unknown attributes and properties are
refused, and axis values (colour, size) of an existing variant cannot change. Nothing is touched —
no `updated` bump, no event — when the payload changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .catalog import Catalog, ProductModel, ValueKey, Values, VariantProduct
from .errors import AkeneoError, documented, violations
from .php import gettype
from .structure import (
    AXES,
    CHANNELS,
    GRAMS_PER_UNIT,
    IDENTIFIER,
    IDENTIFIER_TYPE,
    IMAGE,
    LOCALES,
    METRIC,
    MODEL_LEVEL,
    SIMPLE_SELECT,
    TEXT,
    VARIANT_LEVEL,
    Attribute,
)

PRODUCT_OPERATION = "patch_products_uuid__uuid_"
MODEL_OPERATION = "patch_product_models__code_"
TEXT_MAX_LENGTH = 255
"""Akeneo's limit for `pim_catalog_text` values."""

PRODUCT_FIELDS = frozenset(
    {
        "uuid",
        "enabled",
        "family",
        "categories",
        "groups",
        "parent",
        "values",
        "associations",
        "quantified_associations",
        "created",
        "updated",
        "metadata",
    }
)
MODEL_FIELDS = frozenset(
    {
        "code",
        "family",
        "family_variant",
        "parent",
        "categories",
        "values",
        "associations",
        "quantified_associations",
        "created",
        "updated",
        "metadata",
    }
)


@dataclass(slots=True)
class ValueChanges:
    """Validated value writes: data to set, and `(attribute, locale, scope)` to remove."""

    set: list[tuple[str, ValueKey, Any]] = field(default_factory=list)
    removed: list[tuple[str, ValueKey]] = field(default_factory=list)


def _violation(attribute: str, key: ValueKey, message: str) -> dict[str, Any]:
    return {
        "property": "values",
        "message": message,
        "attribute": attribute,
        "locale": key[0],
        "scope": key[1],
    }


class Updater:
    """Applies PATCH payloads to one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    # -- variant products ---------------------------------------------------------------------

    def update_product(self, product: VariantProduct, payload: Any, now: datetime) -> bool:
        """Apply a product PATCH; True when something changed (`updated` is then `now`)."""
        op = PRODUCT_OPERATION
        body = self._object(payload)
        if "identifier" in body:
            raise documented('Property "identifier" does not exist.', op)
        self._known(body, PRODUCT_FIELDS, op)
        if "uuid" in body and body["uuid"] != product.uuid:
            raise AkeneoError(
                422,
                f'The uuid "{body["uuid"]}" provided in the request body must match the uuid "{product.uuid}" '
                "provided in the url.",
            )
        catalog = self.catalog
        model = catalog.model_of(product)
        if "enabled" in body and not isinstance(body["enabled"], bool):
            raise documented(
                f'Property "enabled" expects a boolean as data, "{gettype(body["enabled"])}" given.', op
            )
        if body.get("family", product.family) != product.family:
            raise violations(
                [
                    {
                        "property": "family",
                        "message": "The variant product family must be the same than its parent",
                    }
                ]
            )
        target = model
        if body.get("parent", product.parent) != product.parent:
            target = self._new_parent(body["parent"], product)
        categories = self._categories(body, op) if "categories" in body else None
        self._groups(body, op)
        self._associations(body, op)
        changes = self.parse_values(body.get("values"), VARIANT_LEVEL, op)
        self._check_variant_values(product, changes)

        changed = False
        if "enabled" in body and body["enabled"] is not product.enabled:
            product.enabled = body["enabled"]
            changed = True
        if target is not model:
            catalog.move(product, target)
            changed = True
        if categories is not None:
            wanted = tuple(
                c for c in dict.fromkeys(categories) if c not in catalog.model_of(product).categories
            )
            if wanted != product.categories:
                catalog.set_categories(product, wanted)
                changed = True
        old_identifier = product.identifier
        if self.apply(product.values, changes):
            changed = True
            catalog.reidentify(product, old_identifier, product.values[IDENTIFIER][(None, None)])
        if changed:
            product.updated = now
        return changed

    def _new_parent(self, parent: Any, product: VariantProduct) -> ProductModel:
        model = self.catalog.models.get(parent) if isinstance(parent, str) else None
        if model is None:
            raise documented(
                f'Property "parent" expects a valid parent code. The parent product model does not exist, "{parent}" given.',
                PRODUCT_OPERATION,
            )
        if model.family_variant != self.catalog.model_of(product).family_variant:
            raise violations(
                [
                    {
                        "property": "parent",
                        "message": f'The parent "{model.code}" has not the same family variant as the variant product',
                    }
                ]
            )
        return model

    def _check_variant_values(self, product: VariantProduct, changes: ValueChanges) -> None:
        errors = []
        for attribute, key, data in changes.set:
            current = product.values.get(attribute, {}).get(key)
            if attribute in AXES and data != current:
                errors.append(
                    _violation(
                        attribute, key, f'Variant axis "{attribute}" cannot be modified, "{data}" given'
                    )
                )
            if attribute == IDENTIFIER:
                owner = self.catalog.by_identifier.get(data)
                if owner is not None and owner != product.uuid:
                    errors.append(
                        {
                            "property": "identifier",
                            "message": "The same identifier is already set on another product",
                        }
                    )
        for attribute, key in changes.removed:
            if attribute in AXES:
                errors.append(
                    _violation(
                        attribute,
                        key,
                        f'Attribute "{attribute}" cannot be empty, as it is defined as an axis for this entity',
                    )
                )
            if attribute == IDENTIFIER:
                errors.append(
                    {"property": "identifier", "message": "The identifier attribute cannot be empty."}
                )
        if errors:
            raise violations(errors)

    # -- product models -----------------------------------------------------------------------

    def update_model(self, model: ProductModel, payload: Any, now: datetime) -> bool:
        """Apply a product model PATCH; True when something changed (`updated` is then `now`)."""
        op = MODEL_OPERATION
        body = self._object(payload)
        self._known(body, MODEL_FIELDS, op)
        if "code" in body and body["code"] != model.code:
            raise AkeneoError(
                422,
                f'The code "{body["code"]}" provided in the request body must match the code "{model.code}" '
                "provided in the url.",
            )
        for prop, current in (
            ("family", model.family),
            ("family_variant", model.family_variant),
            ("parent", None),
        ):
            if prop in body and body[prop] != current:
                raise violations(
                    [
                        {
                            "property": prop,
                            "message": f'Property "{prop}" cannot be modified, "{body[prop]}" given.',
                        }
                    ]
                )
        categories = self._categories(body, op) if "categories" in body else None
        self._associations(body, op)
        changes = self.parse_values(body.get("values"), MODEL_LEVEL, op)
        changed = False
        if categories is not None:
            wanted = tuple(dict.fromkeys(categories))
            if wanted != model.categories:
                self.catalog.set_model_categories(model, wanted)
                changed = True
        if self.apply(model.values, changes):
            changed = True
        if changed:
            model.updated = now
        return changed

    # -- shared checks ------------------------------------------------------------------------

    @staticmethod
    def _object(payload: Any) -> dict[str, Any]:
        if not isinstance(payload, dict):
            raise AkeneoError(400, "Invalid json message received")
        return payload

    @staticmethod
    def _known(body: dict[str, Any], fields: frozenset[str], op: str) -> None:
        for key in body:
            if key not in fields:
                raise documented(f'Property "{key}" does not exist.', op)

    def _categories(self, body: dict[str, Any], op: str) -> list[str]:
        codes = body["categories"]
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise documented(f'Property "categories" expects an array as data, "{gettype(codes)}" given.', op)
        for code in codes:
            if code not in self.catalog.structure.categories:
                raise documented(
                    f'Property "categories" expects a valid category code. The category does not exist, "{code}" given.',
                    op,
                )
        return codes

    @staticmethod
    def _groups(body: dict[str, Any], op: str) -> None:
        groups = body.get("groups", [])
        if not isinstance(groups, list):
            raise documented(f'Property "groups" expects an array as data, "{gettype(groups)}" given.', op)
        if groups:
            raise documented(
                f'Property "groups" expects a valid group code. The group does not exist, "{groups[0]}" given.',
                op,
            )

    @staticmethod
    def _associations(body: dict[str, Any], op: str) -> None:
        # Associations are accepted and ignored: the sandbox catalog links no products together.
        for prop in ("associations", "quantified_associations"):
            if prop in body and not isinstance(body[prop], dict | list):
                raise documented(
                    f'Property "{prop}" expects an array as data, "{gettype(body[prop])}" given.', op
                )

    def parse_values(self, raw: Any, level: str, op: str) -> ValueChanges:
        """Validate a `values` payload; values of the other level are dropped, as Akeneo does."""
        changes = ValueChanges()
        if raw is None:
            return changes
        if not isinstance(raw, dict):
            raise documented(f'Property "values" expects an array as data, "{gettype(raw)}" given.', op)
        attributes = self.catalog.structure.attributes
        errors: list[dict[str, Any]] = []
        for code, items in raw.items():
            attribute = attributes.get(code)
            if attribute is None:
                raise documented(f'Property "{code}" does not exist.', op)
            if attribute.level != level:
                continue
            if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
                raise documented('Property "values" expects an array of arrays as data.', op)
            for item in items:
                for needed in ("locale", "scope", "data"):
                    if needed not in item:
                        raise documented(f'Property "{code}" expects an array with the key "{needed}".', op)
                key = self._key(attribute, item["locale"], item["scope"])
                data = item["data"]
                if data is None or data == "":
                    changes.removed.append((code, key))
                    continue
                data = self._data(attribute, key, data, op, errors)
                changes.set.append((code, key, data))
        if errors:
            raise violations(errors)
        return changes

    @staticmethod
    def _key(attribute: Attribute, locale: Any, scope: Any) -> ValueKey:
        code = attribute.code
        if attribute.localizable:
            if locale is None:
                raise AkeneoError(422, f"The {code} attribute requires a locale.")
            if locale not in LOCALES:
                raise AkeneoError(
                    422, f'Attribute "{code}" expects an existing and activated locale, "{locale}" given.'
                )
        elif locale is not None:
            raise AkeneoError(
                422, f'The {code} attribute does not require a locale, "{locale}" was detected.'
            )
        if attribute.scopable:
            if scope is None:
                raise AkeneoError(422, f"The {code} attribute requires a channel.")
            if scope not in CHANNELS:
                raise AkeneoError(422, f'Attribute "{code}" expects an existing scope, "{scope}" given.')
        elif scope is not None:
            raise AkeneoError(
                422, f'The {code} attribute does not require a channel, "{scope}" was detected.'
            )
        return (locale, scope)

    def _data(
        self, attribute: Attribute, key: ValueKey, data: Any, op: str, errors: list[dict[str, Any]]
    ) -> Any:
        code = attribute.code
        if attribute.type == METRIC:
            if not isinstance(data, dict) or "amount" not in data or "unit" not in data:
                raise documented(f'Property "{code}" expects an array with the key "amount".', op)
            if data["unit"] not in GRAMS_PER_UNIT:
                raise documented(
                    f'Property "{code}" expects a valid unit code. The unit does not exist, "{data["unit"]}" given.',
                    op,
                )
            try:
                amount = Decimal(str(data["amount"]))
            except InvalidOperation as exc:
                raise documented(
                    f'Property "{code}" expects a numeric as data, "{gettype(data["amount"])}" given.', op
                ) from exc
            return {"amount": f"{amount:.4f}", "unit": data["unit"]}
        if not isinstance(data, str):
            raise documented(f'Property "{code}" expects a string as data, "{gettype(data)}" given.', op)
        if attribute.type == SIMPLE_SELECT and self.catalog.structure.option(code, data) is None:
            errors.append(
                _violation(code, key, f"The {data} value is not in the {code} attribute option list.")
            )
        elif attribute.type == IMAGE and data not in self.catalog.media:
            raise documented(f'Property "{code}" expects a valid file path as data, "{data}" given.', op)
        elif attribute.type in (TEXT, IDENTIFIER_TYPE) and len(data) > TEXT_MAX_LENGTH:
            errors.append(
                _violation(
                    code, key, f"This value is too long. It should have {TEXT_MAX_LENGTH} characters or less."
                )
            )
        return data

    @staticmethod
    def apply(values: Values, changes: ValueChanges) -> bool:
        """Write validated changes into stored values; True when anything differs afterwards."""
        changed = False
        for code, key, data in changes.set:
            slot = values.setdefault(code, {})
            if slot.get(key) != data:
                slot[key] = data
                changed = True
        for code, key in changes.removed:
            stored = values.get(code)
            if stored is not None and key in stored:
                del stored[key]
                changed = True
                if not stored:
                    del values[code]
        return changed


__all__ = ["MODEL_OPERATION", "PRODUCT_OPERATION", "Updater", "ValueChanges"]
