import { expect, test } from "@playwright/test";
import { getCustomer } from "../support/api";
import { expectProblem, readAuth } from "../support/api-client";
import { queryDatabase } from "../support/api-database";
import { customerWithSavedCard } from "../support/payment-onboarding";
import { emulatorStripe, postStripeEvent, stripeEvent } from "../support/stripe-test-helpers";

type CardList = { data: { id: string; detached: boolean; is_default?: boolean }[] };

test.describe("GET /customers/{id}/payment_methods.json", () => {
  test("lists the card on file as the default; a card detached at Stripe only with include_detached=true", async ({
    request,
  }) => {
    const { customer } = await customerWithSavedCard(request);
    await expect
      .poll(async () => (await getCustomer(request, customer.id)).default_payment_method, {
        timeout: 20_000,
      })
      .not.toBeNull();
    const cards = async (query = "") =>
      (await (
        await request.get(`/customers/${customer.id}/payment_methods.json${query}`, { headers: readAuth() })
      ).json()) as CardList;
    const [card] = (await cards()).data;
    expect(card).toMatchObject({ detached: false, is_default: true });

    const [row] = await queryDatabase<{ stripe_payment_method_id: string }>(
      "select stripe_payment_method_id from payment_methods where id = $1",
      [card?.id],
    );
    const detached = await emulatorStripe().paymentMethods.detach(row?.stripe_payment_method_id ?? "");
    await postStripeEvent(
      request,
      stripeEvent("payment_method.detached", { ...detached }, Math.floor(Date.now() / 1000)),
    );
    await expect.poll(async () => (await cards()).data.length, { timeout: 20_000 }).toBe(0);

    const all = await cards("?include_detached=true");
    expect(all.data).toEqual([expect.objectContaining({ id: card?.id, detached: true, is_default: false })]);
    expect((await cards("?include_detached=false")).data).toEqual([]);
  });

  test("include_detached other than true or false, or an unknown parameter, is a 422 naming it", async ({
    request,
  }) => {
    const { customer } = await customerWithSavedCard(request);
    const yes = await request.get(`/customers/${customer.id}/payment_methods.json?include_detached=yes`, {
      headers: readAuth(),
    });
    await expectProblem(yes, 422, ["include_detached"]);
    const unknown = await request.get(`/customers/${customer.id}/payment_methods.json?detached=1`, {
      headers: readAuth(),
    });
    expect(unknown.status()).toBe(422);
  });
});
