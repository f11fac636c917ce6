/* Viewer tools: 2D/3D switch, measuring, sun position and shadows, keyboard navigation of the map, Escape. */
(function () {
  "use strict";
  var G = window.gdiViewer;
  if (!G || !G.viewer) return;
  var viewer = G.viewer, scene = viewer.scene, camera = viewer.camera, T = G.cfg.texts, $ = G.$;
  var h = G.initialHash;

  // ---- 2D / 3D ----
  // Cesium draws no 3D Tiles in SceneMode.SCENE2D (the buildings vanished), so the 2D view is a map-like
  // view of the 3D scene: the camera looks straight down through an orthographic frustum (no perspective:
  // roofs as in a plan, sizes independent of the distance) and tilting is locked. The buildings, picking and
  // measuring stay those of the 3D scene. Share links keep "mode=2d".
  var modeBtn = $("btn-mode"), ctl = scene.screenSpaceCameraController;
  function syncModeButton() {
    modeBtn.textContent = G.topDown ? T.mode_3d : T.mode_2d;
    modeBtn.setAttribute("aria-pressed", "false");
  }
  function centreTarget() {
    // the ground point in the middle of the view (or below the camera when the view shows sky)
    // on the terrain mesh where it is drawn (the DGM lies 75-195 m above the ellipsoid), else the ellipsoid
    var c = new Cesium.Cartesian2(viewer.canvas.clientWidth / 2, viewer.canvas.clientHeight / 2);
    var ray = camera.getPickRay(c), p = ray ? scene.globe.pick(ray, scene) : undefined;
    if (!Cesium.defined(p)) { p = camera.pickEllipsoid(c, scene.globe.ellipsoid); }
    var carto = Cesium.defined(p) ? Cesium.Cartographic.fromCartesian(p) : camera.positionCartographic.clone();
    if (!Cesium.defined(p)) { carto.height = scene.globe.getHeight(carto) || 0; }
    var range = Cesium.defined(p) ? Cesium.Cartesian3.distance(camera.positionWC, p) : camera.positionCartographic.height;
    return { carto: carto, range: Math.max(range, 50) };
  }
  function setTopDown(on, keepPosition) {
    var t = centreTarget(), heading = camera.heading;
    G.topDown = on;
    ctl.enableTilt = !on; ctl.enableLook = !on;
    if (on) {
      var pos = keepPosition ? camera.positionCartographic.clone() :
        new Cesium.Cartographic(t.carto.longitude, t.carto.latitude, t.carto.height + t.range);
      var fov = camera.frustum.fov || Cesium.Math.toRadians(60);
      camera.switchToOrthographicFrustum();
      camera.setView({ destination: Cesium.Cartesian3.fromRadians(pos.longitude, pos.latitude, pos.height),
        orientation: { heading: heading, pitch: -Cesium.Math.PI_OVER_TWO, roll: 0 } });
      // the width the perspective view had at that distance: Cesium derives it from a depth/globe pick of
      // the old view, which on a busy machine (tiles or depth not ready) came out kilometres wide
      if (camera.frustum instanceof Cesium.OrthographicFrustum) {
        camera.frustum.width = 2 * Math.max(pos.height - t.carto.height, 50) * Math.tan(fov / 2);
      }
    } else {
      camera.switchToPerspectiveFrustum();
      // back in 3D: the same place seen obliquely, so the heights show at once
      camera.lookAt(Cesium.Cartographic.toCartesian(t.carto),
        new Cesium.HeadingPitchRange(heading, Cesium.Math.toRadians(-45), t.range * 1.2));
      camera.lookAtTransform(Cesium.Matrix4.IDENTITY);
    }
    syncModeButton();
    scene.requestRender();
    G.updateHash();
  }
  G.setTopDown = setTopDown;
  modeBtn.addEventListener("click", function () { setTopDown(!G.topDown, false); });
  if (h.mode === "2d") { setTopDown(true, true); } else { syncModeButton(); }

  // ---- measuring distances and heights ----
  var measureBtn = $("btn-measure"), out = $("measure-result");
  var points = [], entities = [];
  function clearMeasure() {
    entities.forEach(function (e) { viewer.entities.remove(e); }); entities = []; points = [];
    scene.requestRender();
  }
  // the hint and the result lie over the map (#measure-result is an overlay of #map): on a phone the panel
  // is below the map, out of sight while one taps the points
  function setMeasuring(on, announce) {
    G.measuring = on;
    measureBtn.setAttribute("aria-pressed", String(on));
    clearMeasure();
    out.textContent = on ? T.measure_help : "";
    if (!on && announce) G.status(T.measure_off);
    if (on) {
      var r = $("map").getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) $("map").scrollIntoView({ block: "nearest" });
    }
  }
  G.endMeasure = function () { if (G.measuring) setMeasuring(false, true); };
  measureBtn.addEventListener("click", function () { setMeasuring(!G.measuring, true); });
  function pointAt(pos) {
    // on a building: the depth-buffer position (roof, wall); on the ground: the ray's hit on the terrain's
    // triangles (globe.pick: exact on the DGM mesh, free of depth-buffer imprecision; on the ellipsoid
    // when no terrain is served), else the ellipsoid (ground tiles not drawn yet)
    var hit = scene.pick(pos), p;
    if (hit instanceof Cesium.Cesium3DTileFeature && scene.pickPositionSupported) { p = scene.pickPosition(pos); }
    if (!Cesium.defined(p)) { var ray = camera.getPickRay(pos); if (ray) { p = scene.globe.pick(ray, scene); } }
    if (!Cesium.defined(p)) { p = camera.pickEllipsoid(pos, scene.globe.ellipsoid); }
    return p;
  }
  function measure(a, b) {
    var ca = Cesium.Cartographic.fromCartesian(a), cb = Cesium.Cartographic.fromCartesian(b);
    var geod = new Cesium.EllipsoidGeodesic(ca, cb);
    var horiz = geod.surfaceDistance, vert = cb.height - ca.height;
    return { distance: Math.sqrt(horiz * horiz + vert * vert), horizontal: horiz, vertical: vert };
  }
  G.measureBetween = measure;
  G.measureClick = function (pos) {
    var p = pointAt(pos);
    if (!Cesium.defined(p)) return;
    if (points.length === 2) clearMeasure();
    points.push(p);
    entities.push(viewer.entities.add({ position: p, point: { pixelSize: 9, color: Cesium.Color.fromCssColorString("#c25700"),
      outlineColor: Cesium.Color.WHITE, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY } }));
    scene.requestRender();
    if (points.length === 1) { out.textContent = T.measure_first; return; }
    entities.push(viewer.entities.add({ polyline: { positions: points.slice(), width: 3,
      material: Cesium.Color.fromCssColorString("#c25700"), depthFailMaterial: Cesium.Color.fromCssColorString("#c25700") } }));
    var m = measure(points[0], points[1]);
    var nf = function (v) { return (Math.round(v * 10) / 10).toLocaleString(G.cfg.lang === "en" ? "en-GB" : "de-DE"); };
    G.lastMeasure = m;
    out.textContent = G.fmt(T.measure_result, { d: nf(m.distance), h: nf(m.horizontal), v: nf(Math.abs(m.vertical)) });
  };

  // ---- sun position and shadows (local time in Hildesheim: CET/CEST) ----
  var dateIn = $("sun-date"), timeIn = $("sun-time"), timeOut = $("sun-time-out"), shadowCb = $("sun-shadows");
  function lastSunday(year, month) {   // month 0-based; UTC date of the last Sunday
    var d = new Date(Date.UTC(year, month + 1, 0)); d.setUTCDate(d.getUTCDate() - d.getUTCDay()); return d;
  }
  function berlinOffsetHours(year, month, day, minutes) {
    var t = Date.UTC(year, month, day, 0, minutes);
    var start = lastSunday(year, 2).getTime() + 2 * 3600e3, end = lastSunday(year, 9).getTime() + 3 * 3600e3;
    return (t >= start && t < end) ? 2 : 1;
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function applySun() {
    var parts = (dateIn.value || "").split("-").map(Number);
    if (parts.length !== 3 || !parts.every(isFinite)) return;
    var minutes = Number(timeIn.value);
    var off = berlinOffsetHours(parts[0], parts[1] - 1, parts[2], minutes);
    var utc = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], 0, minutes) - off * 3600e3);
    viewer.clock.currentTime = Cesium.JulianDate.fromDate(utc);
    var label = pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
    timeOut.textContent = label;
    timeIn.setAttribute("aria-valuetext", label);
    G.sunTime = dateIn.value + "T" + label;
    G.shadowsOn = shadowCb.checked;
    viewer.shadows = shadowCb.checked;
    var mode = shadowCb.checked ? Cesium.ShadowMode.ENABLED : Cesium.ShadowMode.DISABLED;
    if (G.tileset) G.tileset.shadows = mode;
    Object.keys(G.planned).forEach(function (k) { G.planned[k].shadows = mode; });
    scene.globe.enableLighting = shadowCb.checked;
    viewer.terrainShadows = shadowCb.checked ? Cesium.ShadowMode.RECEIVE_ONLY : Cesium.ShadowMode.DISABLED;
    if (shadowCb.checked) { viewer.shadowMap.softShadows = false; viewer.shadowMap.maximumDistance = 5000; }
    scene.requestRender();
  }
  var init = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(h.time || "");
  if (init) {
    dateIn.value = init[1]; timeIn.value = String(Number(init[2]) * 60 + Number(init[3]));
  } else {
    var now = new Date();
    dateIn.value = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    timeIn.value = String(Math.min(1425, Math.round((now.getHours() * 60 + now.getMinutes()) / 15) * 15));
  }
  shadowCb.checked = h.shadows === "1";
  [dateIn, timeIn, shadowCb].forEach(function (el) {
    el.addEventListener("input", function () { applySun(); });
    el.addEventListener("change", function () { applySun(); G.updateHash(); });
  });
  applySun();
  if (!init && !shadowCb.checked) { G.sunTime = null; }

  // ---- kiosk (town hall touchscreen): ?kiosk=1[&idle=seconds] — no share link, back home when idle ----
  var q = new URLSearchParams(location.search);
  if (q.get("kiosk") === "1") {
    document.body.classList.add("kiosk");
    $("btn-share").hidden = true;
    var idleMs = Math.max(2, Number(q.get("idle")) || 180) * 1000, timer = null;
    var reset = function () {
      setMeasuring(false, false);
      G.clearSelection();
      G.flyHome(0);
      G.kioskResets = (G.kioskResets || 0) + 1;
    };
    var poke = function () { clearTimeout(timer); timer = setTimeout(reset, idleMs); };
    ["pointerdown", "keydown", "wheel", "touchstart"].forEach(function (ev) {
      document.addEventListener(ev, poke, { passive: true, capture: true });
    });
    poke();
  }

  // ---- keyboard navigation of the map (canvas has focus) ----
  G.viewer.canvas.addEventListener("keydown", function (ev) {
    var height = camera.positionCartographic.height;
    var step = Math.max(5, height * 0.08);
    var ang = Cesium.Math.toRadians(5);
    var done = true;
    switch (ev.key) {
      case "ArrowUp": moveHorizontal(0, step); break;
      case "ArrowDown": moveHorizontal(0, -step); break;
      case "ArrowLeft": moveHorizontal(-step, 0); break;
      case "ArrowRight": moveHorizontal(step, 0); break;
      case "+": case "=": camera.zoomIn(height * 0.2); break;
      case "-": case "_": camera.zoomOut(height * 0.25); break;
      case "PageUp": if (!G.topDown) camera.lookUp(ang); break;     // the 2D view stays straight down
      case "PageDown": if (!G.topDown) camera.lookDown(ang); break;
      case "q": case "Q": rotate(-ang); break;
      case "e": case "E": rotate(ang); break;
      case "Enter": case " ": G.pickCentre(); break;
      default: done = false;
    }
    if (done) { ev.preventDefault(); G.updateHash(); }
  });
  function moveHorizontal(right, forward) {
    // move along the ground, independent of the camera's pitch
    var c = camera.positionCartographic, hd = camera.heading;
    var dNorth = forward * Math.cos(hd) - right * Math.sin(hd);
    var dEast = forward * Math.sin(hd) + right * Math.cos(hd);
    var R = 6378137.0;
    var lat = c.latitude + dNorth / R, lon = c.longitude + dEast / (R * Math.cos(c.latitude));
    camera.setView({ destination: Cesium.Cartesian3.fromRadians(lon, lat, c.height),
      orientation: { heading: camera.heading, pitch: camera.pitch, roll: camera.roll } });
  }
  function rotate(a) {
    camera.setView({ orientation: { heading: camera.heading + a, pitch: camera.pitch, roll: camera.roll } });
  }

  // ---- Escape: end measuring, clear the selected building and its information (anywhere on the page) ----
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape" && ev.key !== "Esc") return;
    var busy = G.measuring || G.selected;
    G.endMeasure();
    G.clearSelection();
    if (busy && document.activeElement === viewer.canvas) ev.preventDefault();
  });
})();
