/* Location picker: a map under the address input of a LocationWidget.
 * Clicking the map fills the hidden latitude/longitude inputs; typing another address
 * clears them (the server looks the address up). Without this script (or without
 * Leaflet) the address input works on its own.
 */
(function () {
  "use strict";

  function number(input) {
    var value = parseFloat(input.value);
    return isNaN(value) ? null : value;
  }

  function setUp(picker) {
    if (!window.L) { return; }
    var latitude = picker.querySelector("[data-location-latitude]");
    var longitude = picker.querySelector("[data-location-longitude]");
    var address = picker.querySelector("input[type=text]");
    var status = picker.querySelector("[data-location-status]");
    var clearRow = picker.querySelector("[data-location-clear-row]");
    var element = picker.querySelector("[data-location-map]");
    element.hidden = false;
    picker.querySelector("[data-location-hint]").hidden = false;

    var start = [number(latitude), number(longitude)];
    var chosen = start[0] !== null && start[1] !== null;
    var center = chosen
      ? start
      : [parseFloat(picker.dataset.centerLat), parseFloat(picker.dataset.centerLng)];
    var map = L.map(element).setView(center, chosen ? 16 : 13);
    L.tileLayer(picker.dataset.tiles, {
      maxZoom: 19,
      attribution: "Kaartgegevens &copy; Kadaster (PDOK, BRT-Achtergrondkaart)"
    }).addTo(map);
    var marker = null;

    function show(isChosen) {
      status.hidden = !isChosen;
      clearRow.hidden = !isChosen;
    }
    function place(latlng) {
      if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
      show(true);
    }
    function clear() {
      latitude.value = "";
      longitude.value = "";
      if (marker) { map.removeLayer(marker); marker = null; }
      show(false);
    }
    if (chosen) { place(start); }

    function choose(latlng) {
      latitude.value = latlng.lat.toFixed(6);
      longitude.value = latlng.lng.toFixed(6);
      place(latlng);
    }
    map.on("click", function (event) { choose(event.latlng); });
    // A keyboard has no click: the arrow keys move the focused map (Leaflet), and Enter
    // or Space chooses its centre. Only on the map itself, not on its zoom buttons.
    element.addEventListener("keydown", function (event) {
      if (event.target !== element || (event.key !== "Enter" && event.key !== " ")) { return; }
      event.preventDefault();
      choose(map.getCenter());
    });
    if (address) {
      // A new address replaces the point: the server looks it up when the form is sent.
      address.addEventListener("input", clear);
    }
    picker.querySelector("[data-location-clear]").addEventListener("click", function () {
      clear();
      if (address) { address.value = ""; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-location-picker]").forEach(setUp);
  });
})();
