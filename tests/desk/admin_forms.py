"""The desk's admin forms as the browser posts them."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cooperacion.models import ThematicTable


def request_url(name, *args):
    return reverse(f"wagtailsnippets_desk_assistancerequest:{name}", args=args)


def plan_url(name, *args):
    return reverse(f"wagtailsnippets_desk_prioritiesplan:{name}", args=args)


def request_form(entity=None, existing=None, attachments=(), **fields):
    """A request's form; `existing` keeps its saved values for what `fields` does not change."""
    data = {
        "entity": entity.pk if entity else "",
        "modality": "concepto",
        "topic": "Memorando con una ciudad aliada",
        "description": "Necesitamos orientación sobre el borrador.",
        "requester_name": "Persona de prueba",
        "requester_email": "solicitante@example.org",
        "attachments": inline_formset(list(attachments), initial=len(attachments) if existing else 0),
    }
    if existing is not None:
        data.update(
            entity=existing.entity_id,
            modality=existing.modality,
            topic=existing.topic,
            description=existing.description,
            requester_name=existing.requester_name,
            requester_email=existing.requester_email,
            received_on=existing.received_on.isoformat(),
            assignee=existing.assignee_id or "",
            answer=existing.answer,
            answered_on=existing.answered_on.isoformat() if existing.answered_on else "",
            closed_on=existing.closed_on.isoformat() if existing.closed_on else "",
        )
    data.update(fields)
    return nested_form_data(data)


def plan_form(sector, year=2026, status="borrador", priorities=None, initial=0, **fields):
    theme = ThematicTable.objects.order_by("pk").first()
    priorities = (
        priorities
        if priorities is not None
        else [{"need": "Intercambio sobre jornada única", "theme": theme.pk}]
    )
    return nested_form_data(
        {
            "sector": sector.pk,
            "year": year,
            "status": status,
            "priorities": inline_formset(priorities, initial=initial),
            **fields,
        }
    )
