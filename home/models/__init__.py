from .cache import ContentGeneration
from .news import EventPage, NewsIndexPage, NewsPage, PublicationPage
from .pages import BasePage, HomePage, ImageWithAltText, StandardPage
from .snippets import Footer
from .transparency import TransparencyCategoryPage, TransparencyIndexPage, TransparencyItemPage

__all__ = [
    "BasePage",
    "ContentGeneration",
    "EventPage",
    "Footer",
    "HomePage",
    "ImageWithAltText",
    "NewsIndexPage",
    "NewsPage",
    "PublicationPage",
    "StandardPage",
    "TransparencyCategoryPage",
    "TransparencyIndexPage",
    "TransparencyItemPage",
]
