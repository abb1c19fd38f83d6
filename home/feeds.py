"""RSS 2.0 and Atom feeds of a news index's news: live, public pages of its language only."""

import uuid

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    route = "rss"

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return f"{index.title} · {_('Bogotá Internacional')}"

    def link(self, index):
        return index.get_url(self.request)

    def feed_url(self, index):
        return index.get_url(self.request) + index.reverse_subpage(self.route)

    def description(self, index):
        return index.introduction or index.search_description or index.title

    def items(self, index):
        return index.news().order_by("-date", "-first_published_at").defer_streamfields()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # Stable whatever the editors change (title, slug, date); one per news item and language.
        return uuid.uuid5(item.translation_key, self.language).urn

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item):
        return _("Oficina Consejería Distrital de Relaciones Internacionales")


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    route = "atom"

    def subtitle(self, index):
        return self.description(index)
