"""Product: what a storefront lists and sells, with its variants, images and PIM content."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry

from gateway.models import catalog as models
from resolvers.catalog import availability, enrichment, variant_selection
from resolvers.catalog.enrichment import Enrichment
from resolvers.context import RequestContext
from resolvers.pagination import paginate
from schema.common.image import Image, ImageConnection, ImageEdge
from schema.common.money import MoneyV2
from schema.common.node import Node
from schema.common.page_info import PageInfo
from schema.common.scalars import HTML, URL
from schema.common.seo import SEO

from .content import ProductContent
from .enums import ProductImageSortKeys, ProductVariantSortKeys
from .filters import Filter
from .variant import ProductVariant, ProductVariantConnection, ProductVariantEdge, SelectedOptionInput

PAGE_ARGUMENT = strawberry.argument(description="Returns up to the first `n` elements from the list.")
AFTER_ARGUMENT = strawberry.argument(description="Returns the elements that come after the specified cursor.")
LAST_ARGUMENT = strawberry.argument(description="Returns up to the last `n` elements from the list.")
BEFORE_ARGUMENT = strawberry.argument(
    description="Returns the elements that come before the specified cursor."
)
REVERSE_ARGUMENT = strawberry.argument(description="Reverse the order of the underlying list.")


@strawberry.type(
    name="ProductOptionValue", description="A value of a product option, such as `Red` for color."
)
class ProductOptionValue:
    id: strawberry.ID = strawberry.field(description="A globally-unique ID.")
    name: str = strawberry.field(description="The name of the product option value.")


@strawberry.type(name="ProductOption", description="A product option, such as size or color, and its values.")
class ProductOption:
    id: strawberry.ID = strawberry.field(description="A globally-unique ID.")
    name: str = strawberry.field(description="The product option's name.")
    option_values: list[ProductOptionValue] = strawberry.field(
        description="The corresponding option value to the product option."
    )


@strawberry.type(name="ProductPriceRange", description="The price range of the product.")
class ProductPriceRange:
    min_variant_price: MoneyV2 = strawberry.field(description="The lowest variant's price.")
    max_variant_price: MoneyV2 = strawberry.field(description="The highest variant's price.")

    @classmethod
    def from_model(cls, price_range: models.PriceRange) -> ProductPriceRange:
        return cls(
            min_variant_price=MoneyV2.from_model(price_range.min),
            max_variant_price=MoneyV2.from_model(price_range.max),
        )


@strawberry.enum(name="CountPrecision", description="The precision of the value returned by a count field.")
class CountPrecision(Enum):
    EXACT = strawberry.enum_value("EXACT", description="The count is exactly the value.")
    AT_LEAST = strawberry.enum_value("AT_LEAST", description="The count is at least the value.")


@strawberry.type(name="Count", description="A numeric count, with its precision.")
class Count:
    count: int = strawberry.field(description="The count of elements.")
    precision: CountPrecision = strawberry.field(
        description="The count's precision, or the exactness of the value."
    )


@strawberry.type(
    name="Product",
    description=(
        "The Product resource lets you manage products in a merchant's store. Products are the goods a "
        "merchant offers; each has variants, and here also marketing content from the PIM."
    ),
)
class Product(Node):
    handle: str = strawberry.field(description="A unique, human-readable string of the product's title.")
    title: str = strawberry.field(description="The name for the product that displays to customers.")
    description_html: HTML = strawberry.field(description="The description of the product, with HTML tags.")
    vendor: str = strawberry.field(description="The name of the product's vendor.")
    product_type: str = strawberry.field(description="The category of a product as defined by the merchant.")
    tags: list[str] = strawberry.field(
        description="A comma separated list of tags that have been added to the product."
    )
    featured_image: Image | None = strawberry.field(description="The featured image for the product.")
    price_range: ProductPriceRange = strawberry.field(
        description="The minimum and maximum prices of a product."
    )
    compare_at_price_range: ProductPriceRange = strawberry.field(
        description="The minimum and maximum compare at prices of a product."
    )
    seo: SEO = strawberry.field(description="The product's SEO information.")
    created_at: datetime = strawberry.field(description="The date and time when the product was created.")
    updated_at: datetime = strawberry.field(
        description="The date and time when the product was last modified."
    )
    published_at: datetime = strawberry.field(description="The date and time when the product was published.")
    online_store_url: URL | None = strawberry.field(
        description="The product's URL on the online store, if published."
    )
    total_inventory: int | None = strawberry.field(
        description="The quantity of inventory in stock, as Shopify counts it."
    )
    is_gift_card: bool = strawberry.field(description="Whether the product is a gift card.")
    requires_selling_plan: bool = strawberry.field(
        description="Whether the product can only be purchased with a selling plan."
    )
    model: strawberry.Private[models.Product]
    extras: strawberry.Private[Enrichment]
    """PIM content and ERP stock loaded with the list this product came in."""

    @strawberry.field(
        description="A stripped description of the product, single line with HTML tags removed."
    )
    def description(
        self,
        truncate_at: Annotated[
            int | None, strawberry.argument(description="Truncates a string after the given length.")
        ] = None,
    ) -> str:
        text = self.model.description
        if truncate_at is not None and truncate_at >= 0 and len(text) > truncate_at:
            return text[: max(truncate_at - 3, 0)].rstrip() + "..."
        return text

    @strawberry.field(
        description=(
            "Indicates if at least one product variant is available for sale; follows the ERP's stock when "
            "the ERP is the system of record."
        )
    )
    def available_for_sale(self, info: strawberry.Info[RequestContext]) -> bool:
        return availability.product_available(info.context, self.extras, self.model)

    @strawberry.field(description="A list of product options, such as size or color.")
    def options(
        self,
        first: Annotated[
            int | None, strawberry.argument(description="Truncate the array result to this size.")
        ] = None,
    ) -> list[ProductOption]:
        options = self.model.options if first is None else self.model.options[: max(first, 0)]
        return [
            ProductOption(
                id=strawberry.ID(option.id),
                name=option.name,
                option_values=[
                    ProductOptionValue(id=strawberry.ID(v.id), name=v.name) for v in option.values
                ],
            )
            for option in options
        ]

    @strawberry.field(description="A list of variants associated with the product.")
    def variants(
        self,
        info: strawberry.Info[RequestContext],
        first: Annotated[int | None, PAGE_ARGUMENT] = None,
        after: Annotated[str | None, AFTER_ARGUMENT] = None,
        last: Annotated[int | None, LAST_ARGUMENT] = None,
        before: Annotated[str | None, BEFORE_ARGUMENT] = None,
        reverse: Annotated[bool | None, REVERSE_ARGUMENT] = False,
        sort_key: Annotated[
            ProductVariantSortKeys | None,
            strawberry.argument(description="Sort the underlying list by the given key."),
        ] = ProductVariantSortKeys.POSITION,
    ) -> ProductVariantConnection:
        variants = variant_selection.sorted_variants(
            self.model.variants, sort_key.name if sort_key else "POSITION"
        )
        edges, page_info = paginate(
            variants,
            first=first,
            after=after,
            last=last,
            before=before,
            reverse=bool(reverse),
            maximum=info.context.services.settings.max_page_size,
        )
        nodes = [ProductVariant.from_model(variant, self.extras, parent=self) for _, variant in edges]
        return ProductVariantConnection(
            edges=[
                ProductVariantEdge(cursor=cursor, node=node)
                for (cursor, _), node in zip(edges, nodes, strict=True)
            ],
            nodes=nodes,
            page_info=PageInfo.from_model(page_info),
        )

    @strawberry.field(description="The number of variants associated with the product.")
    def variants_count(self) -> Count | None:
        return Count(count=len(self.model.variants), precision=CountPrecision.EXACT)

    @strawberry.field(
        description=(
            "Find an active product variant based on selected options, availability or the first variant. "
            "All arguments are optional; without them the first available variant is returned."
        )
    )
    def selected_or_first_available_variant(
        self,
        selected_options: Annotated[
            list[SelectedOptionInput] | None,
            strawberry.argument(description="The input fields used for a selected option."),
        ] = None,
        ignore_unknown_options: Annotated[
            bool | None, strawberry.argument(description="Whether to ignore unknown product options.")
        ] = True,
        case_insensitive_match: Annotated[
            bool | None,
            strawberry.argument(
                description="Whether to perform case insensitive match on option names and values."
            ),
        ] = False,
    ) -> ProductVariant | None:
        options = [(o.name, o.value) for o in selected_options or ()]
        variant = variant_selection.selected_or_first_available(
            self.model,
            options,
            ignore_unknown=ignore_unknown_options is not False,
            case_insensitive=bool(case_insensitive_match),
        )
        return ProductVariant.from_model(variant, self.extras, parent=self) if variant else None

    @strawberry.field(description="Find a product's variant based on its selected options.")
    def variant_by_selected_options(
        self,
        selected_options: Annotated[
            list[SelectedOptionInput],
            strawberry.argument(description="The input fields used for a selected option."),
        ],
        ignore_unknown_options: Annotated[
            bool | None, strawberry.argument(description="Whether to ignore unknown product options.")
        ] = False,
        case_insensitive_match: Annotated[
            bool | None,
            strawberry.argument(
                description="Whether to perform case insensitive match on option names and values."
            ),
        ] = False,
    ) -> ProductVariant | None:
        options = [(o.name, o.value) for o in selected_options]
        variant = variant_selection.by_selected_options(
            self.model,
            options,
            ignore_unknown=bool(ignore_unknown_options),
            case_insensitive=bool(case_insensitive_match),
        )
        return ProductVariant.from_model(variant, self.extras, parent=self) if variant else None

    @strawberry.field(description="List of images associated with the product.")
    def images(
        self,
        info: strawberry.Info[RequestContext],
        first: Annotated[int | None, PAGE_ARGUMENT] = None,
        after: Annotated[str | None, AFTER_ARGUMENT] = None,
        last: Annotated[int | None, LAST_ARGUMENT] = None,
        before: Annotated[str | None, BEFORE_ARGUMENT] = None,
        reverse: Annotated[bool | None, REVERSE_ARGUMENT] = False,
        sort_key: Annotated[
            ProductImageSortKeys | None,
            strawberry.argument(description="Sort the underlying list by the given key."),
        ] = ProductImageSortKeys.POSITION,
    ) -> ImageConnection:
        edges, page_info = paginate(
            self.model.images,
            first=first,
            after=after,
            last=last,
            before=before,
            reverse=bool(reverse),
            maximum=info.context.services.settings.max_page_size,
        )
        nodes = [Image.from_model(image) for _, image in edges]
        return ImageConnection(
            edges=[
                ImageEdge(cursor=cursor, node=node) for (cursor, _), node in zip(edges, nodes, strict=True)
            ],
            nodes=nodes,
            page_info=PageInfo.from_model(page_info),
        )

    @strawberry.field(
        description=(
            "Marketing content from the PIM in the operation's language (`@inContext(language:)`), "
            "falling back to the default locale; null when the PIM has no content for the product."
        )
    )
    def content(self, info: strawberry.Info[RequestContext]) -> ProductContent | None:
        skus = self.model.skus
        content = enrichment.outcome(self.extras.content, skus[0] if skus else None)
        if content is None:
            return None
        settings = info.context.services.settings
        return ProductContent.from_model(content, info.context.locale, settings.default_locale)

    @classmethod
    def from_model(cls, product: models.Product, extras: Enrichment) -> Product:
        return cls(
            id=strawberry.ID(product.id),
            handle=product.handle,
            title=product.title,
            description_html=HTML(product.description_html),
            vendor=product.vendor,
            product_type=product.product_type,
            tags=list(product.tags),
            featured_image=Image.from_model(product.featured_image) if product.featured_image else None,
            price_range=ProductPriceRange.from_model(product.price_range),
            compare_at_price_range=ProductPriceRange.from_model(product.compare_at_price_range),
            seo=SEO.from_model(product.seo),
            created_at=product.created_at,
            updated_at=product.updated_at,
            published_at=product.published_at or product.created_at,
            online_store_url=URL(product.online_store_url) if product.online_store_url else None,
            total_inventory=product.total_inventory,
            is_gift_card=False,
            requires_selling_plan=False,
            model=product,
            extras=extras,
        )


@strawberry.type(
    name="ProductEdge",
    description="An auto-generated type which holds one Product and a cursor during pagination.",
)
class ProductEdge:
    cursor: str = strawberry.field(description="A cursor for use in pagination.")
    node: Product = strawberry.field(description="The item at the end of ProductEdge.")


@strawberry.type(
    name="ProductConnection", description="An auto-generated type for paginating through multiple Products."
)
class ProductConnection:
    edges: list[ProductEdge] = strawberry.field(description="A list of edges.")
    filters: list[Filter] = strawberry.field(description="A list of available filters.")
    nodes: list[Product] = strawberry.field(description="A list of the nodes contained in ProductEdge.")
    page_info: PageInfo = strawberry.field(description="Information to aid in pagination.")

    @classmethod
    def from_page(cls, page: models.Page[models.Product], extras: Enrichment) -> ProductConnection:
        nodes = [Product.from_model(product, extras) for product in page.items]
        return cls(
            edges=[
                ProductEdge(cursor=cursor, node=node)
                for (cursor, _), node in zip(page.edges, nodes, strict=True)
            ],
            filters=[Filter.from_model(f) for f in page.filters],
            nodes=nodes,
            page_info=PageInfo.from_model(page.page_info),
        )


__all__ = [
    "Count",
    "Product",
    "ProductConnection",
    "ProductEdge",
    "ProductOption",
    "ProductOptionValue",
    "ProductPriceRange",
]
