from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response, credentials):
    """What a locked-out username and address get from the login form: 429, in the admin's look,
    saying for how long (AXES_LOCKOUT_CALLABLE)."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": settings.AXES_COOLOFF_MINUTES,
    }
    response = render(request, "security/lockout.html", context, status=429)
    response["Retry-After"] = str(settings.AXES_COOLOFF_MINUTES * 60)
    return response
