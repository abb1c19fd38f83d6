"""The one place that adapts the `elasticsearch` 8 client to OpenSearch-compatible clusters.

The client announces `application/vnd.elasticsearch+json; compatible-with=8` on every request;
OpenSearch (and the in-memory test server) answer that with 406. This node sends the plain
media types instead. Pass the class itself as `node_class` to `Elasticsearch(...)`.
"""

from elastic_transport import Urllib3HttpNode

_VENDOR_MEDIA_TYPE = "application/vnd.elasticsearch+"


def _plain(value: str) -> str:
    if value.startswith(_VENDOR_MEDIA_TYPE):
        subtype = value[len(_VENDOR_MEDIA_TYPE) :].split(";", 1)[0].strip()
        return f"application/{subtype}"
    return value


class OpenSearchCompatibleNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers:
                    headers[name] = _plain(headers[name])
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
