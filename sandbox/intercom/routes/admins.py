"""`/admins`, `/admins/{id}` and `/me`: the workspace's teammates and the token's owner."""

from __future__ import annotations

from aiohttp import web

from sandbox.intercom.errors import admin_not_found
from sandbox.intercom.responses import json_response
from sandbox.intercom.state import INTERCOM
from sandbox.intercom.views import AVATAR, admin_view


async def list_admins(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    avatar = request.query.get("display_avatar", "false").lower() == "true"
    admins = [admin_view(a, avatar=avatar) for a in state.store.admins.values()]
    return json_response({"type": "admin.list", "admins": admins})


async def get_admin(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    admin = state.store.admins.get(request.match_info["admin_id"])
    if admin is None:
        raise admin_not_found()
    return json_response(admin_view(admin, single=True))


async def me(request: web.Request) -> web.Response:
    state = request.app[INTERCOM]
    admin = state.me
    return json_response(
        {
            "type": "admin",
            "id": admin.id,
            "email": admin.email,
            "name": admin.name,
            "email_verified": True,
            "app": {
                "type": "app",
                "id_code": state.workspace_id,
                "name": state.workspace_name,
                "created_at": state.workspace_created_at,
                "secure": False,
                "identity_verification": False,
                "timezone": "UTC",
                "region": "US",
            },
            "avatar": {"type": "avatar", "image_url": AVATAR},
            "has_inbox_seat": True,
        }
    )


__all__ = ["get_admin", "list_admins", "me"]
