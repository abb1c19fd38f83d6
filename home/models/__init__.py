from .pages import BasePage, HomePage, StandardPage
from .snippets import Footer

__all__ = ["BasePage", "Footer", "HomePage", "StandardPage"]
