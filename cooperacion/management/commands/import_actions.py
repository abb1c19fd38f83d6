"""`manage.py import_actions FILE`: import the legacy register from an .xlsx or .csv file."""

import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tqdm import tqdm

from cooperacion.importer import ImportFileError, import_actions

PHASES = {
    "read": _("Leyendo el archivo"),
    "parse": _("Revisando las celdas"),
    "validate": _("Validando"),
    "write": _("Guardando"),
}
# Below this many rows the progress bars only add noise.
PROGRESS_THRESHOLD = 500


class Command(BaseCommand):
    help = (
        "Importa acciones de cooperación desde una hoja de cálculo del registro anterior (.xlsx o .csv). "
        "Todo o nada: si alguna fila se rechaza no se guarda nada, salvo con --accept-partial. "
        "Ver docs/import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Archivo .xlsx o .csv con el formato del registro anterior.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Valida y muestra el informe sin guardar nada."
        )
        parser.add_argument(
            "--accept-partial",
            action="store_true",
            help="Guarda las filas válidas aunque haya filas rechazadas.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publica los registros importados (si no, quedan como borradores).",
        )
        parser.add_argument(
            "--user",
            help="Nombre de usuario al que se atribuyen las revisiones y el historial (opcional).",
        )

    def handle(self, *args, **options):
        user = None
        if options["user"]:
            try:
                user = get_user_model()._default_manager.get_by_natural_key(options["user"])
            except get_user_model().DoesNotExist as error:
                raise CommandError(
                    gettext("No existe el usuario «%(user)s».") % {"user": options["user"]}
                ) from error

        bars = {}

        def progress(phase, done, total):
            """One tqdm bar per phase, on stderr, for files big enough to wait for."""
            if (total if total is not None else done) < PROGRESS_THRESHOLD:
                return
            bar = bars.get(phase)
            if bar is None:
                for other in bars.values():
                    other.close()  # the previous phase is over
                bar = bars[phase] = tqdm(
                    total=total, desc=str(PHASES.get(phase, phase)), unit=" filas", file=sys.stderr
                )
            bar.update(done - bar.n)

        try:
            report = import_actions(
                options["file"],
                dry_run=options["dry_run"],
                accept_partial=options["accept_partial"],
                publish=options["publish"],
                user=user,
                progress=progress,
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        except Exception as error:
            # The transaction rolled back: say so (--traceback shows where it failed).
            raise CommandError(
                gettext("La importación se interrumpió y no se guardó nada: %(error)s") % {"error": error}
            ) from error
        finally:
            for bar in bars.values():
                bar.close()

        self.print_report(report)

        if report.file_errors:
            raise CommandError(gettext("El archivo no tiene el formato del registro: no se importó nada."))
        if report.dry_run:
            if report.rejected and not report.accept_partial:
                raise CommandError(
                    gettext(
                        "Simulación (--dry-run): se rechazarían %(rejected)s de %(total)s filas, y una "
                        "importación real no guardaría nada."
                    )
                    % {"rejected": report.rejected, "total": report.total}
                )
            if not report.valid:
                # No data rows, or (with --accept-partial) none valid: a real import would fail too.
                raise CommandError(
                    gettext(
                        "Simulación (--dry-run): ninguna fila es válida, y una importación real no "
                        "guardaría nada."
                    )
                )
            self.stdout.write(gettext("Simulación (--dry-run): no se guardó nada."))
            return
        if not report.written:
            if report.rejected and report.accept_partial:
                raise CommandError(gettext("Ninguna fila es válida: no se guardó nada."))
            if report.rejected:
                raise CommandError(
                    gettext(
                        "Se rechazaron %(rejected)s de %(total)s filas: no se guardó nada. Corrija el archivo, "
                        "o use --accept-partial para guardar solo las filas válidas."
                    )
                    % {"rejected": report.rejected, "total": report.total}
                )
            raise CommandError(gettext("El archivo no tiene filas de datos: no se guardó nada."))
        if report.publish:
            message = gettext(
                "Importación guardada: %(created)s creadas, %(updated)s actualizadas, "
                "%(partners)s aliados nuevos, publicadas."
            )
        else:
            message = gettext(
                "Importación guardada: %(created)s creadas, %(updated)s actualizadas, "
                "%(partners)s aliados nuevos, como borradores."
            )
        values = {"created": report.created, "updated": report.updated, "partners": len(report.new_partners)}
        self.stdout.write(self.style.SUCCESS(message % values))

    def print_report(self, report):
        write = self.stdout.write
        for error in report.file_errors:
            write(self.style.ERROR(gettext("Archivo · %(column)s: %(message)s") % error.__dict__))
        rejected = [row for row in report.rejected_rows if row.errors]
        if rejected:
            write(self.style.WARNING(gettext("Filas rechazadas:")))
            for row in rejected:
                for error in row.errors:
                    write(
                        gettext("  Fila %(row)s · %(column)s: %(message)s")
                        % {"row": row.row, "column": error.column, "message": error.message}
                    )
        notes = [row for row in report.rows if row.note]
        if notes:
            write(gettext("Observaciones:"))
            for row in notes:
                write(
                    gettext("  Fila %(row)s (%(id)s): %(note)s")
                    % {"row": row.row, "id": row.external_id, "note": row.note}
                )
        if report.new_partners:
            write(gettext("Aliados nuevos:"))
            for partner in report.new_partners:
                write(
                    gettext("  %(name)s · %(type)s · %(country)s (filas %(rows)s)")
                    % {
                        "name": partner.name,
                        "type": partner.partner_type_label,
                        "country": partner.country_name or "—",
                        "rows": partner.rows_summary,
                    }
                )
        write(
            gettext(
                "Totales: %(rows)s filas · %(created)s creadas · %(updated)s actualizadas · "
                "%(rejected)s rechazadas · %(new_partners)s aliados nuevos · %(blank_rows)s filas vacías omitidas"
            )
            % report.totals()
        )
