// Starts Swagger UI on /docs. FastAPI's own page does this in an inline <script>, which the
// Content-Security-Policy (script-src 'self') refuses, so the same call lives in this file.
// The parameters are FastAPI's defaults (fastapi.openapi.docs.swagger_ui_default_parameters),
// with the online spec validator turned off: the page must not reach outside this server.
"use strict";

(function () {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  });
})();
