import fc from "fast-check";

// Generators for the bad-input sweep: random JSON, and near-valid bodies with one or two
// mutations (a field dropped, replaced by junk, an unknown key added, nested values mangled).

const poison = fc.constantFrom(
  "\u0000",
  "\ud800",
  "\udfff",
  "\u202e",
  "\uffff",
  "\u0007",
  "\\",
  '"',
  "%",
  "_",
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** What the API stores (README): text without NUL or unpaired surrogates. */
const storable = (text: string) => !text.includes("\0") && !LONE_SURROGATE.test(text);

/** A plausible string with a character that tends to break storage somewhere inside it. */
export const poisonedString: fc.Arbitrary<string> = fc
  .tuple(fc.string({ maxLength: 20 }), poison, fc.string({ maxLength: 20 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);

/** Strings that tend to break things: control characters, NUL, lone surrogates, RTL marks, huge. */
export const junkString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: poisonedString, weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b@acme.example",
      "\ud800",
      "DE\u0000",
      "Germany",
      "de",
      "XX",
      "null",
      "💥@acme.example",
      "Ä@ö.example",
      "\u202egpj.exe",
      "<script>alert(1)</script>",
      "'; drop table customers; --",
      "x".repeat(256),
      "x".repeat(501),
      " padded@acme.example ",
    ),
    weight: 3,
  },
  { arbitrary: fc.integer({ min: 1, max: 1_200_000 }).map((n) => "x".repeat(n)), weight: 1 },
);

export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
  { arbitrary: junkString, weight: 3 },
  {
    arbitrary: fc.constantFrom(null, true, false, 0, -1, 1e308, -1e-308, 2 ** 53 + 1, [], {}, [null], {
      "": "",
    }),
    weight: 2,
  },
);

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const without = (object: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

/** One mutation somewhere in `value` (objects and arrays are entered, other values replaced). */
export function mutated(value: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(value) && value.length > 0) {
    return fc.oneof(
      fc
        .nat(value.length - 1)
        .chain((i) => mutated(value[i]).map((v) => value.map((e, j) => (i === j ? v : e)))),
      fc.nat(value.length - 1).map((i) => value.filter((_, j) => j !== i)),
      fc.nat(value.length - 1).map((i) => [...value, value[i]]),
      junkValue.map((junk) => [...value, junk]),
      junkValue,
    );
  }
  if (isObject(value) && Object.keys(value).length > 0) {
    const keys = Object.keys(value);
    return fc.oneof(
      fc.constantFrom(...keys).map((key) => without(value, key)),
      fc.tuple(fc.constantFrom(...keys), junkValue).map(([key, junk]) => ({ ...value, [key]: junk })),
      fc.tuple(fc.string({ maxLength: 30 }), junkValue).map(([key, junk]) => ({ ...value, [key]: junk })),
      fc.constantFrom(...keys).chain((key) => mutated(value[key]).map((v) => ({ ...value, [key]: v }))),
    );
  }
  return junkValue;
}

/** Random JSON, or a valid body with one or two mutations, or (rarely) the valid body itself. */
export function badInputs(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 2 },
    { arbitrary: valid.chain(mutated), weight: 5 },
    { arbitrary: valid.chain(mutated).chain(mutated), weight: 3 },
    { arbitrary: valid, weight: 1 },
  );
}

const country = fc.constantFrom("DE", "US", "FR", "JP", "BR", "ZA");
// Valid: any storable string up to the limit, control characters included.
const optionalText = fc.option(
  fc
    .oneof(
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.string({ unit: "binary", maxLength: 60 }),
      poisonedString,
    )
    .filter(storable),
  { nil: null },
);

export const validAddress = fc.record({
  line1: optionalText,
  line2: optionalText,
  city: optionalText,
  state: optionalText,
  postal_code: fc.option(fc.stringMatching(/^[0-9A-Z -]{1,10}$/), { nil: null }),
  country,
});

const email = fc.oneof(
  fc.uuid().map((id) => `billing+${id.slice(0, 8)}@acme.example`),
  fc.emailAddress({ size: "small" }),
);

export const validCustomerBody = fc.record({
  external_id: fc.uuid().map((id) => `sweep-${id}`),
  email,
  company_name: optionalText,
  address: validAddress,
});

export const validCustomerPatch = fc.record(
  {
    email,
    company_name: optionalText,
    address: fc.record(
      {
        line1: optionalText,
        city: optionalText,
        country,
      },
      { requiredKeys: [] },
    ),
    status: fc.constantFrom("active", "suspended"),
  },
  { requiredKeys: [] },
);

export const propertyValue = fc.oneof(
  fc.string({ maxLength: 500 }).filter(storable),
  poisonedString.filter(storable),
  fc.string({ unit: "grapheme-composite", maxLength: 100 }),
  fc.integer(),
  // Numbers of at most 15 significant digits: what the API promises to give back unchanged.
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((value) => Number(value.toPrecision(15)))
    .filter(Number.isFinite),
  fc.boolean(),
);

export const validProperties = fc
  .uniqueArray(fc.record({ key: fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/), value: propertyValue }), {
    selector: (pair) => pair.key,
    maxLength: 50,
  })
  .map((properties) => ({ properties }));
