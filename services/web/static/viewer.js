/* Citizen 3D viewer of Hildesheim: CesiumJS without ion, without any external host.
 * Core: scene, tilesets, layers with legends, picking with a text panel, search, shareable URL state.
 * Tools (measure, sun, keyboard, 2D/3D) live in tools.js. State for tests: window.gdiViewer. */
(function () {
  "use strict";
  var cfg = JSON.parse(document.body.getAttribute("data-config"));
  var T = cfg.texts;
  var G = window.gdiViewer = {
    ready: false, phase: "init", error: null, tileset: null, planned: {}, loaded: {}, layers: {},
    timings: {}, selected: null, cfg: cfg, allTilesLoadedCount: 0
  };
  function $(id) { return document.getElementById(id); }
  function status(msg, warn) {
    var el = $("status"); el.textContent = msg; el.className = "status" + (warn ? " warn" : "");
  }
  function fmt(s, vals) { return s.replace(/\{(\w+)\}/g, function (_, k) { return vals[k]; }); }
  function mark(name) { G.timings[name] = Math.round(performance.now()); }
  G.status = status; G.fmt = fmt; G.$ = $;

  // ---- URL state: #view=lon,lat,h,heading,pitch,roll&layers=a,b&mode=2d&time=ISO ----
  function parseHash() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) out[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
    });
    return out;
  }
  var initial = parseHash();
  G.initialHash = initial;

  if (typeof Cesium === "undefined" || typeof GdiCesium === "undefined") { status(T.no_webgl, true); G.phase = "error"; G.error = "no Cesium"; return; }
  Cesium.Ion.defaultAccessToken = "";  // never talk to Cesium ion
  GdiCesium.offlineCredit(Cesium, T.credit_cesium);   // the attribution as text, no link to cesium.com

  var viewer;
  try {
    viewer = new Cesium.Viewer("map", Object.assign({}, GdiCesium.viewerOptions, {
      baseLayer: false, geocoder: false, baseLayerPicker: false, homeButton: false, sceneModePicker: false,
      navigationHelpButton: false, animation: false, timeline: false, fullscreenButton: false, infoBox: false,
      selectionIndicator: false, vrButton: false, projectionPicker: false,
      terrainProvider: new Cesium.EllipsoidTerrainProvider(), shadows: false,
      // render only when something changes: idle kiosks and phones do not burn CPU/battery
      requestRenderMode: !/[?&]render=continuous/.test(location.search), maximumRenderTimeChange: Infinity
    }));
  } catch (e) {
    status(T.no_webgl, true); G.phase = "error"; G.error = String(e); return;
  }
  G.viewer = viewer;
  var scene = viewer.scene;
  // ---- terrain: the DGM as quantized-mesh (/terrain/, docs/viewer.md) when the server has it; until its
  // layer.json has arrived (and without it) the ellipsoid. Loaded next to the buildings, never before them.
  G.terrain = null;
  if (cfg.terrain) {
    mark("terrainRequested");
    G.terrainPromise = Cesium.CesiumTerrainProvider.fromUrl(cfg.terrain, { requestVertexNormals: true })
      .then(function (tp) {
        scene.terrainProvider = tp; G.terrain = tp; mark("terrainReady"); scene.requestRender(); return tp;
      }).catch(function (err) { console.warn("no terrain:", err); G.terrainError = String(err && err.message || err); });
  }
  scene.globe.baseColor = Cesium.Color.fromCssColorString("#dfe6ec");
  scene.globe.depthTestAgainstTerrain = true;
  GdiCesium.tuneScene(viewer);
  scene.backgroundColor = Cesium.Color.fromCssColorString("#b9d3ea");
  viewer.clock.shouldAnimate = false;
  var canvas = viewer.canvas;
  canvas.setAttribute("tabindex", "0");
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-label", T.map_label);

  // ---- precomputed BRDF lookup table (cesium-fast.js); ?brdf=cesium keeps Cesium's own (for comparison) ----
  var lutReady = GdiCesium.installBrdfTable(Cesium, scene, /[?&]brdf=cesium/.test(location.search) ? null : cfg.brdfLut)
    .then(function (how) { G.brdfLut = how; });

  // ---- camera ----
  var home = cfg.home;
  G.homeRectangle = Cesium.Rectangle.fromDegrees(home.west, home.south, home.east, home.north);
  function setCameraFromHash(h) {
    var v = (h.view || "").split(",").map(Number);
    if (v.length >= 3 && v.every(isFinite)) {
      viewer.camera.setView({
        destination: Cesium.Cartesian3.fromDegrees(v[0], v[1], v[2]),
        orientation: { heading: Cesium.Math.toRadians(v[3] || 0), pitch: Cesium.Math.toRadians(isFinite(v[4]) && v.length > 4 ? v[4] : -90),
                       roll: Cesium.Math.toRadians(v[5] || 0) }
      });
      return true;
    }
    return false;
  }
  G.cameraState = function () {
    var c = viewer.camera.positionCartographic;
    return { lon: Cesium.Math.toDegrees(c.longitude), lat: Cesium.Math.toDegrees(c.latitude), height: c.height,
             heading: Cesium.Math.toDegrees(viewer.camera.heading), pitch: Cesium.Math.toDegrees(viewer.camera.pitch),
             roll: Cesium.Math.toDegrees(viewer.camera.roll), mode: G.topDown ? "2d" : "3d" };
  };
  function flyHome(duration) {
    if (G.homeSphere) {
      // the 2D view (tools.js) keeps looking straight down
      viewer.camera.flyToBoundingSphere(G.homeSphere, {
        duration: duration, offset: new Cesium.HeadingPitchRange(0, Cesium.Math.toRadians(G.topDown ? -90 : -50),
                                                                 G.homeSphere.radius * (G.topDown ? 2.2 : 1.6))
      });
    } else {
      viewer.camera.flyTo({ destination: G.homeRectangle, duration: duration });
    }
  }
  G.flyHome = flyHome;
  var hashView = setCameraFromHash(initial);
  if (!hashView) { viewer.camera.setView({ destination: G.homeRectangle }); }

  // ---- layers ----
  var layerList = $("layer-list");
  var wanted = initial.layers !== undefined ? initial.layers.split(",").filter(Boolean) : null;
  function isWanted(id, dflt) { return wanted ? wanted.indexOf(id) >= 0 : dflt; }
  function addLayerRow(id, label, checked, onToggle, legendUrl, missing) {
    var li = document.createElement("li");
    var row = document.createElement("div"); row.className = "check";
    var cb = document.createElement("input"); cb.type = "checkbox"; cb.id = "layer-" + id; cb.checked = !!checked;
    cb.setAttribute("data-layer", id);
    var lab = document.createElement("label"); lab.htmlFor = cb.id; lab.textContent = label;
    row.appendChild(cb); row.appendChild(lab); li.appendChild(row);
    if (missing) {
      cb.disabled = true; cb.checked = false;
      var m = document.createElement("span"); m.className = "missing"; m.textContent = " (" + T.layer_missing + ")";
      lab.appendChild(m);
    } else {
      cb.addEventListener("change", function () { onToggle(cb.checked); scene.requestRender(); updateHash(); });
    }
    if (legendUrl && !missing) {
      var d = document.createElement("details");
      var s = document.createElement("summary"); s.textContent = T.legend + ": " + label;
      var img = document.createElement("img"); img.alt = T.legend + " " + label; img.loading = "lazy"; img.src = legendUrl;
      d.appendChild(s); d.appendChild(img); li.appendChild(d);
    }
    layerList.appendChild(li);
    G.layers[id] = { checkbox: cb, toggle: onToggle, missing: !!missing };
    return cb;
  }
  G.setLayer = function (id, on) {
    var l = G.layers[id]; if (!l || l.missing) return false;
    l.checkbox.checked = on; l.toggle(on); scene.requestRender(); updateHash(); return true;
  };

  // ---- building tileset ----
  // level-of-detail skipping for the city model, no environment map: see cesium-fast.js
  var PLAIN_OPTIONS = GdiCesium.tilesetOptions(Cesium, false);
  var TILESET_OPTIONS = GdiCesium.tilesetOptions(Cesium, true);
  function watchTileset(ts, primary) {
    ts.allTilesLoaded.addEventListener(function () {
      if (!primary) return;
      G.allTilesLoadedCount += 1;
      if (!G.timings.allTilesLoaded) { mark("allTilesLoaded"); }
      mark("lastAllTilesLoaded");
      if (!G.ready) { G.ready = true; G.phase = "ready"; status(T.loaded); }
    });
    ts.tileLoad.addEventListener(function () {
      if (!primary) return;
      G.tilesLoadedCount = (G.tilesLoadedCount || 0) + 1;
      if (!G.timings.firstTileLoaded) mark("firstTileLoaded");
      mark("lastTileLoaded");
    });
    ts.tileFailed.addEventListener(function (e) { G.tileErrors = (G.tileErrors || 0) + 1; console.warn("tile failed", e.url); });
  }
  function loadBuildings() {
    mark("tilesetRequested");
    return Promise.all([Cesium.Cesium3DTileset.fromUrl(cfg.buildings, TILESET_OPTIONS), lutReady]).then(function (res) {
      var ts = res[0];
      mark("tilesetReady");
      G.tileset = ts;
      if (G.shadowsOn) ts.shadows = Cesium.ShadowMode.ENABLED;
      scene.primitives.add(ts);
      // the home view is the city (its extent), wherever in it the model's buildings lie; a model outside
      // the city's extent (another town's data) is its own home
      var centre = Cesium.Cartographic.fromCartesian(ts.boundingSphere.center);
      G.homeSphere = centre && Cesium.Rectangle.contains(G.homeRectangle, centre)
        ? Cesium.BoundingSphere.fromRectangle3D(G.homeRectangle) : ts.boundingSphere;
      watchTileset(ts, true);
      var on = isWanted("buildings", true);
      ts.show = on;
      addLayerRow("buildings", T.layer_buildings, on, function (v) { ts.show = v; });
      if (!hashView) { flyHome(0); }
      if (!on) { G.ready = true; G.phase = "ready"; status(T.loaded); }
      return ts;
    }).catch(function (err) {
      console.warn("no building tileset:", err);
      G.phase = "no-tiles"; G.error = String(err && err.message || err);
      addLayerRow("buildings", T.layer_buildings, false, null, null, true);
      status(T.no_tiles, true);
      waitGlobe();
    });
  }
  function waitGlobe() {
    // without a tileset the page is "ready" once the globe (and its imagery) has loaded
    var remove = scene.postRender.addEventListener(function () {
      if (scene.globe.tilesLoaded) { remove(); G.ready = true; }
    });
  }

  function afterBuildings(fn) {
    if (G.ready) { fn(); return; }
    var remove = scene.postRender.addEventListener(function () { if (G.ready) { remove(); fn(); } });
  }
  function loadPlanned() {
    return fetch(cfg.tilesIndex).then(function (r) { return r.ok ? r.json() : null; }).then(function (idx) {
      if (!idx) return;
      var list = Array.isArray(idx) ? idx : (idx.tilesets || []);
      list.forEach(function (e) {
        var url = e.url || e.href || "";
        var name = e.name || e.id || "";
        var planned = /planned/.test(url) || /planned/.test(e.kind || e.type || "");
        var points = !planned && (e.kind === "pointcloud" || /^pointcloud\//.test(url));   // laser scan (docs/pointcloud.md)
        if (!planned && (e.id === "buildings" || /^buildings\//.test(url))) return;   // the main tileset
        var id = (planned ? "planned-" : points ? "pointcloud-" : "tiles-") +
          (e.id || name || url).replace(/^(planned|pointcloud)\//, "").replace(/[^A-Za-z0-9_-]+/g, "_");
        // display names come from the server (dataset registry + UI texts, services/web/layer_titles.py);
        // a tileset published after the page was rendered gets its kind and a number, never its folder id
        var title = (cfg.tilesetTitles || {})[e.id] ||
          ((planned ? T.layer_planned : points ? T.layer_pointcloud : T.layer_buildings) + " " + (Object.keys(G.layers).length + 1));
        var absUrl = url.charAt(0) === "/" || /^https?:/.test(url) ? url : cfg.tilesIndex.replace(/index\.json$/, "") + url;
        var ts = null;
        function toggle(on) {
          if (on && !ts) {
            Promise.all([Cesium.Cesium3DTileset.fromUrl(absUrl, PLAIN_OPTIONS), lutReady]).then(function (res) {
              var t = res[0];
              ts = t; G.planned[id] = t;
              t.allTilesLoaded.addEventListener(function () { G.loaded[id] = true; });
              if (G.shadowsOn) t.shadows = Cesium.ShadowMode.ENABLED;
              if (planned) t.style = new Cesium.Cesium3DTileStyle({ color: "color('#e07b00', 0.85)" });
              // points grow with distance instead of thinning out; colours are the scan's RGB
              if (points) t.pointCloudShading = new Cesium.PointCloudShading({ attenuation: true, maximumAttenuation: 4 });
              scene.primitives.add(t); t.show = G.layers[id].checkbox.checked;
            }).catch(function (err) { console.warn("planned tileset failed", err); });
          } else if (ts) { ts.show = on; }
        }
        var on = isWanted(id, false);
        addLayerRow(id, title, on, toggle);
        if (on && points) afterBuildings(function () { toggle(G.layers[id].checkbox.checked); });   // buildings first
        else if (on) toggle(true);
      });
    }).catch(function (err) { console.info("no tileset index:", err); });
  }

  // ---- base map and WMS overlays ----
  var OVERLAYS = [
    { id: "trees", wms: "SD.SpeciesDistribution", label: T.layer_trees },
    { id: "playgrounds", wms: "LU.ExistingLandUse", label: T.layer_playgrounds },
    { id: "sites", wms: "AM.RestrictedZonesAroundContaminatedSites", label: T.layer_sites }
  ];
  function imageryToggle(makeProvider, id) {
    var layer = null;
    return function (on) {
      if (on && !layer) {
        layer = viewer.imageryLayers.addImageryProvider(makeProvider());
        G.layers[id].imagery = layer;
        if (id === "basemap" || /^base-/.test(id)) viewer.imageryLayers.lowerToBottom(layer);
      }
      if (layer) layer.show = on;
    };
  }
  function loadImagery() {
    var basemapProbe = fetch(cfg.basemap.replace("{z}/{x}/{y}", "0/0/0"), { method: "GET" })
      .then(function (r) { return r.ok; }).catch(function () { return false; });
    var caps = fetch(cfg.wms + "?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0&LANGUAGE=" + (cfg.lang === "en" ? "eng" : "ger"))
      .then(function (r) { return r.ok ? r.text() : ""; }).catch(function () { return ""; });
    return Promise.all([basemapProbe, caps]).then(function (res) {
      var hasBasemap = res[0];
      var doc = res[1] ? new DOMParser().parseFromString(res[1], "application/xml") : null;
      var names = {};
      if (doc) {
        Array.prototype.forEach.call(doc.getElementsByTagName("Layer"), function (l) {
          var n = null; for (var i = 0; i < l.children.length; i++) { if (l.children[i].localName === "Name") n = l.children[i].textContent.trim(); }
          if (!n) return;
          var lg = null; var ors = l.getElementsByTagName("OnlineResource");
          for (var j = 0; j < ors.length; j++) {
            if (ors[j].parentNode && ors[j].parentNode.localName === "LegendURL") { lg = ors[j].getAttribute("xlink:href") || ors[j].getAttributeNS("http://www.w3.org/1999/xlink", "href"); break; }
          }
          names[n] = lg;
        });
      }
      var bm = addLayerRow("basemap", T.layer_basemap, false, imageryToggle(function () {
        return new Cesium.UrlTemplateImageryProvider({ url: cfg.basemap, maximumLevel: 19, tilingScheme: new Cesium.WebMercatorTilingScheme() });
      }, "basemap"), null, !hasBasemap);
      var external = cfg.baseLayers || [];
      if (hasBasemap && isWanted("basemap", !external.length)) { bm.checked = true; G.layers.basemap.toggle(true); }
      // external base layers (gdi.yml basemap.external): the first one is on at start; the source note as text
      external.forEach(function (b, i) {
        var id = "base-" + b.id;
        var cb = addLayerRow(id, b.title, false, imageryToggle(function () { return GdiCesium.baseImagery(Cesium, b); }, id));
        if (isWanted(id, i === 0)) { cb.checked = true; G.layers[id].toggle(true); }
      });
      OVERLAYS.forEach(function (o) {
        var present = Object.prototype.hasOwnProperty.call(names, o.wms);
        var legend = present ? sameHost(names[o.wms]) || (cfg.wms + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&SLD_VERSION=1.1.0&LAYER=" + encodeURIComponent(o.wms)) : null;
        var cb = addLayerRow(o.id, o.label, false, imageryToggle(function () {
          return new Cesium.WebMapServiceImageryProvider({
            url: cfg.wms, layers: o.wms, tileWidth: 512, tileHeight: 512,
            parameters: { transparent: true, format: "image/png", styles: "" }
          });
        }, o.id), legend, !present);
        if (present && isWanted(o.id, false)) { cb.checked = true; G.layers[o.id].toggle(true); }
      });
      G.imageryReady = true;
      updateHash();
    });
  }
  function sameHost(url) {
    // the capabilities may carry an absolute URL of the configured public host; only keep its path
    if (!url) return null;
    try { var u = new URL(url, location.href); return u.pathname + u.search; } catch (e) { return null; }
  }

  // ---- picking and the text alternative ----
  var ROOF_EN = { "Flachdach": "Flat roof", "Pultdach": "Shed roof", "Satteldach": "Gable roof", "Walmdach": "Hip roof",
    "Krüppelwalmdach": "Half-hip roof", "Mansarddach": "Mansard roof", "Zeltdach": "Pyramid roof", "Kegeldach": "Conical roof",
    "Kuppeldach": "Dome roof", "Sheddach": "Sawtooth roof", "Bogendach": "Arched roof", "Turmdach": "Tower roof",
    "Mischform": "Mixed form", "Sonstiges": "Other", "unbekannt": "unknown", "Unbekannt": "unknown" };
  var FUNC_EN = { "Wohnhaus": "Residential building", "Wohngebäude": "Residential building", "Gebäude für Wirtschaft oder Gewerbe": "Commercial building",
    "Gebäude für Handel und Dienstleistungen": "Retail and services", "Bürogebäude": "Office building", "Garage": "Garage",
    "Schule": "School", "Kirche": "Church", "Rathaus": "Town hall", "Krankenhaus": "Hospital", "Kindertagesstätte": "Day-care centre",
    "Gebäude für öffentliche Zwecke": "Public building", "Industriegebäude": "Industrial building", "Schuppen": "Shed",
    "Wohn- und Geschäftsgebäude": "Residential and commercial building", "Gemischt genutztes Gebäude mit Wohnen": "Mixed use with housing",
    "Nebengebäude": "Outbuilding", "Land- und forstwirtschaftliches Betriebsgebäude": "Agricultural building",
    "Gebäude für Gewerbe und Industrie": "Commercial and industrial building", "Sporthalle": "Sports hall" };
  var FIELDS = [
    { key: "function", re: /^(function|funktion|gebaeudefunktion|gebäudefunktion|building_?function|function_?label)$/i, label: "attr_function", tr: FUNC_EN },
    { key: "roof", re: /^(roof|roof_?form|roof_?type|dachform|dach)$/i, label: "attr_roof", tr: ROOF_EN },
    { key: "storeys", re: /^(storeys|stories|geschosse|anzahl.*geschoss.*|floors|storeys_above_ground)$/i, label: "attr_storeys" },
    { key: "height", re: /^(height|hoehe|höhe|measured_?height|height_m)$/i, label: "attr_height", unit: " m" },
    { key: "address", re: /^(address|adresse|anschrift)$/i, label: "attr_address" },
    { key: "id", re: /^(id|building_?id|gml_?id|localid|objectid|gebaeude_?id)$/i, label: "attr_id" }
  ];
  function describeFeature(feature) {
    var ids = feature.getPropertyIds ? feature.getPropertyIds() : [];
    if (ids.indexOf("anzahl_gebaeude") >= 0) {   // a generalised block of a parent tile
      var loc = cfg.lang === "en" ? "en-GB" : "de-DE";
      return [{ key: "block", label: T.attr_block, value: fmt(T.block_text, {
        n: Number(feature.getProperty("anzahl_gebaeude")).toLocaleString(loc),
        h: (Math.round(feature.getProperty("mittlere_hoehe") * 10) / 10).toLocaleString(loc) }) }];
    }
    var rows = []; var used = {};
    FIELDS.forEach(function (f) {
      for (var i = 0; i < ids.length; i++) {
        if (!used[ids[i]] && f.re.test(ids[i])) {
          var v = feature.getProperty(ids[i]); used[ids[i]] = true;
          if (v === undefined || v === null || v === "") v = T.unknown;
          if (typeof v === "number") v = (Math.round(v * 10) / 10).toLocaleString(cfg.lang === "en" ? "en-GB" : "de-DE");
          if (cfg.lang === "en" && f.tr && f.tr[v]) v = f.tr[v];
          rows.push({ key: f.key, label: T[f.label], value: String(v) + (f.unit && v !== T.unknown ? f.unit : "") });
          break;
        }
      }
    });
    return rows;
  }
  function showBuilding(rows) {
    var box = $("building-info");
    box.textContent = "";
    if (!rows) { var p = document.createElement("p"); p.textContent = T.building_none; box.appendChild(p); return; }
    var dl = document.createElement("dl"); dl.className = "attrs";
    rows.forEach(function (r) {
      var dt = document.createElement("dt"); dt.textContent = r.label;
      var dd = document.createElement("dd"); dd.textContent = r.value; dd.setAttribute("data-attr", r.key);
      dl.appendChild(dt); dl.appendChild(dd);
    });
    box.appendChild(dl);
  }
  var highlighted = null;
  function select(feature) {
    if (highlighted) { try { highlighted.feature.color = highlighted.color; } catch (e) { /* tile unloaded */ } highlighted = null; }
    if (!(feature instanceof Cesium.Cesium3DTileFeature)) { G.selected = null; showBuilding(null); scene.requestRender(); return null; }
    highlighted = { feature: feature, color: Cesium.Color.clone(feature.color) };
    feature.color = Cesium.Color.fromCssColorString("#ffb000");
    scene.requestRender();
    var rows = describeFeature(feature);
    G.selected = {}; rows.forEach(function (r) { G.selected[r.key] = r.value; });
    showBuilding(rows);
    return G.selected;
  }
  G.pickAt = function (x, y) { return select(scene.pick(new Cesium.Cartesian2(x, y))); };
  G.clearSelection = function () { select(null); };
  G.pickCentre = function () { return G.pickAt(canvas.clientWidth / 2, canvas.clientHeight / 2); };
  var handler = new Cesium.ScreenSpaceEventHandler(canvas);
  handler.setInputAction(function (ev) {
    if (G.measuring) { G.measureClick(ev.position); return; }
    select(scene.pick(ev.position));
  }, Cesium.ScreenSpaceEventType.LEFT_CLICK);
  G.handler = handler;

  // ---- search ----
  var sform = $("search-form"), sinput = $("search-input"), slist = $("search-results"), sstatus = $("search-status");
  sform.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = sinput.value.trim(); slist.textContent = "";
    if (q.length < 2) { sstatus.textContent = T.search_none; return; }
    fetch(cfg.search + "?q=" + encodeURIComponent(q) + "&limit=10").then(function (r) {
      if (!r.ok) throw new Error(r.status); return r.json();
    }).then(function (data) {
      sstatus.textContent = data.results.length ? fmt(T.search_count, { n: data.results.length }) : T.search_none;
      data.results.forEach(function (res) {
        var li = document.createElement("li"); var b = document.createElement("button"); b.type = "button";
        b.textContent = res.label;
        var k = document.createElement("span"); k.className = "kind";
        k.textContent = (res.title && (res.title[cfg.lang] || res.title.de)) || res.dataset;
        b.appendChild(k);
        b.addEventListener("click", function () { goTo(res); });
        li.appendChild(b); slist.appendChild(li);
      });
    }).catch(function () { sstatus.textContent = T.search_error; });
  });
  function goTo(res) {
    var b = res.bbox; var pad = 0.0015;
    var rect = Cesium.Rectangle.fromDegrees(b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad);
    viewer.camera.flyTo({ destination: rect, duration: 1.2, complete: function () { canvas.focus(); } });
    status(res.label);
  }
  G.goTo = goTo;

  // ---- shareable URL ----
  function hashString() {
    var c = G.cameraState();
    var on = Object.keys(G.layers).filter(function (k) { return G.layers[k].checkbox.checked; });
    var parts = ["view=" + [c.lon.toFixed(6), c.lat.toFixed(6), c.height.toFixed(1), c.heading.toFixed(1), c.pitch.toFixed(1), c.roll.toFixed(1)].join(","),
                 "layers=" + on.join(",")];
    if (c.mode === "2d") parts.push("mode=2d");
    if (G.sunTime) parts.push("time=" + G.sunTime);
    if (G.shadowsOn) parts.push("shadows=1");
    return "#" + parts.join("&");
  }
  function updateHash() {
    if (!G.imageryReady && !G.ready) return;   // keep the incoming link until the page has applied it
    var h = hashString();
    history.replaceState(null, "", h);
    var ll = $("lang-link"); ll.href = ll.href.split("#")[0] + h;
    var box = $("share-box"); if (!box.hidden) $("share-url").value = location.href;
  }
  G.updateHash = updateHash; G.shareUrl = function () { updateHash(); return location.href; };
  viewer.camera.moveEnd.addEventListener(updateHash);
  $("btn-share").addEventListener("click", function () {
    updateHash();
    var box = $("share-box"); box.hidden = false; var inp = $("share-url"); inp.value = location.href;
    inp.focus(); inp.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(location.href).then(function () { status(T.share_copied); }).catch(function () {});
    }
  });
  $("btn-home").addEventListener("click", function () { flyHome(1.0); });
  $("btn-pick").addEventListener("click", function () { G.pickCentre(); });

  var globeWatch = scene.postRender.addEventListener(function () {
    if (scene.globe.tilesLoaded) { globeWatch(); mark("globeTilesLoaded"); }
  });
  mark("viewerCreated");
  status(T.loading);
  Promise.all([loadBuildings(), loadImagery(), loadPlanned()]).then(function () { updateHash(); });
})();
