"""iCalendar (RFC 5545) for events, written by hand: a calendar is a few lines of text.

Times are written in UTC (`…Z`), which every client converts to its own zone, so no VTIMEZONE
component is needed; `X-WR-TIMEZONE` tells clients that care that the events are Bogotá's.
"""

from datetime import UTC

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

PRODUCT_ID = "-//Bogota Internacional//Portal//ES"
LINE_OCTETS = 75


def escape_text(value):
    """A TEXT value (RFC 5545 §3.3.11): backslashes, semicolons, commas and newlines escaped."""
    value = str(value or "")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line):
    """Split a content line into 75-octet lines (§3.1), never inside a UTF-8 character."""
    pieces, current, limit = [], b"", LINE_OCTETS
    for character in line:
        encoded = character.encode("utf-8")
        if len(current) + len(encoded) > limit:
            pieces.append(current.decode("utf-8"))
            # Continuation lines begin with a space, which counts towards their 75 octets.
            current, limit = b"", LINE_OCTETS - 1
        current += encoded
    pieces.append(current.decode("utf-8"))
    return "\r\n ".join(pieces)


def utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, request):
    modified = event.last_published_at or timezone.now()
    description = [event.introduction]
    if event.online_url:
        description.append(event.online_url)
    if event.registration_instructions:
        description.append(event.registration_instructions)
    if event.registration_url:
        description.append(event.registration_url)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.calendar_uid(request)}",
        f"DTSTAMP:{utc(modified)}",
        f"LAST-MODIFIED:{utc(modified)}",
        f"DTSTART:{utc(event.start_at)}",
        f"DTEND:{utc(event.end_at)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"LOCATION:{escape_text(event.location_text)}",
        f"URL:{event.get_full_url(request)}",
        f"DESCRIPTION:{escape_text(chr(10).join(part for part in description if part))}",
        "END:VEVENT",
    ]
    return lines


def calendar(request, name, events):
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{settings.TIME_ZONE}",
    ]
    for event in events:
        lines.extend(event_lines(event, request))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar_response(request, name, events, filename, attachment=False):
    """A calendar to subscribe to (inline) or one event to download (`attachment=True`)."""
    response = HttpResponse(calendar(request, name, events), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
