from .news import EventPage, NewsIndexPage, NewsPage, PublicationPage
from .pages import BasePage, HomePage, StandardPage
from .snippets import Footer

__all__ = [
    "BasePage",
    "EventPage",
    "Footer",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "PublicationPage",
    "StandardPage",
]
