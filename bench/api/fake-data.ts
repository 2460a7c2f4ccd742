// Deterministic, realistic-looking customer data: row i always gets the same names, so a seed
// that is topped up later stays consistent and the search terms below match predictable counts.

const FIRST =
  "anna ben carla david emma felix greta hugo ida jonas klara leon mia noah olga paul rosa sven tara ugo vera wim xenia yusuf zoe".split(
    " ",
  );
const LAST =
  "meyer schmidt novak rossi garcia dubois jensen kowalski silva tanaka obrien larsen moreau weber fischer costa ivanova horvat nilsson berg".split(
    " ",
  );
const ADJECTIVES =
  "blue bright north quiet rapid silver green iron golden clear prime solid swift urban vivid".split(" ");
// 250 nouns: one noun appears in ~0.4% of company names, i.e. a few hundred rows per 100,000.
const NOUN_ROOTS =
  "anchor beacon cedar delta ember falcon glacier harbor island jasper kestrel lantern meadow nebula orchard pioneer quarry raven summit timber unity valley willow yonder zephyr".split(
    " ",
  );
const NOUN_SUFFIXES = "works labs hub point line craft field forge gate path".split(" ");
const COMPANY_FORMS = ["GmbH", "Ltd", "Inc", "SAS", "BV", "AB", "Oy", "SRL", "AG", "LLC"];
const CITIES: [string, string][] = [
  ["Berlin", "DE"],
  ["Munich", "DE"],
  ["London", "GB"],
  ["Paris", "FR"],
  ["Amsterdam", "NL"],
  ["Stockholm", "SE"],
  ["Helsinki", "FI"],
  ["Milan", "IT"],
  ["Madrid", "ES"],
  ["Vienna", "AT"],
  ["Zurich", "CH"],
  ["Dublin", "IE"],
  ["New York", "US"],
  ["Toronto", "CA"],
  ["Warsaw", "PL"],
];
const PLANS = ["starter", "growth", "pro", "enterprise"];
const REGIONS = ["eu-west", "eu-central", "us-east", "apac"];

/** The term of `q` that matches a few hundred rows per 100,000 (one noun root: ~1/25 × 1/10). */
export const COMMON_TERM = "harborworks";
/** A term of `q` that matches exactly one row at any size: row 4242's external id. */
export const RARE_TERM = externalIdOf(4242);

export function externalIdOf(index: number): string {
  return `crm-${String(index + 1).padStart(8, "0")}`;
}

/** A small, fast, seeded PRNG (mulberry32), so every row's data is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

export interface FakeCustomer {
  externalId: string;
  email: string;
  companyName: string | null;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
  properties: string;
  status: "active" | "suspended" | "deleted";
  /** Index-derived randomness for the billing rows of this customer. */
  next: () => number;
}

export function fakeCustomer(index: number): FakeCustomer {
  const next = random(index * 2654435761);
  const first = pick(next, FIRST);
  const last = pick(next, LAST);
  const noun = `${pick(next, NOUN_ROOTS)}${pick(next, NOUN_SUFFIXES)}`;
  const company = `${pick(next, ADJECTIVES)} ${noun}`;
  const [city, country] = pick(next, CITIES);
  const roll = next();
  const properties = [
    { key: "plan", value: pick(next, PLANS) },
    { key: "seats", value: 1 + Math.floor(next() * 200) },
    ...(next() < 0.5 ? [{ key: "region", value: pick(next, REGIONS) }] : []),
    ...(next() < 0.2 ? [{ key: "vip", value: true }] : []),
  ];
  return {
    externalId: externalIdOf(index),
    email: `${first}.${last}${Math.floor(next() * 100)}@${noun}.example`,
    // One in twenty customers is a person without a company.
    companyName: next() < 0.05 ? null : `${company} ${pick(next, COMPANY_FORMS)}`,
    line1: `${1 + Math.floor(next() * 200)} ${pick(next, NOUN_ROOTS)} street`,
    city,
    postalCode: String(10000 + Math.floor(next() * 89999)),
    country,
    properties: JSON.stringify(properties),
    status: roll < 0.9 ? "active" : roll < 0.97 ? "suspended" : "deleted",
    next,
  };
}
