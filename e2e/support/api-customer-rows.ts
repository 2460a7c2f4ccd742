import { queryDatabase } from "./api-database";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PROPERTY_KEY = /^[A-Za-z0-9_.-]{1,40}$/;

interface Row extends Record<string, unknown> {
  id: string;
  external_id: string;
  email: string;
  company_name: string | null;
  address_country: string;
  properties: unknown;
  status: string;
}

function propertiesProblem(properties: unknown): string | null {
  if (!Array.isArray(properties)) return "properties is not an array";
  if (properties.length > 50) return `${properties.length} properties`;
  const keys = new Set<string>();
  for (const pair of properties) {
    if (pair === null || typeof pair !== "object" || Array.isArray(pair))
      return "a property is not an object";
    const { key, value, ...rest } = pair as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return `a property has extra members ${Object.keys(rest)}`;
    if (typeof key !== "string" || !PROPERTY_KEY.test(key)) return `bad key ${JSON.stringify(key)}`;
    if (keys.has(key)) return `duplicate key ${key}`;
    keys.add(key);
    const valid =
      (typeof value === "string" && value.length <= 500) ||
      (typeof value === "number" && Number.isFinite(value)) ||
      typeof value === "boolean";
    if (!valid)
      return `bad value ${typeof value === "number" ? value : JSON.stringify(value)?.slice(0, 80)} for ${key}`;
  }
  return null;
}

/**
 * Every stored customer that breaks a rule a customer must keep (an email, a key of 1–40 letters,
 * digits, `_.-`, at most 50 properties of strings up to 500 characters, numbers or booleans, a
 * two-letter country), with what is wrong: written out here, not taken from the app's schemas.
 */
export async function invalidCustomerRows(): Promise<{ id: string; problem: string }[]> {
  const rows = await queryDatabase<Row>(
    "select id, external_id, email, company_name, address_country, properties, status::text as status from customers",
  );
  return rows.flatMap((row) => {
    const problems = [
      !/^cus_[0-9A-HJKMNP-TV-Z]{26}$/.test(row.id) && "id",
      !(row.external_id.length >= 1 && row.external_id.length <= 255) && "external_id length",
      !EMAIL.test(row.email) && `email ${JSON.stringify(row.email)}`,
      !/^[A-Z]{2}$/.test(row.address_country) && `country ${JSON.stringify(row.address_country)}`,
      row.company_name !== null && row.company_name.length > 200 && "company_name length",
      !["active", "suspended", "deleted"].includes(row.status) && `status ${row.status}`,
      propertiesProblem(row.properties),
    ].filter((problem): problem is string => typeof problem === "string");
    return problems.map((problem) => ({ id: row.id, problem }));
  });
}
