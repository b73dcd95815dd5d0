"""Pure ASGI middleware in front of the app, one concern per file.

- `header_limits.py`: too many request headers, or too many bytes of them: 431.
- `body_timeout.py`: a request body that stops arriving: 408, and the connection closed.
"""
