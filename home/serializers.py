"""Fields of the site's pages in Wagtail's API (`/api/v2/pages/`) that are not plain model fields."""

from wagtail.images.api.fields import ImageRenditionField

from rest_framework import serializers


def image_rendition(image, filter_spec, alt):
    """An image as the page shows it: a rendition (url, full_url, width, height) with the page's
    alternative text for it ("" when the page treats it as decorative)."""
    if image is None:
        return None
    return {"id": image.pk, **ImageRenditionField(filter_spec).to_representation(image), "alt": alt}


class PageImageField(serializers.Field):
    """The page's image named like this field, as `image_rendition` gives it; `alt(page)` says
    what the page's text for it is."""

    def __init__(self, filter_spec, alt, **kwargs):
        self.filter_spec = filter_spec
        self.alt = alt
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return image_rendition(getattr(page, self.field_name), self.filter_spec, self.alt(page))


class FeedsField(serializers.Field):
    """A news section's RSS, Atom and iCalendar feeds, as absolute addresses."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        request = self.context["request"]
        return {
            name.removesuffix("_url"): request.build_absolute_uri(url)
            for name, url in page.feed_urls(request).items()
        }
