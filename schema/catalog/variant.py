"""ProductVariant: a purchasable version of a product, with its live ERP stock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from gateway.models import catalog as models
from resolvers import loaders
from resolvers.catalog import availability, enrichment
from resolvers.catalog.enrichment import Enrichment
from resolvers.context import RequestContext
from schema.common.image import Image
from schema.common.money import MoneyV2
from schema.common.node import Node
from schema.common.page_info import PageInfo

from .enums import WeightUnit
from .stock import VariantStock

if TYPE_CHECKING:
    from .product import Product


@strawberry.type(
    name="SelectedOption", description="Properties used by customers to select a product variant."
)
class SelectedOption:
    name: str = strawberry.field(description="The product option's name.")
    value: str = strawberry.field(description="The product option's value.")


@strawberry.input(name="SelectedOptionInput", description="The input fields required for a selected option.")
class SelectedOptionInput:
    name: str = strawberry.field(description="The product option's name.")
    value: str = strawberry.field(description="The product option's value.")


@strawberry.type(
    name="ProductVariant",
    description="A specific version of a product that comes in more than one option, such as size or color.",
)
class ProductVariant(Node):
    title: str = strawberry.field(description="The product variant's title.")
    sku: str | None = strawberry.field(
        description="The SKU (stock keeping unit) associated with the variant."
    )
    barcode: str | None = strawberry.field(
        description="The barcode (for example, ISBN, UPC, or GTIN) of the variant."
    )
    price: MoneyV2 = strawberry.field(description="The product variant's price.")
    compare_at_price: MoneyV2 | None = strawberry.field(
        description="The compare at price of the variant, to show it is on sale when above `price`."
    )
    currently_not_in_stock: bool = strawberry.field(
        description="Whether a product is out of stock but still available for purchase (used for backorders)."
    )
    selected_options: list[SelectedOption] = strawberry.field(
        description="List of product options applied to the variant."
    )
    image: Image | None = strawberry.field(description="Image associated with the product variant.")
    requires_shipping: bool = strawberry.field(
        description="Whether a customer needs to provide a shipping address."
    )
    weight: float | None = strawberry.field(
        description="The weight of the product variant in the unit system specified."
    )
    weight_unit: WeightUnit = strawberry.field(description="Unit of measurement for weight.")
    model: strawberry.Private[models.Variant]
    extras: strawberry.Private[Enrichment]
    """PIM content and ERP stock loaded with the list this variant came in."""
    parent: strawberry.Private[object | None] = None
    """The Product this variant was listed under (typed loosely: the two types refer to each other)."""

    @strawberry.field(
        description=(
            "Indicates if the product variant is available for sale; follows the ERP's stock when the ERP is "
            "the system of record."
        )
    )
    def available_for_sale(self, info: strawberry.Info[RequestContext]) -> bool:
        return availability.variant_available(info.context, self.extras, self.model)

    @strawberry.field(
        description=(
            "The total sellable quantity of the variant for online sales channels; the ERP's available "
            "quantity when the ERP is the system of record."
        )
    )
    def quantity_available(self, info: strawberry.Info[RequestContext]) -> int | None:
        return availability.variant_quantity(info.context, self.extras, self.model)

    @strawberry.field(description="Live stock per warehouse from the ERP; null when the ERP has no such SKU.")
    def stock(self, info: strawberry.Info[RequestContext]) -> VariantStock | None:
        stock = enrichment.outcome(self.extras.stock, self.model.sku)
        if stock is None:
            return None
        return VariantStock.from_model(stock, info.context.services.settings.low_stock_threshold)

    @strawberry.field(description="The product object that the product variant belongs to.")
    async def product(
        self, info: strawberry.Info[RequestContext]
    ) -> Annotated[Product, strawberry.lazy("schema.catalog.product")]:
        if self.parent is not None:
            return cast("Product", self.parent)
        from .product import Product  # the two types refer to each other

        wanted = enrichment.wants(info)
        model = await loaders.product_by_id(info.context, wanted.detail).load(self.model.product_id)
        if model is None:
            raise LookupError(f"product {self.model.product_id} of variant {self.model.id} not found")
        return Product.from_model(model, await enrichment.enrich(info.context, [model], wanted))

    @classmethod
    def from_model(
        cls, variant: models.Variant, extras: Enrichment, parent: Product | None = None
    ) -> ProductVariant:
        return cls(
            id=strawberry.ID(variant.id),
            title=variant.title,
            sku=variant.sku,
            barcode=variant.barcode,
            price=MoneyV2.from_model(variant.price),
            compare_at_price=MoneyV2.from_model(variant.compare_at_price)
            if variant.compare_at_price
            else None,
            currently_not_in_stock=variant.currently_not_in_stock,
            selected_options=[SelectedOption(name=o.name, value=o.value) for o in variant.selected_options],
            image=Image.from_model(variant.image) if variant.image else None,
            requires_shipping=variant.requires_shipping,
            weight=variant.weight,
            weight_unit=WeightUnit(variant.weight_unit),
            model=variant,
            extras=extras,
            parent=parent,
        )


@strawberry.type(
    name="ProductVariantEdge",
    description="An auto-generated type which holds one ProductVariant and a cursor during pagination.",
)
class ProductVariantEdge:
    cursor: str = strawberry.field(description="A cursor for use in pagination.")
    node: ProductVariant = strawberry.field(description="The item at the end of ProductVariantEdge.")


@strawberry.type(
    name="ProductVariantConnection",
    description="An auto-generated type for paginating through multiple ProductVariants.",
)
class ProductVariantConnection:
    edges: list[ProductVariantEdge] = strawberry.field(description="A list of edges.")
    nodes: list[ProductVariant] = strawberry.field(
        description="A list of the nodes contained in ProductVariantEdge."
    )
    page_info: PageInfo = strawberry.field(description="Information to aid in pagination.")


__all__ = [
    "ProductVariant",
    "ProductVariantConnection",
    "ProductVariantEdge",
    "SelectedOption",
    "SelectedOptionInput",
]
