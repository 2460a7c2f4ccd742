// The customer hot paths (create, list) run as plain SQL on the shared pool: through Prisma a
// list cost ~1.8 ms of CPU against ~0.3 ms for the same query in `pg` (bench/api/README.md).
// These fragments give exactly the CustomerRow the serializer takes, so the JSON stays one shape.

/** `c` is the customer, `pm` its default payment method (left-joined). */
export const CUSTOMER_FROM = `customers c left join payment_methods pm on pm.id = c.default_payment_method_id`;

export const CUSTOMER_ROW_COLUMNS = `
  c.id, c.external_id as "externalId", c.email, c.company_name as "companyName",
  c.address_line1 as "addressLine1", c.address_line2 as "addressLine2", c.address_city as "addressCity",
  c.address_state as "addressState", c.address_postal_code as "addressPostalCode",
  c.address_country as "addressCountry", c.properties, c.status,
  c.created_at as "createdAt", c.updated_at as "updatedAt",
  case when pm.id is null then null else json_build_object(
    'id', pm.id, 'brand', pm.brand, 'last4', pm.last4, 'expMonth', pm.exp_month, 'expYear', pm.exp_year
  ) end as "defaultPaymentMethod"`;

/** Collects positional parameters: `values.add(x)` returns `$n` for use in the SQL text. */
export class SqlValues {
  readonly list: unknown[] = [];
  add(value: unknown): string {
    this.list.push(value);
    return `$${this.list.length}`;
  }
}
