/* Offline stand-in for leaflet.markercluster (not vendored): a plain feature group, so pygeoapi's
   items page works without loading anything from a CDN. Markers are not clustered. */
(function () {
  if (window.L && !L.markerClusterGroup) {
    L.markerClusterGroup = function (opts) { return L.featureGroup([], opts); };
  }
})();
