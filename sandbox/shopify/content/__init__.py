"""The shop's content as the Storefront API serves it: pages, blogs, policies, menus, redirects, brand.

Built once per store from the world and its seed (`build_content`), in the three shop languages.
"""
