/* Kiosk: screens, on-screen German keyboard (with § @ € … and a movable cursor), location tap, 3D view,
   submit, idle warning ("Noch da?" with a countdown) and reset, information screens (accessibility, imprint,
   privacy) instead of links.
   Nothing is stored on the device: no localStorage, no cookies besides the server's session id,
   and every reset reloads the page with location.replace (no history entry to go back to). */
(function () {
  "use strict";
  var app = document.getElementById("app");
  var cfg = app.dataset;
  var idleMs = Math.max(10, Number(cfg.idle)) * 1000;         // no touch this long: reset
  var warnMs = Math.min(Number(cfg.warn) * 1000, idleMs / 2);  // the last part of it: the warning counts down
  var state = { geometry: null, shift: false, big: false };
  var text = document.getElementById("k-text");

  // -- no way out --------------------------------------------------------------------------
  document.addEventListener("contextmenu", function (e) { e.preventDefault(); });
  document.addEventListener("dragstart", function (e) { e.preventDefault(); });
  window.history.pushState(null, "", window.location.href);
  window.addEventListener("popstate", function () { window.history.pushState(null, "", window.location.href); });
  // libraries render links of their own (CesiumJS's credit logo opens a new window with target=_blank):
  // every link, form target and window.open is made inert, now and whenever something is added later
  window.open = function () { return null; };
  function inert(root) {
    var els = root.querySelectorAll ? root.querySelectorAll("a[href], area[href], [target], form[action]") : [];
    var list = Array.prototype.slice.call(els);
    if (root.matches && root.matches("a[href], area[href], [target], form[action]")) { list.push(root); }
    list.forEach(function (el) {
      el.removeAttribute("href"); el.removeAttribute("target"); el.removeAttribute("action");
      if (el.tagName === "A" || el.tagName === "AREA") { el.setAttribute("tabindex", "-1"); el.setAttribute("aria-disabled", "true"); }
    });
  }
  inert(document.body);
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      if (r.type === "attributes") { inert(r.target); } else { r.addedNodes.forEach(function (n) { if (n.nodeType === 1) { inert(n); } }); }
    });
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["href", "target", "action"] });
  ["click", "auxclick"].forEach(function (t) {
    document.addEventListener(t, function (e) {
      if (e.target.closest && e.target.closest("a, area")) { e.preventDefault(); e.stopPropagation(); }
    }, true);
  });
  document.addEventListener("submit", function (e) { e.preventDefault(); }, true);

  // -- idle warning and reset ---------------------------------------------------------------
  var timer = null, tick = null, deadline = 0, lastFocus = null, said = 0;
  var idleBox = document.getElementById("k-idle");
  var idleCount = document.getElementById("k-idle-count");
  var idleLive = document.getElementById("k-idle-live");
  var behind = [document.querySelector(".k-top"), document.querySelector("#app > main"), document.querySelector(".k-foot")];
  function reset() {
    clearTimeout(timer); clearInterval(tick);
    text.value = "";
    state.geometry = null;
    window.location.replace(cfg.reset);
  }
  function secondsLeft() { return Math.max(0, Math.ceil((deadline - Date.now()) / 1000)); }
  function countdown() {
    var left = secondsLeft();
    if (left <= 0) { reset(); return; }
    idleCount.textContent = String(left);
    // the screen reader hears the warning once and then every 10 seconds, not every second
    if ((left % 10 === 0 || left === 5) && left < said) {
      said = left;
      idleLive.textContent = "Noch " + left + " Sekunden, dann beginnt der Bildschirm von vorn.";
    }
  }
  function warn() {
    deadline = Date.now() + warnMs;
    lastFocus = document.activeElement;
    idleCount.textContent = String(secondsLeft());
    behind.forEach(function (el) { if (el) { el.inert = true; } });
    idleBox.hidden = false;
    said = secondsLeft();
    idleLive.textContent = "Noch da? Ohne Eingabe beginnt der Bildschirm in " + said + " Sekunden von vorn.";
    document.getElementById("k-idle-continue").focus();
    tick = setInterval(countdown, 250);
  }
  function unwarn() {
    if (idleBox.hidden) { return; }
    clearInterval(tick);
    idleBox.hidden = true;
    idleLive.textContent = "";
    behind.forEach(function (el) { if (el) { el.inert = false; } });
    if (lastFocus && lastFocus.focus && document.contains(lastFocus)) { lastFocus.focus({ preventScroll: true }); }
  }
  function restart() { clearTimeout(timer); timer = setTimeout(warn, idleMs - warnMs); }
  // any touch restarts the idle time; while the warning shows, only its click dismisses it (hiding it on
  // the touch itself would let the same tap's click land on the key underneath)
  function poke() { if (idleBox.hidden) { restart(); } }
  ["pointerdown", "keydown", "touchstart"].forEach(function (t) { document.addEventListener(t, poke, { passive: true }); });
  idleBox.addEventListener("click", function () { unwarn(); restart(); });
  restart();
  document.getElementById("k-restart").addEventListener("click", reset);
  document.getElementById("k-done").addEventListener("click", reset);

  // -- screens -------------------------------------------------------------------------------
  var current = "s-start", before = "s-start";
  function go(id) {
    if (!document.getElementById(id).classList.contains("info")) { before = id; }
    current = id;
    document.querySelectorAll(".screen").forEach(function (s) {
      var on = s.id === id; s.hidden = !on; s.classList.toggle("active", on);
    });
    var h = document.querySelector("#" + id + " h2");
    if (h) { h.setAttribute("tabindex", "-1"); h.focus(); }
    if (id === "s-plan") { initMap(); }
    if (id === "s-3d") { init3d(); }
  }
  document.querySelectorAll("[data-go]").forEach(function (b) {
    b.addEventListener("click", function () { go(b.dataset.go); });
  });
  // accessibility statement, imprint, privacy: screens of their own ("Zurück" returns to where one was)
  document.querySelectorAll("[data-info]").forEach(function (b) {
    b.addEventListener("click", function () { go(b.dataset.info); });
  });
  document.querySelectorAll(".k-back").forEach(function (b) {
    b.addEventListener("click", function () { go(before); });
  });
  var bigger = document.getElementById("k-bigger");
  bigger.addEventListener("click", function () {
    state.big = !state.big;
    document.body.classList.toggle("big", state.big);
    bigger.setAttribute("aria-pressed", String(state.big));
  });

  // -- keyboard (German QWERTZ) --------------------------------------------------------------
  // Keys write at the cursor. A tap keeps the focus (and so the visible cursor) in the text field;
  // inputmode=none keeps the device's own keyboard away.
  var rows = [["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "ß", "⌫"],
              ["q", "w", "e", "r", "t", "z", "u", "i", "o", "p", "ü"],
              ["a", "s", "d", "f", "g", "h", "j", "k", "l", "ö", "ä"],
              ["⇧", "y", "x", "c", "v", "b", "n", "m", ",", ".", "-", "?"],
              ["§", "@", "(", ")", "/", "\"", "'", "€", "%", "!", ":"],
              ["←", "Leertaste", "→", "Neue Zeile"]];
  var labels = { "⌫": "Löschen", "⇧": "Großbuchstabe", "←": "Cursor nach links", "→": "Cursor nach rechts",
                 "\"": "Anführungszeichen", "'": "Apostroph", "§": "Paragraf", "@": "At-Zeichen", "€": "Euro",
                 "%": "Prozent", "/": "Schrägstrich", "(": "Klammer auf", ")": "Klammer zu" };
  var kb = document.getElementById("k-keyboard");
  rows.forEach(function (r) {
    var row = document.createElement("div");
    row.className = "k-kb-row";
    r.forEach(function (k) {
      var b = document.createElement("button");
      b.type = "button"; b.className = "k-key"; b.dataset.key = k; b.textContent = k;
      if (labels[k]) { b.setAttribute("aria-label", labels[k]); }
      if (k === "Leertaste") { b.classList.add("wide"); }
      if (k.length > 1) { b.classList.add("word"); }
      row.appendChild(b);
    });
    kb.appendChild(row);
  });
  function insert(s) {
    var room = text.maxLength > 0 ? text.maxLength - text.value.length + (text.selectionEnd - text.selectionStart) : s.length;
    if (room < s.length) { return; }
    text.setRangeText(s, text.selectionStart, text.selectionEnd, "end");
  }
  function backspace() {
    var a = text.selectionStart, b = text.selectionEnd;
    if (a !== b) { text.setRangeText("", a, b, "end"); } else if (a > 0) { text.setRangeText("", a - 1, a, "end"); }
  }
  function move(step) {
    var from = step < 0 ? text.selectionStart : text.selectionEnd;
    var to = Math.max(0, Math.min(text.value.length, from + step));
    text.setSelectionRange(to, to);
  }
  kb.addEventListener("mousedown", function (e) { if (e.target.closest("button.k-key")) { e.preventDefault(); } });
  kb.addEventListener("click", function (e) {
    var b = e.target.closest("button.k-key");
    if (!b) { return; }
    var k = b.dataset.key;
    if (e.detail > 0 && document.activeElement !== text) { text.focus({ preventScroll: true }); }  // tap or click
    if (k === "⌫") { backspace(); }
    else if (k === "⇧") { state.shift = !state.shift; kb.classList.toggle("shift", state.shift); return; }
    else if (k === "←") { move(-1); return; }
    else if (k === "→") { move(1); return; }
    else if (k === "Leertaste") { insert(" "); }
    else if (k === "Neue Zeile") { insert("\n"); }
    else { insert(state.shift ? (k === "ß" ? "ẞ" : k.toUpperCase()) : k); }
    if (state.shift) { state.shift = false; kb.classList.remove("shift"); }
  });

  // -- 2D map: tap sets a point --------------------------------------------------------------
  var map = null, marker = null;
  var locStatus = document.getElementById("k-loc-status");
  function initMap() {
    if (map || !window.L) { if (map) { map.invalidateSize(); } return; }
    var bb = cfg.bbox.split(",").map(Number);
    map = L.map("k-map", { zoomControl: true, attributionControl: true });
    map.fitBounds([[bb[1], bb[0]], [bb[3], bb[2]]]);
    map.attributionControl.setPrefix(false);
    var base = window.GdiBasemap && GdiBasemap(L, cfg.basemap ? JSON.parse(cfg.basemap) : null);
    if (base) { base.addTo(map); }
    L.tileLayer.wms("/wms", { layers: cfg.layers, format: "image/png",
      transparent: true, version: "1.3.0" }).addTo(map);
    fetch(cfg.plan).then(function (r) { return r.ok ? r.json() : null; }).then(function (gj) {
      if (gj && gj.type) { L.geoJSON(gj, { style: { color: "#7a1f1f", weight: 4, fill: false } }).addTo(map); }
    }).catch(function () {});
    map.on("click", function (e) {
      state.geometry = { type: "Point", coordinates: [Number(e.latlng.lng.toFixed(7)), Number(e.latlng.lat.toFixed(7))] };
      state.kind = "point";
      if (marker) { map.removeLayer(marker); }
      marker = L.circleMarker(e.latlng, { radius: 14, color: "#b45f06", weight: 4 }).addTo(map);
      locStatus.textContent = "Ort gewählt.";
    });
  }
  document.getElementById("k-clear-loc").addEventListener("click", function () {
    state.geometry = null;
    if (marker && map) { map.removeLayer(marker); marker = null; }
    locStatus.textContent = "Noch kein Ort gewählt.";
  });

  // -- 3D: existing buildings + planned variants (CesiumJS, offline) -------------------------
  var viewer = null, variants = [];
  try { variants = JSON.parse(cfg.variants || "[]"); } catch (e) { variants = []; }
  var vRow = document.querySelector("#s-3d [data-variant]").parentNode;
  variants.forEach(function (v) {
    var b = document.createElement("button");
    b.type = "button"; b.className = "k-btn variant"; b.dataset.variant = v.name;
    b.setAttribute("aria-pressed", "false"); b.textContent = v.variant === "grz" ? "Plan: nach GRZ" : "Plan: maximal";
    vRow.appendChild(b);
  });
  var status3d = document.getElementById("k-3d-status");
  var lutReady = Promise.resolve("cesium");
  // load marks of the 3D screen, ms after it was opened (benchmarks/bench_kiosk3d.py reads them)
  var marks = (window.gdiKiosk = { timings: {} }).timings, opened3d = null;
  function mark(name) { if (opened3d !== null && marks[name] === undefined) { marks[name] = Math.round(performance.now() - opened3d); } }
  function init3d() {
    if (viewer || window.Cesium === null) { return; }
    if (opened3d === null) { opened3d = performance.now(); }
    if (!window.Cesium) {
      window.CESIUM_BASE_URL = cfg.cesium;
      var s = document.createElement("script");
      s.src = cfg.cesium + "Cesium.js";
      s.onload = init3d;
      s.onerror = function () { window.Cesium = null; status3d.textContent = "3D ist auf diesem Gerät nicht verfügbar."; };
      document.head.appendChild(s);
      status3d.textContent = "3D wird geladen …";
      return;
    }
    var C = window.Cesium;
    var fast = window.GdiCesium;   // shared with /viewer: settings for kiosks without a GPU (cesium-fast.js)
    if (fast && fast.offlineCredit) { fast.offlineCredit(C, "3D-Darstellung: CesiumJS"); }  // text, no link out
    try {
      viewer = new C.Viewer("k-cesium", Object.assign({}, fast ? fast.viewerOptions : {}, {
        baseLayer: false, geocoder: false, baseLayerPicker: false, animation: false,
        timeline: false, homeButton: false, sceneModePicker: false, navigationHelpButton: false, fullscreenButton: false,
        infoBox: false, selectionIndicator: false, terrainProvider: new C.EllipsoidTerrainProvider(),
        // frames only when something changed (a touch, a tile arrived): with software WebGL continuous frames
        // keep the CPU busy and the ground's tiles wait for them (as in /viewer)
        requestRenderMode: true, maximumRenderTimeChange: Infinity }));
    } catch (e) { status3d.textContent = "3D ist auf diesem Gerät nicht verfügbar."; return; }
    if (fast) { fast.tuneScene(viewer); }
    mark("viewerCreated");
    // the kiosk shows the plan from one height: the ground (terrain, base map) at half the detail of /viewer,
    // fewer base-map tiles and frames before the screen is complete (docs/participation.md, README)
    viewer.scene.globe.maximumScreenSpaceError = 4;
    // the base map of the plan map (the first external base layer, else the offline town map) under the buildings
    var baseSpec = cfg.basemap ? JSON.parse(cfg.basemap) : null;
    if (fast && baseSpec && baseSpec.url) {
      viewer.imageryLayers.addImageryProvider(fast.baseImagery(C, baseSpec));
      app.dataset.basemap3d = baseSpec.kind || "xyz";
    }
    if (cfg.terrain) {   // the DGM as terrain (/terrain/), so the buildings stand on the ground; else the ellipsoid
      C.CesiumTerrainProvider.fromUrl(cfg.terrain).then(function (tp) {
        viewer.scene.terrainProvider = tp; app.dataset.terrainState = "loaded"; viewer.scene.requestRender();
        if (cfg.ground) { return null; }   // the plan summary gave the ground already
        return C.sampleTerrainMostDetailed(tp, [C.Rectangle.center(planRect)]).then(function (r) {
          if (!touched && r[0] && isFinite(r[0].height)) { viewPlan(r[0].height); }
        });
      }).catch(function () { app.dataset.terrainState = app.dataset.terrainState || "failed"; });
    }
    lutReady = fast ? fast.installBrdfTable(C, viewer.scene, cfg.brdf) : Promise.resolve("cesium");
    lutReady.then(function (how) { app.dataset.brdfTable = how; });
    viewer.scene.globe.baseColor = C.Color.fromCssColorString("#dfe6d8");
    // the plan area in the middle of the screen, seen from the south at 35°, on the ground height the plan
    // summary gives (the DGM at its centre); without it first on the ellipsoid, then (unless someone has
    // touched the view) on the terrain's height sampled there
    var bb = cfg.bbox.split(",").map(Number), touched = false;
    var planRect = C.Rectangle.fromDegrees(bb[0], bb[1], bb[2], bb[3]);
    function viewPlan(height) {
      var sphere = C.BoundingSphere.fromRectangle3D(planRect, C.Ellipsoid.WGS84, height);
      viewer.camera.viewBoundingSphere(sphere, new C.HeadingPitchRange(0, C.Math.toRadians(-35),
                                                                        Math.max(sphere.radius * 3, 600)));
      viewer.camera.lookAtTransform(C.Matrix4.IDENTITY);
      viewer.scene.requestRender();
    }
    viewPlan(cfg.terrain && cfg.ground ? Number(cfg.ground) : 0);
    ["pointerdown", "wheel", "touchstart"].forEach(function (t) {
      viewer.scene.canvas.addEventListener(t, function () { touched = true; }, { passive: true });
    });
    // a tap in 3D picks a spot (on a building or on the ground) as the statement's location. The ground is
    // the terrain mesh where there is one: while the terrain (or its tiles under the tap) is still loading, a
    // pick would miss it and fall through to the ellipsoid ~100 m below, ~1 km farther along the ray; so the
    // pick waits for the globe's tiles (at most 10 s) before it falls back to the ellipsoid.
    function groundSettled() {
      var t = app.dataset.terrainState;
      return (!cfg.terrain || t === "loaded" || t === "failed") && viewer.scene.globe.tilesLoaded;
    }
    function pickGround(position, deadline) {
      return new Promise(function (resolve) {
        (function attempt() {
          var ray = viewer.camera.getPickRay(position);
          var p = ray ? viewer.scene.globe.pick(ray, viewer.scene) : undefined;
          if (groundSettled() || Date.now() > deadline) {
            resolve(C.defined(p) ? p : viewer.camera.pickEllipsoid(position, viewer.scene.globe.ellipsoid));
            return;
          }
          viewer.scene.requestRender();
          setTimeout(attempt, 100);
        })();
      });
    }
    var pickSeq = 0;
    new C.ScreenSpaceEventHandler(viewer.scene.canvas).setInputAction(function (ev) {
      var position = C.Cartesian2.clone(ev.position), seq = ++pickSeq;
      var pos = null;
      if (viewer.scene.pickPositionSupported) {   // a building (or the ground as drawn) under the tap
        var hit = viewer.scene.pick(position);
        if (C.defined(hit)) { try { pos = viewer.scene.pickPosition(position); } catch (e) { pos = null; } }
      }
      status3d.textContent = "Ort wird bestimmt …";
      (C.defined(pos) ? Promise.resolve(pos) : pickGround(position, Date.now() + 10000)).then(function (p) {
        if (seq !== pickSeq) { return; }   // a newer tap wins
        if (!C.defined(p)) { status3d.textContent = "Hier ist kein Ort wählbar. Bitte auf Boden oder Gebäude tippen."; return; }
        var c = C.Cartographic.fromCartesian(p);
        state.geometry = { type: "Point", coordinates: [Number(C.Math.toDegrees(c.longitude).toFixed(7)),
          Number(C.Math.toDegrees(c.latitude).toFixed(7)), Number(c.height.toFixed(1))] };
        state.kind = "3d";
        status3d.textContent = "Ort in 3D gewählt.";
        locStatus.textContent = "Ort in 3D gewählt.";
      });
    }, C.ScreenSpaceEventType.LEFT_CLICK);
    // the existing buildings (none when the city model is not built: the plan alone)
    var cityModel = null, noCityModel = false;
    Promise.all([C.Cesium3DTileset.fromUrl("/3dtiles/buildings/tileset.json", fast ? fast.tilesetOptions(C, true) : {}),
                 lutReady]).then(function (res) {
      cityModel = res[0];
      viewer.scene.primitives.add(cityModel);
      viewer.scene.requestRender();
    }).catch(function () { noCityModel = true; });
    // load marks: the buildings the view needs are in (also when it needs none: allTilesLoaded would never
    // fire), then the screen is complete once the ground (terrain and base-map tiles) is in as well and stays
    // so for a second of frames (a frame after a load may still select finer ground tiles): "ready" is when
    // that last settled state began. Frames are requested every 200 ms meanwhile, for at most a minute.
    var since = null, started = performance.now();
    var poke = setInterval(function () {
      viewer.scene.requestRender();
      if (performance.now() - started > 60000) { clearInterval(poke); }
    }, 200);
    var watch = viewer.scene.postRender.addEventListener(function () {
      var built = noCityModel || (cityModel !== null && cityModel.tilesLoaded);
      if (built) { mark("buildingsLoaded"); }
      if (!built || !groundSettled()) { since = null; return; }
      since = since === null ? performance.now() : since;
      if (performance.now() - since < 1000) { return; }
      watch(); clearInterval(poke);
      marks.ready = Math.round(since - opened3d); app.dataset.ready3d = "true";
    });
    status3d.textContent = "";
  }
  var planned = {};
  vRow.addEventListener("click", function (e) {
    var b = e.target.closest("button.variant");
    if (!b || !viewer) { return; }
    vRow.querySelectorAll("button.variant").forEach(function (x) { x.setAttribute("aria-pressed", String(x === b)); });
    Object.keys(planned).forEach(function (k) { planned[k].show = k === b.dataset.variant; });
    var name = b.dataset.variant;
    if (!name || planned[name]) { return; }
    var C = window.Cesium;
    var v = variants.filter(function (x) { return x.name === name; })[0] || {};
    if (v.tileset_status === "built") {  // the city model's planned-variant tileset
      var fast = window.GdiCesium;
      Promise.all([C.Cesium3DTileset.fromUrl(v.tileset, fast ? fast.tilesetOptions(C, false) : {}), lutReady]).then(function (res) {
        var ts = res[0];
        planned[name] = ts; viewer.scene.primitives.add(ts);
        viewer.zoomTo(ts, new C.HeadingPitchRange(0, C.Math.toRadians(-35), 0));
        app.dataset.loaded = name;
      }).catch(function () { status3d.textContent = "Diese Variante kann nicht geladen werden."; });
      return;
    }
    C.GeoJsonDataSource.load(cfg.base + "/api/plaene/" + name + ".geojson").then(function (ds) {
      ds.entities.values.forEach(function (en) {
        if (!en.polygon) { return; }
        en.polygon.extrudedHeight = en.properties.height_m.getValue();
        if (cfg.terrain) {   // on the terrain: from the ground up, not from the ellipsoid
          en.polygon.heightReference = C.HeightReference.CLAMP_TO_GROUND;
          en.polygon.extrudedHeightReference = C.HeightReference.RELATIVE_TO_GROUND;
        }
        en.polygon.material = C.Color.ORANGE.withAlpha(0.8);
        en.polygon.outline = false;
      });
      planned[name] = ds;
      viewer.dataSources.add(ds);
      viewer.zoomTo(ds);
      app.dataset.loaded = name;
    });
  });

  // -- submit ----------------------------------------------------------------------------------
  var err = document.getElementById("k-error");
  document.getElementById("k-submit").addEventListener("click", function () {
    err.hidden = true;
    var body = { procedure: cfg.procedure, text: text.value,
                 geometry: state.geometry, location_kind: state.geometry ? state.kind : null,
                 consent: document.getElementById("k-consent").checked };
    fetch(cfg.submit, { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": cfg.csrf }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (res) {
        if (!res.ok) { err.textContent = res.j.error || "Das hat nicht geklappt."; err.hidden = false; return; }
        text.value = ""; state.geometry = null;
        document.getElementById("k-consent").checked = false;
        document.getElementById("k-r-number").textContent = res.j.number;
        document.getElementById("k-r-time").textContent = res.j.received_local;  // local time, German, from the server
        document.getElementById("k-r-summary").textContent = res.j.summary + (res.j.summary_shortened ? " (gekürzt)" : "");
        document.getElementById("k-r-location").textContent = res.j.location || "Kein Ort angegeben";
        document.getElementById("k-r-hash").textContent = res.j.content_hash;
        go("s-receipt");
      })
      .catch(function () { err.textContent = "Keine Verbindung. Bitte später erneut versuchen."; err.hidden = false; });
  });
}());
