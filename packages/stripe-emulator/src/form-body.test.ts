import { describe, expect, it } from "vitest";
import { parseFormBody } from "./form-body";
import { mergeMetadata, Params } from "./params";

describe("parseFormBody", () => {
  it("decodes the SDK's indexed bracket notation into nested lists and objects", () => {
    const body =
      "customer=cus_1&items[0][price_data][recurring][interval]=month&items[0][quantity]=2" +
      "&items[1][price]=price_2&expand[0]=latest_invoice&expand[1]=latest_invoice.payment_intent&metadata[k]=v";
    expect(parseFormBody(body)).toEqual({
      customer: "cus_1",
      items: [{ price_data: { recurring: { interval: "month" } }, quantity: "2" }, { price: "price_2" }],
      expand: ["latest_invoice", "latest_invoice.payment_intent"],
      metadata: { k: "v" },
    });
  });

  it("accepts curl's empty brackets and percent-encoded brackets", () => {
    expect(parseFormBody("expand[]=a&expand[]=b&metadata%5Bk%5D=v%20w")).toEqual({
      expand: ["a", "b"],
      metadata: { k: "v w" },
    });
  });

  it("ignores keys that would reach Object.prototype", () => {
    const parsed = parseFormBody("__proto__[polluted]=yes&a[__proto__][x]=1");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed).toEqual({ a: {} });
  });
});

describe("Params", () => {
  const params = new Params(parseFormBody("amount=12x&items[0][quantity]=-1&confirm=yes&email="));

  it("names the full param path in errors", () => {
    expect(() => params.integer("amount")).toThrow(/Invalid integer: 12x/);
    const [item] = params.objectList("items");
    expect(() => item?.integer("quantity", { min: 0 })).toThrowError(
      expect.objectContaining({ body: expect.objectContaining({ param: "items[0][quantity]" }) }),
    );
    expect(() => params.boolean("confirm")).toThrow(/Invalid boolean/);
    expect(() => params.requiredString("currency")).toThrow(/Missing required param: currency/);
  });

  it("reads an empty string as null for nullable fields", () => {
    expect(params.nullableString("email")).toBeNull();
    expect(params.nullableString("name")).toBeUndefined();
  });
});

describe("mergeMetadata", () => {
  it("merges keys, deletes keys sent empty, and clears everything for an empty object", () => {
    expect(mergeMetadata({ a: "1", b: "2" }, { b: "", c: "3" })).toEqual({ a: "1", c: "3" });
    expect(mergeMetadata({ a: "1" }, {})).toEqual({});
    expect(mergeMetadata({ a: "1" }, undefined)).toEqual({ a: "1" });
  });
});
