/* Maps of Mijn buurt Assen: GeoJSON layers on django-leaflet's map.
 *
 * The map container names, in data attributes, the ids of <script type="application/json">
 * elements (Django's json_script) holding the layers to load and an optional outline.
 * Everything the map shows is also on the page as a list, so the map only enhances.
 */
(function () {
  "use strict";

  var STYLES = {
    wijken: { color: "#1f3f73", weight: 3, fillOpacity: 0.05 },
    buurten: { color: "#6b3a99", weight: 1, dashArray: "4 3", fillOpacity: 0.03 },
    outline: { color: "#1f3f73", weight: 3, fillOpacity: 0.1 }
  };

  function readJson(id) {
    var element = id && document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function popupContent(properties) {
    var wrapper = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.name;
    wrapper.appendChild(link);
    var extra = properties.kind || properties.wijk;
    if (extra) {
      var small = document.createElement("div");
      small.textContent = extra;
      wrapper.appendChild(small);
    }
    return wrapper;
  }

  function makeLayer(config, data) {
    return L.geoJSON(data, {
      attribution: config.attribution || "",
      style: STYLES[config.name] || STYLES.outline,
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, {
          radius: 7, color: "#ffffff", weight: 2, fillColor: "#c8102e", fillOpacity: 0.9
        });
      },
      onEachFeature: function (feature, layer) {
        if (feature.properties && feature.properties.url) {
          layer.bindPopup(popupContent(feature.properties));
          layer.bindTooltip(feature.properties.name);
        }
      }
    });
  }

  window.mbMap = function (map) {
    var container = map.getContainer();
    var outline = readJson(container.dataset.outline);
    var layers = readJson(container.dataset.layers) || [];
    var fitted = false;

    if (outline) {
      var outlineLayer = L.geoJSON(outline, {
        attribution: container.dataset.outlineAttribution || "",
        style: STYLES.outline
      }).addTo(map);
      if (outlineLayer.getBounds().isValid()) {
        map.fitBounds(outlineLayer.getBounds(), { padding: [10, 10] });
        fitted = true;
      }
    }
    if (!layers.length) {
      return;
    }
    var control = L.control.layers(null, null, { collapsed: false }).addTo(map);
    layers.forEach(function (config) {
      fetch(config.url, { headers: { Accept: "application/geo+json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.statusText); }
          return response.json();
        })
        .then(function (data) {
          var layer = makeLayer(config, data);
          control.addOverlay(layer, config.label);
          if (config.shown) {
            layer.addTo(map);
            if (!fitted && config.name !== "organisaties" && layer.getBounds().isValid()) {
              map.fitBounds(layer.getBounds());
              fitted = true;
            }
          }
        })
        .catch(function () {
          container.setAttribute("data-layer-error", config.name);
        });
    });
  };
})();
