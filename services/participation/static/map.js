/* Procedure page map: plan area, published statements and drawing a point, line or area (no external hosts). */
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var bbox = el.dataset.bbox.split(",").map(Number);
  var map = L.map(el, { attributionControl: true, zoomControl: true });
  map.fitBounds([[bbox[1], bbox[0]], [bbox[3], bbox[2]]]);
  map.attributionControl.setPrefix(false);
  var base = window.GdiBasemap && GdiBasemap(L, el.dataset.basemap ? JSON.parse(el.dataset.basemap) : null);
  if (base) { base.addTo(map); }
  // the plan's own WMS layers (var/plans/<id>.json: zoning, supplementary regulations)
  L.tileLayer.wms(el.dataset.wms, { layers: el.dataset.layers, format: "image/png",
    transparent: true, version: "1.3.0", attribution: "Bebauungsplan: Stadt" }).addTo(map);
  fetch(el.dataset.plan).then(function (r) { return r.ok ? r.json() : null; }).then(function (gj) {
    if (gj && gj.type) { L.geoJSON(gj, { style: { color: "#7a1f1f", weight: 3, fill: false } }).addTo(map); }
  }).catch(function () {});
  fetch(el.dataset.statements).then(function (r) { return r.json(); }).then(function (gj) {
    L.geoJSON(gj, { style: { color: "#0b5394" } }).addTo(map);
  }).catch(function () {});

  var geomInput = document.getElementById("geometry");
  var kindInput = document.getElementById("location_kind");
  var status = document.getElementById("draw-status");
  var mode = null, pts = [], layer = null;
  var names = { point: "Punkt", line: "Linie", area: "Fläche" };

  function redraw(done) {
    if (layer) { map.removeLayer(layer); layer = null; }
    if (!pts.length) { return; }
    if (mode === "point") { layer = L.circleMarker(pts[0], { radius: 9 }); }
    else if (mode === "line") { layer = L.polyline(pts); }
    else { layer = (done || pts.length > 2) ? L.polygon(pts) : L.polyline(pts); }
    layer.addTo(map);
  }
  function store() {
    var c = pts.map(function (p) { return [Number(p.lng.toFixed(7)), Number(p.lat.toFixed(7))]; });
    var g = null;
    if (mode === "point" && c.length === 1) { g = { type: "Point", coordinates: c[0] }; }
    if (mode === "line" && c.length >= 2) { g = { type: "LineString", coordinates: c }; }
    if (mode === "area" && c.length >= 3) { g = { type: "Polygon", coordinates: [c.concat([c[0]])] }; }
    geomInput.value = g ? JSON.stringify(g) : "";
    kindInput.value = g ? mode : "";
    status.textContent = g ? names[mode] + " gewählt (" + c.length + " Punkte)." : "Kein Ort gewählt.";
  }
  document.querySelectorAll("[data-draw]").forEach(function (b) {
    b.addEventListener("click", function () {
      var a = b.dataset.draw;
      if (a === "clear") { pts = []; mode = null; redraw(); store(); return; }
      if (a === "finish") { redraw(true); store(); return; }
      mode = a; pts = []; redraw(); store();
      status.textContent = names[a] + ": tippen Sie in die Karte.";
    });
  });
  map.on("click", function (e) {
    if (!mode) { mode = "point"; }
    if (mode === "point") { pts = [e.latlng]; } else { pts.push(e.latlng); }
    redraw(false); store();
  });
}());
