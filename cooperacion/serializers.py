"""How the register's objects appear inside the pages of Wagtail's API (`/api/v2/pages/`).

Names and links follow the active language, which the pages API sets to each page's own.
"""

from rest_framework import serializers


def absolute(serializer, url):
    request = serializer.context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


class RecordLinkSerializer(serializers.Serializer):
    """A public register record as a page links to it: its id, title and public sheet."""

    id = serializers.IntegerField(source="pk")
    title = serializers.CharField(source="display_title")
    url = serializers.SerializerMethodField()

    def get_url(self, action) -> str:
        return absolute(self, action.get_absolute_url())


class SustainableDevelopmentGoalSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    name = serializers.CharField()


class NamedReferenceSerializer(serializers.Serializer):
    """A thematic table, axis, sector or entity: its id and its name in the active language."""

    id = serializers.IntegerField(source="pk")
    name = serializers.CharField(source="display_name")
