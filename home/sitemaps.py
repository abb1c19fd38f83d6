from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    """Every live public page of every language, each with links to its translations (hreflang)."""

    def items(self):
        if not hasattr(self, "_pages"):
            root = self.get_wagtail_site().root_page
            trees = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
            query = Page.objects.none()
            for path in trees:
                query |= Page.objects.filter(path__startswith=path)
            self._pages = list(
                query.live()
                .public()
                .order_by("path")
                .select_related("locale")
                .defer_streamfields()
                .specific()
            )
        return self._pages

    def _urls(self, page, protocol, domain):
        translations = {}
        for item in self.items():
            translations.setdefault(item.translation_key, []).append(
                {"lang_code": item.locale.language_code, "location": item.get_full_url(self.request)}
            )
        urls = []
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                alternates = translations[item.translation_key]
                if len(alternates) > 1:
                    url_info["alternates"] = alternates
                urls.append(url_info)
        return urls
