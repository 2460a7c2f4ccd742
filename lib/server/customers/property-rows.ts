import type { Tx } from "../../db";
import type { Property } from "../../validations/properties";

/**
 * One customer_properties row per pair of a jsonb array `p` of {key, value}, the value in the
 * column of its type: the same mapping as the customer_financials migration's back-fill.
 */
export const PROPERTY_ROW_VALUES = `p->>'key',
  case when jsonb_typeof(p->'value') = 'string' then p->>'value' end,
  case when jsonb_typeof(p->'value') = 'number' then (p->>'value')::numeric end,
  case when jsonb_typeof(p->'value') = 'boolean' then (p->>'value')::boolean end`;

export const PROPERTY_ROW_COLUMNS = "customer_id, key, value_text, value_number, value_boolean";

/**
 * Makes customer_properties say what customers.properties now says, in the caller's transaction
 * (the one that wrote the properties, with the customer row locked), so the filters and the
 * export never see a set the customer does not have.
 */
export async function writePropertyRows(tx: Tx, customerId: string, properties: Property[]) {
  await tx.$executeRaw`delete from customer_properties where customer_id = ${customerId}`;
  if (properties.length === 0) return;
  await tx.$executeRawUnsafe(
    `insert into customer_properties (${PROPERTY_ROW_COLUMNS})
     select $1, ${PROPERTY_ROW_VALUES} from jsonb_array_elements($2::jsonb) p`,
    customerId,
    JSON.stringify(properties),
  );
}
