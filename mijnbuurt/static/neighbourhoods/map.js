/* Maps of Mijn buurt Assen: GeoJSON layers on django-leaflet's map.
 *
 * Each map container ([data-mb-map]) names, in data attributes, the ids of
 * <script type="application/json"> elements (Django's json_script) holding django-leaflet's
 * options, the layers to load and an optional outline. The map starts from this file, not
 * from an inline script, so the Content-Security-Policy can forbid inline scripts.
 * Everything the map shows is also on the page as a list, so the map only enhances.
 *
 * Names and other strings from data are inserted as text (textContent, DOM nodes), never
 * as HTML: tooltips and popups get DOM elements, and the few Leaflet controls that only
 * take HTML strings (layer labels, attributions) get escaped text.
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

  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

  /* For the Leaflet controls that take only an HTML string. */
  function escapeHtml(text) {
    return String(text || "").replace(/[&<>"']/g, function (character) {
      return ENTITIES[character];
    });
  }

  function tooltipContent(properties) {
    var element = document.createElement("span");
    element.textContent = properties.name;
    return element;
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

  /* Leaflet listens for focus on a shape with a tooltip, which makes Chromium put every
   * shape in the tab order: hundreds of stops that show nothing. A keyboard reaches the
   * same places through the list beside the map, so the shapes stay mouse and touch
   * targets only. */
  function outOfTabOrder(event) {
    var element = event.target.getElement && event.target.getElement();
    if (element) { element.setAttribute("tabindex", "-1"); }
  }

  function makeLayer(config, data) {
    return L.geoJSON(data, {
      attribution: escapeHtml(config.attribution),
      style: STYLES[config.name] || STYLES.outline,
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, {
          radius: 7, color: "#ffffff", weight: 2, fillColor: "#c8102e", fillOpacity: 0.9
        });
      },
      onEachFeature: function (feature, layer) {
        if (feature.properties && feature.properties.url) {
          layer.bindPopup(function () { return popupContent(feature.properties); });
          layer.bindTooltip(function () { return tooltipContent(feature.properties); });
          layer.on("add", outOfTabOrder);
        }
      }
    });
  }

  function addLayers(map) {
    var container = map.getContainer();
    var outline = readJson(container.dataset.outline);
    var layers = readJson(container.dataset.layers) || [];
    var fitted = false;

    if (outline) {
      var outlineLayer = L.geoJSON(outline, {
        attribution: escapeHtml(container.dataset.outlineAttribution),
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
          control.addOverlay(layer, escapeHtml(config.label));
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
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.L) { return; }
    document.querySelectorAll("[data-mb-map]").forEach(function (container) {
      L.Map.djangoMap(container.id, {
        djoptions: readJson(container.dataset.options),
        globals: false,
        callback: addLayers
      });
    });
  });
})();
