"""What of the media library a visitor may reach: only what a public surface already shows.

Wagtail serves any document whose id and file name are known; the register's authorisation
evidence and private supporting documents are documents too. Every public way to a document (the
API v2 listing, the download URL) reads through these rules.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Q
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from wagtail.api.querysets import get_public_pages_queryset
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex


def used_by_pages(model, pages):
    """The objects of `model` (images, documents) that `pages` use, by Wagtail's reference index."""
    pages = pages.annotate(key=Cast("pk", CharField())).values("key")
    references = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=pages,
            to_content_type=ContentType.objects.get_for_model(model),
        )
        .annotate(target=Cast("to_object_id", BigIntegerField()))
        .values("target")
    )
    return model.objects.filter(pk__in=references)


def used_by_public_pages(model, request):
    """What the API v2 lists: the objects of `model` that the live pages a visitor of the
    request's site may see use."""
    return used_by_pages(model, get_public_pages_queryset(request))


def public_documents():
    """The documents anyone may download: those live pages without a view restriction use, the
    documents of the strategy's archived versions (shown on its public page), and the supporting
    documents the register publishes with a record (`SupportingDocument.objects.published()`)."""
    from cooperacion.models import StrategyPage, StrategyVersion, SupportingDocument

    Document = get_document_model()
    pages = Page.objects.live().public()
    archived = (
        StrategyVersion.objects.filter(page__in=pages.type(StrategyPage))
        .annotate(document=Cast(KT("content__document"), BigIntegerField()))
        .values("document")
    )
    return Document.objects.filter(
        Q(pk__in=used_by_pages(Document, pages).values("pk"))
        | Q(pk__in=archived)
        | Q(pk__in=SupportingDocument.objects.published().values("document"))
    )
