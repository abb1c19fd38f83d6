"""The daily digest of technical-assistance requests that are overdue or due soon: one e-mail to
each assignee with theirs, and one to each of the office's moderators and administrators with all
of them. Cron-friendly: nothing flagged, nothing sent; always exits 0 unless the mail server fails."""

from collections import defaultdict
from datetime import date

from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cooperacion.roles import ADMINISTRATORS, MODERATORS
from desk.models import AssistanceRequest, Flag


class Command(BaseCommand):
    help = "E-mail the technical-assistance requests that are overdue or due soon (docs/desk.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the e-mails instead of sending them."
        )
        parser.add_argument(
            "--today", type=date.fromisoformat, help="Count as if it were this day (YYYY-MM-DD)."
        )

    def handle(self, *args, dry_run=False, today=None, **options):
        today = today or timezone.localdate()
        with translation.override("es"):
            messages = self.messages(today)
            if dry_run:
                for subject, body, _sender, recipients in messages:
                    self.stdout.write(
                        f"Para: {', '.join(recipients)}\nAsunto: {subject}\n\n{body}\n{'-' * 72}"
                    )
            elif messages:
                send_mass_mail(messages)
        self.stdout.write(f"{len(messages)} correos{' (simulación)' if dry_run else ''}.")

    def messages(self, today):
        flagged = {
            Flag.OVERDUE: list(AssistanceRequest.objects.overdue(today).select_related("entity", "assignee")),
            Flag.DUE_SOON: list(
                AssistanceRequest.objects.due_soon(today).select_related("entity", "assignee")
            ),
        }
        if not any(flagged.values()):
            return []
        by_recipient = defaultdict(lambda: {Flag.OVERDUE: [], Flag.DUE_SOON: []})
        for flag, requests in flagged.items():
            for request_obj in requests:
                assignee = request_obj.assignee
                if assignee is not None and assignee.is_active and assignee.email:
                    by_recipient[assignee.email][flag].append(request_obj)
        for email in self.office_heads():
            by_recipient[email] = flagged  # the whole list replaces their own
        return [self.message(email, lists, today) for email, lists in sorted(by_recipient.items())]

    def office_heads(self):
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(groups__name=MODERATORS) | Q(groups__name=ADMINISTRATORS))
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )

    def message(self, email, lists, today):
        overdue, due_soon = lists[Flag.OVERDUE], lists[Flag.DUE_SOON]
        subject = _("Mesa de entidades: %(overdue)s vencidas y %(soon)s por vencer") % {
            "overdue": len(overdue),
            "soon": len(due_soon),
        }
        body = render_to_string(
            "desk/email/digest.txt", {"overdue": overdue, "due_soon": due_soon, "today": today}
        )
        return subject, body, None, [email]
