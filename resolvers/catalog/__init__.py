"""Catalog resolvers: root queries, availability under the ERP, PIM content."""
