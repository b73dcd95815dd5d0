"""Intercom: the verification (`webhooks.py`) and reading (`events.py`) of its `X-Hub-Signature` webhooks.

The conversations connector proper is added with the chat views.
"""
