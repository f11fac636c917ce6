/* The base map under the plan in the participation maps (procedure page, kiosk): the first external base
   layer of gdi.yml (basemap.external: WMTS in REST form, WMS or XYZ) or the offline /basemap tiles, with the
   source note as plain text. GdiBasemap(L, spec) -> a Leaflet layer, or null without a spec. */
(function () {
  "use strict";
  window.GdiBasemap = function (L, spec) {
    if (!spec || !spec.url) { return null; }
    var opts = { attribution: spec.attribution || "", maxZoom: 20, maxNativeZoom: spec.maximum_level || 19 };
    if (spec.kind === "wms") {
      return L.tileLayer.wms(spec.url, { layers: spec.layer, format: spec.format || "image/png", transparent: false,
                                         version: "1.3.0", attribution: opts.attribution });
    }
    var url = spec.url;
    if (spec.kind === "wmts") {   // REST template: Web Mercator matrices are the zoom levels
      url = url.replace("{TileMatrix}", "{z}").replace("{TileRow}", "{y}").replace("{TileCol}", "{x}")
        .replace("{Style}", spec.style || "default").replace("{TileMatrixSet}", spec.tile_matrix_set || "")
        .replace("{Layer}", spec.layer || "");
    }
    return L.tileLayer(url, opts);
  };
}());
