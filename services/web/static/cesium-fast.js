/* CesiumJS settings shared by the citizen viewer (/viewer) and the participation kiosk (/beteiligung/kiosk):
 * what software WebGL (SwiftShader on a kiosk without GPU driver, headless browsers) and weak phone GPUs
 * cannot afford before the first building appears. Measured in docs/viewer.md. Exposes window.GdiCesium. */
(function () {
  "use strict";
  // no sky box, sky atmosphere or order-independent translucency: passes and shaders a city model does not need
  var VIEWER_OPTIONS = { msaaSamples: 1, skyBox: false, skyAtmosphere: false, orderIndependentTranslucency: false };

  function tuneScene(viewer) {
    var scene = viewer.scene;
    scene.globe.showGroundAtmosphere = false;
    scene.globe.dynamicAtmosphereLighting = false;
    scene.globe.showWaterEffect = false;
    scene.fog.enabled = false;
    // globe.preloadAncestors stays on: without the ancestors, the base map over terrain tiles finer than the
    // DGM's last level (upsampled) stayed blurred in a street view (measured faster, but not the same picture)
    scene.logarithmicDepthBuffer = false;
    if (scene.moon) scene.moon.show = false;
    if (scene.postProcessStages && scene.postProcessStages.fxaa) scene.postProcessStages.fxaa.enabled = false;
  }

  // The city model's parent tiles carry generalised blocks that their children replace: load only the
  // level of detail a view needs, not every ancestor and sibling on the way down (29 tiles / 11.7 MB for a
  // street view instead of 5 / 0.9 MB). No dynamic environment map: it renders and convolves a sky cube map.
  function tilesetOptions(C, cityModel) {
    var o = { shadows: C.ShadowMode.DISABLED, environmentMapOptions: { enabled: false } };
    if (cityModel) { o.skipLevelOfDetail = true; o.immediatelyLoadDesiredLevelOfDetail = true; }
    return o;
  }

  // Cesium renders its split-sum BRDF table (256 x 256, 1,024 GGX samples per pixel) on the GPU before the
  // first physically based model: over a second with software WebGL. The same table, computed offline by
  // services/web/brdf_lut.py, is a 128 KB file (two bytes per pixel). Resolves to "precomputed" or "cesium".
  function installBrdfTable(C, scene, url) {
    if (!url) return Promise.resolve("cesium");
    return fetch(url)
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.arrayBuffer(); })
      .then(function (buf) {
        var rg = new Uint8Array(buf), n = rg.length / 2, size = Math.round(Math.sqrt(n));
        var gen = scene._brdfLutGenerator;   // private in Cesium 1.145; tests/test_viewer_speed.py guards it
        if (size * size !== n || !gen || gen.colorTexture) return "cesium";
        var rgba = new Uint8Array(n * 4);
        for (var i = 0; i < n; i++) { rgba[4 * i] = rg[2 * i]; rgba[4 * i + 1] = rg[2 * i + 1]; rgba[4 * i + 3] = 255; }
        gen._colorTexture = new C.Texture({
          context: scene.context, width: size, height: size, flipY: false, sampler: C.Sampler.NEAREST,
          source: { arrayBufferView: rgba, width: size, height: size }
        });
        return "precomputed";
      })
      .catch(function (e) { console.info("BRDF table not loaded, Cesium computes it:", e); return "cesium"; });
  }

  // Cesium's own credit is the ion logo linked to cesium.com. An offline viewer (and a kiosk) must not send
  // citizens to outside sites: the same attribution as plain text, through Cesium's public API.
  function offlineCredit(C, text) {
    var span = document.createElement("span");
    span.className = "gdi-credit";
    span.textContent = text || "CesiumJS";
    C.CreditDisplay.cesiumCredit = new C.Credit(span.outerHTML, true);
  }

  // A base layer of gdi.yml (basemap.external: WMTS in REST form, WMS, XYZ; or the offline /basemap tiles) as
  // Cesium imagery, its source note as plain text (no link): the viewer's base layers and the kiosk's 3D view.
  function baseImagery(C, b) {
    var note = document.createElement("span");
    note.textContent = b.attribution || "";
    var credit = new C.Credit(note.outerHTML, true);
    if (b.kind === "wmts") {
      return new C.WebMapTileServiceImageryProvider({
        url: b.url, layer: b.layer, style: b.style, format: b.format, tileMatrixSetID: b.tile_matrix_set,
        maximumLevel: b.maximum_level, tilingScheme: new C.WebMercatorTilingScheme(), credit: credit });
    }
    if (b.kind === "wms") {
      return new C.WebMapServiceImageryProvider({
        url: b.url, layers: b.layer, tileWidth: 512, tileHeight: 512, credit: credit,
        parameters: { transparent: false, format: b.format, styles: "" } });
    }
    return new C.UrlTemplateImageryProvider({ url: b.url, maximumLevel: b.maximum_level, credit: credit,
                                              tilingScheme: new C.WebMercatorTilingScheme() });
  }

  window.GdiCesium = { viewerOptions: VIEWER_OPTIONS, tuneScene: tuneScene, tilesetOptions: tilesetOptions,
                       installBrdfTable: installBrdfTable, offlineCredit: offlineCredit, baseImagery: baseImagery };
})();
