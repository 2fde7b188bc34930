"""The "SEiSMiC" group in the Wagtail admin menu.

Every app of the package puts its admin views in one menu group. A viewset joins the group by setting
``menu_hook = SEISMIC_MENU_HOOK`` (or mixing in :class:`SeismicMenuMixin`); a plain menu item can join with
``@hooks.register(SEISMIC_MENU_HOOK)``. The group hides itself when a user can see none of its items.
A site can reorder or drop items with the ``construct_seismic_menu`` hook, as it would for the main menu.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, SubmenuMenuItem

SEISMIC_MENU_HOOK = "register_seismic_menu_item"
SEISMIC_MENU_CONSTRUCT_HOOK = "construct_seismic_menu"

seismic_menu = Menu(register_hook_name=SEISMIC_MENU_HOOK, construct_hook_name=SEISMIC_MENU_CONSTRUCT_HOOK)


class SeismicMenuMixin:
    """Put a viewset's menu item in the SEiSMiC group instead of the main menu or the Snippets menu."""

    menu_hook = SEISMIC_MENU_HOOK


def seismic_menu_item():
    """The main-menu item that opens the SEiSMiC group."""
    return SubmenuMenuItem(_("SEiSMiC"), seismic_menu, name="seismic", icon_name="site", order=250)
