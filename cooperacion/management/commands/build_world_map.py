"""Turn Natural Earth's countries (world-atlas TopoJSON) into the dashboard's world map data.

Run once, when the map should change; the output is committed (cooperacion/data/world_map.json)
and the portal never fetches map data at run time:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python manage.py build_world_map /tmp/package/countries-110m.json

The countries are projected with the Equal Earth projection (equal-area, so a shaded country's
size is honest), each shared border simplified once so that neighbours still meet, coordinates
rounded to whole units of the view box and written as relative SVG path commands.
"""

import json
import math
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

import pycountry

OUTPUT = Path(__file__).resolve().parents[2] / "data" / "world_map.json"
WIDTH = 960
# Douglas-Peucker tolerance, in view box units.
TOLERANCE = 0.6
ANTARCTICA = "010"

SOURCE = (
    "Natural Earth 1:110m Admin 0 countries (version 4.1.0), as TopoJSON in the npm package "
    "world-atlas 2.0.2 (countries-110m.json); projected to Equal Earth, simplified and keyed by "
    "ISO 3166-1 alpha-2 with cooperacion/management/commands/build_world_map.py."
)
LICENCE = (
    "Natural Earth data is in the public domain. world-atlas is distributed under the ISC licence "
    "(Copyright 2013-2019 Michael Bostock)."
)

# Equal Earth (Šavrič, Patterson and Jenny, 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(longitude, latitude):
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, -y


def decode_arcs(topology):
    """The arcs' absolute longitude/latitude points (TopoJSON stores quantized deltas)."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(_unwrapped(x * scale_x + shift_x, y * scale_y + shift_y, points))
        arcs.append(points)
    return arcs


def _unwrapped(longitude, latitude, before):
    """Longitudes made continuous: an arc across the antimeridian goes past ±180 instead of jumping."""
    if before:
        while longitude - before[-1][0] > 180:
            longitude -= 360
        while longitude - before[-1][0] < -180:
            longitude += 360
    return longitude, latitude


def simplify(points, tolerance):
    """Douglas-Peucker on the projected points, keeping both ends (where an arc meets the next)."""
    if len(points) < 3:
        return points
    projected = [equal_earth(*point) for point in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = projected[first], projected[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x0, y0 = projected[index]
            if length:
                gap = abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / length
            else:
                gap = math.hypot(x0 - x1, y0 - y1)
            if gap > distance:
                farthest, distance = index, gap
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_points(ring, arcs):
    """A ring's longitude/latitude points, each arc shifted by 360° where needed to follow on."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        if points:
            shift = round((points[-1][0] - arc[0][0]) / 360) * 360
            points.extend((longitude + shift, latitude) for longitude, latitude in arc[1:])
        else:
            points.extend(arc)
    return points


def split_at_antimeridian(points):
    """The ring's parts on the map: one if it stays within ±180°, else its pieces on either side."""
    low, high = min(x for x, _y in points), max(x for x, _y in points)
    if low >= -180 and high <= 180:
        return [points]
    pieces = []
    for offset in (-360, 0, 360):
        moved = [(x + offset, y) for x, y in points]
        piece = _clip(_clip(moved, -180, keep_above=True), 180, keep_above=False)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


def _clip(points, meridian, keep_above):
    """Sutherland-Hodgman against one meridian; the cut edge follows the meridian's curve."""

    def inside(point):
        return point[0] >= meridian if keep_above else point[0] <= meridian

    clipped = []
    for current, following in zip(points, points[1:] + points[:1], strict=True):
        if inside(current):
            clipped.append(current)
        if inside(current) != inside(following):
            share = (meridian - current[0]) / (following[0] - current[0])
            crossing = (meridian, current[1] + share * (following[1] - current[1]))
            if clipped and clipped[-1][0] == meridian:
                clipped.extend(_along_meridian(meridian, clipped[-1][1], crossing[1]))
            clipped.append(crossing)
    return clipped


def _along_meridian(meridian, start, end, step=2.0):
    count = int(abs(end - start) // step)
    return [(meridian, start + (end - start) * number / (count + 1)) for number in range(1, count + 1)]


def path_of(rings):
    """An SVG path: absolute start of each ring, then whole-unit relative moves."""
    parts = []
    for ring in rings:
        points = []
        for x, y in ring:
            point = (round(x), round(y))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        if len(set(points)) < 3:
            continue
        moves = [
            delta
            for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False)
            for delta in (x2 - x1, y2 - y1)
        ]
        parts.append(f"M{_numbers(points[0])}l{_numbers(moves)}z")
    return "".join(parts)


def _numbers(values):
    """Numbers as SVG reads them: a minus sign separates as well as a comma does."""
    text = ""
    for value in values:
        if text and value >= 0:
            text += ","
        text += str(value)
    return text


class Command(BaseCommand):
    help = "Build cooperacion/data/world_map.json from world-atlas's countries-110m.json (see the module)."

    def add_arguments(self, parser):
        parser.add_argument("topojson", type=Path, help="countries-110m.json from world-atlas 2.0.2")
        parser.add_argument("--output", type=Path, default=OUTPUT)

    def handle(self, *args, topojson, output, **options):
        try:
            topology = json.loads(topojson.read_text())
            geometries = topology["objects"]["countries"]["geometries"]
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"{topojson} is not world-atlas's countries TopoJSON: {error}") from error

        # The whole world's width in Equal Earth units: 2π / (M·A1) at the equator.
        scale = WIDTH / (2 * math.pi / (M * A1))
        arcs = [simplify(arc, TOLERANCE / scale) for arc in decode_arcs(topology)]
        shapes = []
        for geometry in geometries:
            if geometry.get("id") == ANTARCTICA:
                continue
            rings = [
                [equal_earth(*point) for point in piece]
                for polygon in _polygons(geometry)
                for ring in polygon
                for piece in split_at_antimeridian(ring_points(ring, arcs))
            ]
            if rings:
                shapes.append((geometry.get("id"), rings))
        left = -math.pi / (M * A1)
        top = min(y for _id, rings in shapes for ring in rings for _x, y in ring)
        bottom = max(y for _id, rings in shapes for ring in rings for _x, y in ring)
        height = math.ceil((bottom - top) * scale)

        countries, unassigned = {}, []
        for numeric, rings in shapes:
            path = path_of([[((x - left) * scale, (y - top) * scale) for x, y in ring] for ring in rings])
            country = pycountry.countries.get(numeric=numeric) if numeric else None
            if country is None:
                # Kosovo, Northern Cyprus, Somaliland: drawn as land, with no ISO 3166-1 code.
                unassigned.append(path)
            else:
                countries[country.alpha_2] = path

        data = {
            "source": SOURCE,
            "licence": LICENCE,
            "projection": "Equal Earth",
            "width": WIDTH,
            "height": height,
            "countries": dict(sorted(countries.items())),
            "unassigned": unassigned,
        }
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.stdout.write(
            f"{output}: {len(countries)} countries, {len(unassigned)} unassigned shapes, "
            f"{output.stat().st_size:,} bytes, view box {WIDTH}×{height}."
        )


def _polygons(geometry):
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []
