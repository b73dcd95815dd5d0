"""HubSpot CRM: the verification (`webhooks.py`) and reading (`events.py`) of its signed v3 webhooks.

The CRM connector proper (contacts by email, profiles, consents) is added with the customer views.
"""
