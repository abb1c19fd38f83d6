"""The same filter gives the same figures everywhere: the dashboard's figures API, the CSV a citizen
downloads (counted row by row) and the register API's total."""

import csv
import io
from collections import Counter
from decimal import Decimal

import pytest

FILTERS = [
    "",
    "type=alianza",
    "sdg=13",
    "year_from=2023",
    "partner_type=gobierno_internacional&status=en_ejecucion",
    "q=movilidad",
]


def csv_rows(client, query):
    response = client.get(f"/datos/registro.csv?formato=rfc4180&{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def items(figures, key):
    return {item["value"]: item["count"] for item in figures["series"][key]["items"]}


def listed(value):
    return set(value.split(" | ")) if value else set()


def per_record(rows, column):
    """How many records hold each value of a list column (a value counts once per record)."""
    return dict(Counter(value for row in rows for value in listed(row[column])))


def total(rows, column):
    amounts = [Decimal(row[column]) for row in rows if row[column]]
    return {"total": sum(amounts, Decimal(0)), "records": len(amounts)}


@pytest.mark.parametrize("query", FILTERS)
def test_figures_api_csv_and_register_api_agree(client, figures_world, query):
    figures = client.get(f"/api/v1/records/figures/?{query}").json()
    rows = csv_rows(client, query)

    assert figures["actions"] == len(rows) == client.get(f"/api/v1/records/?{query}").json()["count"]
    assert items(figures, "year") == dict(Counter(row["anio"] for row in rows))
    assert items(figures, "type") == dict(Counter(row["tipo"] for row in rows))
    assert items(figures, "status") == dict(Counter(row["estado"] for row in rows))
    assert items(figures, "partner_type") == per_record(rows, "aliados_tipos")
    assert items(figures, "sdg") == per_record(rows, "ods")
    assert figures["partners"] == len({name for row in rows for name in listed(row["aliados"])})
    for currency, column in (("cop", "valor_cop"), ("usd", "valor_usd")):
        resources = figures["resources"][currency]
        assert {"total": Decimal(resources["total"]), "records": resources["records"]} == total(rows, column)


def test_the_comparison_sees_a_difference(client, figures_world):
    """A filter changes both sides: the agreement above is not two empty answers."""
    everything = client.get("/api/v1/records/figures/").json()
    alliances = client.get("/api/v1/records/figures/?type=alianza").json()
    assert everything["actions"] == 4 and alliances["actions"] == 2
    assert Decimal(everything["resources"]["cop"]["total"]) > 0
