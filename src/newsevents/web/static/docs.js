// Starts Swagger UI on /docs (a file, not an inline script, so the page keeps the site's script-src 'self' policy).
"use strict";
(function () {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({url: root.dataset.openapiUrl, dom_id: "#swagger-ui", deepLinking: true});
})();
