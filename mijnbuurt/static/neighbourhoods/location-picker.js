/* Location picker: a map under the latitude/longitude inputs of a LocationWidget.
 * Clicking the map fills the inputs; typing coordinates moves the marker. Without
 * this script (or without Leaflet) the inputs work on their own.
 */
(function () {
  "use strict";

  function number(input) {
    var value = parseFloat(input.value);
    return isNaN(value) ? null : value;
  }

  function setUp(picker) {
    if (!window.L) { return; }
    var inputs = picker.querySelectorAll("input[type=number]");
    var latitude = inputs[0];
    var longitude = inputs[1];
    var element = picker.querySelector("[data-location-map]");
    element.hidden = false;
    picker.querySelector("[data-location-hint]").hidden = false;

    var start = [number(latitude), number(longitude)];
    var center = start[0] !== null && start[1] !== null
      ? start
      : [parseFloat(picker.dataset.centerLat), parseFloat(picker.dataset.centerLng)];
    var map = L.map(element).setView(center, start[0] !== null ? 16 : 13);
    L.tileLayer(picker.dataset.tiles, {
      maxZoom: 19,
      attribution: "Kaartgegevens &copy; Kadaster (PDOK, BRT-Achtergrondkaart)"
    }).addTo(map);
    var marker = null;

    function place(latlng) {
      if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
    }
    if (start[0] !== null && start[1] !== null) { place(start); }

    map.on("click", function (event) {
      latitude.value = event.latlng.lat.toFixed(6);
      longitude.value = event.latlng.lng.toFixed(6);
      place(event.latlng);
    });
    [latitude, longitude].forEach(function (input) {
      input.addEventListener("change", function () {
        var lat = number(latitude);
        var lng = number(longitude);
        if (lat !== null && lng !== null) {
          place([lat, lng]);
          map.panTo([lat, lng]);
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-location-picker]").forEach(setUp);
  });
})();
