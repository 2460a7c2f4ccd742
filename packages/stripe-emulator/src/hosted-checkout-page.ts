import { completeSetupCheckout, declineSetupCheckout } from "./checkout-completion";
import type { EmulatorContext } from "./context";
import { escapeHtml, htmlPage } from "./html";
import { type PageResult, pageRoute, type Route } from "./router";
import { checkCvc, checkExpiry, checkTestCard } from "./test-cards";
import type { CheckoutSessionObject } from "./types";

/*
 * The page a Checkout Session's `url` points at: a plain, script-free card form that browsers
 * and Playwright can fill in. Stripe's own Checkout refuses automated browsers; this one is
 * made for them, with real labels and an alert region for errors.
 */

interface FormState {
  cardNumber: string;
  cardExpiry: string;
  cardCvc: string;
  billingName: string;
  error?: { field: "cardNumber" | "cardExpiry" | "cardCvc"; message: string };
}

function defaultExpiry(ctx: EmulatorContext): string {
  const year = new Date(ctx.clock.now() * 1000).getUTCFullYear() + 3;
  return `12 / ${String(year % 100).padStart(2, "0")}`;
}

function field(
  id: keyof FormState,
  label: string,
  value: string,
  state: FormState,
  attributes: string,
): string {
  const invalid = state.error?.field === id ? ' aria-invalid="true" aria-describedby="card-error"' : "";
  return `<label for="${id}">${label}</label>
<input id="${id}" name="${id}" value="${escapeHtml(value)}" ${attributes}${invalid}>`;
}

function renderForm(session: CheckoutSessionObject, state: FormState, status: number): PageResult {
  const error = state.error
    ? `<p id="card-error" class="error" role="alert">${escapeHtml(state.error.message)}</p>`
    : "";
  const cancel = session.cancel_url
    ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>`
    : "";
  const body = `<p class="note">Save a card for future payments. Test mode: use 4242 4242 4242 4242.</p>
${error}
<form method="post" action="/c/pay/${escapeHtml(session.id)}" novalidate>
${field("cardNumber", "Card number", state.cardNumber, state, 'inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required')}
<div class="row">
<div>${field("cardExpiry", "Expiration (MM / YY)", state.cardExpiry, state, 'autocomplete="cc-exp" placeholder="MM / YY" required')}</div>
<div>${field("cardCvc", "CVC", state.cardCvc, state, 'inputmode="numeric" autocomplete="cc-csc" placeholder="123 (optional in test mode)"')}</div>
</div>
${field("billingName", "Name on card", state.billingName, state, 'autocomplete="cc-name"')}
<button type="submit">Save card</button>
</form>
${cancel}`;
  return { kind: "html", status, html: htmlPage("Save your card", body) };
}

function unavailable(status: number, message: string): PageResult {
  return { kind: "html", status, html: htmlPage(message, "<p>You can close this page.</p>") };
}

function openSession(ctx: EmulatorContext, id: string): CheckoutSessionObject | PageResult {
  const session = ctx.store.checkoutSessions.find(id);
  if (!session) return unavailable(404, "This checkout session does not exist");
  if (session.status !== "open") return unavailable(410, "This checkout session is no longer available");
  return session;
}

function submitCard(ctx: EmulatorContext, session: CheckoutSessionObject, state: FormState): PageResult {
  const number = checkTestCard(state.cardNumber);
  if (!number.ok && number.code === "invalid_number") {
    return renderForm(session, { ...state, error: { field: "cardNumber", message: number.message } }, 400);
  }
  const expiry = checkExpiry(state.cardExpiry, new Date(ctx.clock.now() * 1000));
  if (!expiry.ok)
    return renderForm(session, { ...state, error: { field: "cardExpiry", message: expiry.message } }, 400);
  const cvcError = checkCvc(state.cardCvc, number.ok ? number.card.brand : "unknown");
  if (cvcError) return renderForm(session, { ...state, error: { field: "cardCvc", message: cvcError } }, 400);
  if (!number.ok) {
    declineSetupCheckout(ctx, session, number);
    return renderForm(session, { ...state, error: { field: "cardNumber", message: number.message } }, 402);
  }
  const billingName = state.billingName.trim() || null;
  const location = completeSetupCheckout(ctx, session, {
    card: number.card,
    expiry: expiry.expiry,
    billingName,
  });
  return { kind: "redirect", status: 303, location };
}

export const hostedCheckoutRoutes: Route[] = [
  pageRoute("GET", "/c/pay/:id", (ctx, request) => {
    const session = openSession(ctx, request.pathParam("id"));
    if ("kind" in session) return session;
    return renderForm(
      session,
      { cardNumber: "", cardExpiry: defaultExpiry(ctx), cardCvc: "", billingName: "" },
      200,
    );
  }),
  pageRoute("POST", "/c/pay/:id", (ctx, request) => {
    const session = openSession(ctx, request.pathParam("id"));
    if ("kind" in session) return session;
    const form = request.params;
    return submitCard(ctx, session, {
      cardNumber: form.string("cardNumber") ?? "",
      cardExpiry: form.string("cardExpiry") ?? "",
      cardCvc: form.string("cardCvc") ?? "",
      billingName: form.string("billingName") ?? "",
    });
  }),
];
