"""The one GeoJSON builder (neighbourhoods.layers): plain data in, plain data out."""

import json

from neighbourhoods.layers import feature, feature_collection, outline, point
from neighbourhoods.models import Neighbourhood

SQUARE = {"type": "Polygon", "coordinates": [[[6.5, 53.0], [6.6, 53.0], [6.6, 53.1], [6.5, 53.0]]]}
MARKUP = '<img src=x onerror="alert(1)"> & Zoon'


def test_feature_keeps_properties_as_data_and_escapes_nothing():
    built = feature(point(6.56, 52.99), id=7, properties={"name": MARKUP, "count": 3})
    assert built == {
        "type": "Feature",
        "id": 7,
        "geometry": {"type": "Point", "coordinates": [6.56, 52.99]},  # longitude first
        "properties": {"name": MARKUP, "count": 3},
    }
    # Serialised, the name is still those characters: the map inserts it as text.
    assert (
        json.loads(json.dumps(feature_collection([built])))["features"][0]["properties"]["name"]
        == MARKUP
    )


def test_feature_without_id_has_no_id_member():
    assert "id" not in feature(SQUARE, properties={})


def test_outline_is_the_boundary_then_extra_features_and_empty_without_a_boundary():
    place = feature(point(6.55, 53.05), properties={"name": "Buurthuis"})
    with_boundary = Neighbourhood(name=MARKUP, boundary=SQUARE)
    assert outline(with_boundary, place) == {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": SQUARE, "properties": {"name": MARKUP}},
            place,
        ],
    }
    assert outline(Neighbourhood(name="Zonder grens", boundary=None)) == {
        "type": "FeatureCollection",
        "features": [],
    }
