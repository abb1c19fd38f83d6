"""How a good-practice sheet's relations appear in Wagtail's API (`/api/v2/pages/`)."""

from rest_framework import serializers


class MipgPolicySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
