"""The site frame as the browser tests use it: the page's width and the main menu."""


def overflow(page):
    """How many pixels the page is wider than the screen (0 or less: it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def assert_fits(page):
    """Nothing wider than the screen: a phone visitor never scrolls sideways."""
    assert overflow(page) <= 0, f"{page.url} is {overflow(page)}px wider than the screen"


def main_menu(page, name="Navegación principal", button="Menú"):
    """The main menu, opened first where it is folded behind its button (narrow screens)."""
    menu = page.get_by_role("navigation", name=name)
    toggle = menu.get_by_role("button", name=button)
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    return menu
