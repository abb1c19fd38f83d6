"""The register's figures as JSON: what the dashboard shows, for the same parameters."""

from django.utils.translation import gettext as _

from rest_framework.response import Response
from rest_framework.views import APIView

from .figures import figures_filterset, register_figures


class RecordFiguresAPIView(APIView):
    """`GET /api/v1/records/figures/`: key figures, series and Development Plan progress of the
    public records that match the register search's parameters."""

    authentication_classes = []
    permission_classes = []

    def get(self, request):
        filterset = figures_filterset(request.query_params)
        if not filterset.is_valid():
            return Response(
                {"detail": _("Parámetros no válidos."), "errors": filterset.errors.get_json_data()},
                status=400,
            )
        return Response(register_figures(filterset).as_dict())
