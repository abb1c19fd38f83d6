"""The Content-Security-Policy of each part of the site."""

from django.conf import settings

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware


class SectionCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with two additions: a path under a prefix of CONTENT_SECURITY_POLICY_SECTIONS gets that
    section's directives instead of the public ones, and frame-ancestors follows X-Frame-Options,
    so the only responses another page may frame are those Wagtail marks SAMEORIGIN (the preview
    in the page editor), and only the portal's own pages may frame them."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        policy = (
            settings.CONTENT_SECURITY_POLICY_REPORT_ONLY if report_only else settings.CONTENT_SECURITY_POLICY
        )
        if not policy:
            return parts  # this header (enforced or report-only) is off
        if parts.config is None:
            for prefix, directives in settings.CONTENT_SECURITY_POLICY_SECTIONS.items():
                if request.path_info.startswith(prefix):
                    parts.config = directives
                    break
        same_origin = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
        parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF if same_origin else NONE]}
        return parts
