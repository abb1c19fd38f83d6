from django.contrib.sitemaps import Sitemap

from .models import CooperationAction


class RecordSitemap(Sitemap):
    """The public record sheets, in every language, each listing its translations (hreflang)."""

    i18n = True
    alternates = True
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return CooperationAction.objects.public().only("pk", "updated_at").order_by("pk")

    def lastmod(self, action):
        return action.updated_at
