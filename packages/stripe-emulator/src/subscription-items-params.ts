import type { EmulatorContext } from "./context";
import { invalidParam } from "./errors";
import type { Params } from "./params";
import { createPriceFrom } from "./prices";
import type { PriceObject } from "./types";

/** A recurring price named by `price`, or made from `price_data` (which must name a `product`). */
export function readItemPrice(ctx: EmulatorContext, item: Params): PriceObject | undefined {
  const priceId = item.string("price");
  const priceData = item.object("price_data");
  if (priceId && priceData) {
    throw invalidParam(
      item.pathOf("price_data"),
      "You may only specify one of these parameters: price, price_data.",
    );
  }
  if (priceData) return createPriceFrom(ctx, priceData, { inline: true, recurringRequired: true });
  if (!priceId) return undefined;
  const price = ctx.store.prices.get(priceId, item.pathOf("price"));
  if (price.type !== "recurring") {
    throw invalidParam(
      item.pathOf("price"),
      `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
    );
  }
  return price;
}

/** All items of a subscription must bill in the same currency and on the same interval. */
export function assertCompatiblePrices(prices: PriceObject[]): void {
  const [first, ...rest] = prices;
  if (!first) return;
  for (const price of rest) {
    if (price.currency !== first.currency) {
      throw invalidParam("items", "All prices on a subscription must have the same `currency`.");
    }
    const sameInterval =
      price.recurring?.interval === first.recurring?.interval &&
      price.recurring?.interval_count === first.recurring?.interval_count;
    if (!sameInterval) {
      throw invalidParam(
        "items",
        "All prices on a subscription must have the same `recurring.interval` and `recurring.interval_count`.",
      );
    }
  }
}
