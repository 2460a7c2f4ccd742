import { ApiReference } from "@scalar/nextjs-api-reference";
import { scalarBundleUrl } from "./scalar-bundle";

// The API reference at /docs/api: Scalar (@scalar/nextjs-api-reference) rendering the document
// served at /openapi.json, with "try it" sending requests to this server with an API key.

/**
 * Scalar's bundle assumes a laxer Content-Security-Policy than the pages' (proxy.ts: scripts and
 * <style> elements only with the request's nonce, no 'unsafe-eval'). This runs before it:
 * - the bundle inserts its stylesheets as <style> elements it creates itself, with no way to pass
 *   a nonce: every <style> the page creates gets the nonce, instead of allowing 'unsafe-inline';
 * - the zod inside the bundle tries `new Function("")` once to choose compiled over interpreted
 *   parsing. The policy refuses it and zod interprets, but the browser reports a violation; the
 *   constructor throws the same EvalError itself first. Functions, instanceof and the prototype
 *   are untouched, and code from strings stays refused as the policy says.
 */
const CSP_SHIMS = `(() => {
  const nonce = document.currentScript && document.currentScript.nonce;
  if (nonce) {
    const createElement = Document.prototype.createElement;
    Document.prototype.createElement = function (tagName, options) {
      const element = createElement.call(this, tagName, options);
      if (String(tagName).toLowerCase() === "style") element.setAttribute("nonce", nonce);
      return element;
    };
  }
  const refuse = () => {
    throw new EvalError("Code from strings is refused on this page (Content-Security-Policy).");
  };
  globalThis.Function = new Proxy(Function, { apply: refuse, construct: refuse });
})();`;

const render = () =>
  ApiReference({
    url: "/openapi.json",
    cdn: scalarBundleUrl(),
    pageTitle: "API reference · DonutWork",
    // The app has no favicon: an empty one spares the browser a request that would answer 404.
    favicon: "data:,",
    theme: "default",
    // Offline by design: no fonts from Scalar's CDN, no telemetry, no hosted proxy, no AI agent
    // (it searches Scalar's registry), no developer toolbar (its "share" uploads the document).
    withDefaultFonts: false,
    agent: { disabled: true },
    telemetry: false,
    proxyUrl: "",
    showDeveloperTools: "never",
    hideClientButton: true,
    // "Try it" asks for an API key (bearer); it is kept in the page, never in local storage.
    authentication: { preferredSecurityScheme: "bearer" },
    persistAuth: false,
    defaultOpenAllTags: true,
  })();

const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);

/** The reference page for one request: every <script> and <style> in it carries the request's nonce. */
export async function referencePage(nonce: string): Promise<Response> {
  const html = await render().text();
  const attribute = `nonce="${escapeAttribute(nonce)}"`;
  const stamped = html
    .replaceAll("<script", `<script ${attribute}`)
    .replaceAll("<style", `<style ${attribute}`)
    .replace("</head>", `<script ${attribute}>${CSP_SHIMS}</script>\n  </head>`)
    .replace("<html>", '<html lang="en">');
  return new Response(stamped, {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
