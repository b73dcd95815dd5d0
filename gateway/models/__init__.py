"""The gateway's own data models: what connectors return and resolvers work with.

Plain, frozen dataclasses with slots: no vendor JSON ever reaches a resolver, and values can be
cached and shared between requests safely.
"""
