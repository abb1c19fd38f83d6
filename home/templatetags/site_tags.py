from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from wagtail.models import Locale, Page, Site

from home.cache import cached_fragment
from home.models import Footer, TransparencyIndexPage

register = template.Library()

# The site frame (home link, menu, breadcrumbs, language links, footer) is the same for every
# visitor: each piece is made once per content generation (home.cache.cached_fragment) and site,
# language or page, so a page spends its queries on its own content.


def language_home(request):
    """The home page of the active language's tree, looked up once per request."""
    if not hasattr(request, "_language_home"):
        site = Site.find_for_request(request)
        request._language_home = (
            cached_fragment(
                request,
                "home",
                [site.pk, translation.get_language()],
                lambda: site.root_page.localized.specific,
            )
            if site
            else None
        )
    return request._language_home


@register.simple_tag(takes_context=True)
def home_page(context):
    return language_home(context["request"])


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children shown in menus; the section holding the current page is marked."""
    request = context["request"]
    home = language_home(request)
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = []
    if home:
        sections = cached_fragment(
            request, "menu", [home.pk], lambda: list(home.get_children().live().in_menu())
        )
        for item in sections:
            state = None
            if current_path == item.path:
                state = "page"
            elif current_path.startswith(item.path):
                state = "true"
            items.append((item, state))
    return {"home": home, "items": items, "home_current": bool(home) and current_path == home.path}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context["request"]
    home = language_home(request)
    if not isinstance(page, Page) or home is None or page.pk == home.pk:
        return {"ancestors": [], "page": page}
    ancestors = cached_fragment(
        request,
        "breadcrumbs",
        [home.pk, page.pk],
        lambda: list(page.get_ancestors().filter(depth__gte=home.depth).live()),
    )
    return {"ancestors": ancestors, "page": page}


def languages():
    """Each language named in itself, as a switcher should show it."""
    return [(code, capfirst(get_language_info(code)["name_local"])) for code, _name in settings.LANGUAGES]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language: its translation when it has one, else that language's home."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    if not isinstance(page, Page):
        return {
            "links": [
                (code, name, translate_url(request.get_full_path(), code), code == current)
                for code, name in languages()
            ]
        }

    def links():
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        homes = {
            p.locale.language_code: p
            for p in Page.objects.filter(translation_key=language_home(request).translation_key)
            .live()
            .select_related("locale")
        }
        found = []
        for code, name in languages():
            target = translations.get(code) or homes.get(code)
            if target is not None:
                found.append((code, name, target.get_url(request), code == current))
        return found

    site = Site.find_for_request(request)
    return {"links": cached_fragment(request, "languages", [site.pk if site else 0, current, page.pk], links)}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    site = Site.find_for_request(request)

    def footer():
        footer = (
            Footer.objects.filter(locale=Locale.get_active()).first()
            or Footer.objects.filter(locale=Locale.get_default()).first()
        )
        return {
            "footer": footer,
            "policy_links": footer.policy_links() if footer else [],
            "transparency_url": transparency_url(request),
        }

    cached = cached_fragment(request, "footer", [site.pk if site else 0, translation.get_language()], footer)
    return {**cached, "request": request}


def transparency_url(request):
    """The transparency section in the active language (else in the default one), in one query:
    Resolución 1519 de 2020 wants the link on every page."""
    languages = [translation.get_language(), settings.LANGUAGE_CODE]
    sections = {
        page.locale.language_code: page
        for page in TransparencyIndexPage.objects.live()
        .filter(locale__language_code__in=languages)
        .select_related("locale")
        .defer_streamfields()
    }
    for language in languages:
        if language in sections:
            return sections[language].get_url(request)
    return None


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD, from its `structured_data(request)` method, if it has one."""
    page = context.get("page")
    method = getattr(page, "structured_data", None)
    data = method(context["request"]) if method else None
    if not data:
        return ""
    script = json_script({"@context": "https://schema.org", **data}, element_id=None)
    # json_script escapes <, > and & inside the JSON, so the markup stays safe with the other type.
    return mark_safe(script.replace('type="application/json"', 'type="application/ld+json"', 1))
