import { COMMON_TERM } from "./fake-data";

/**
 * The list views whose speed bench/api/README.md sets goals for: each filter of GET /customers.json alone
 * (lib/validations/customer-list-query.ts), each sort in both orders, and common combinations,
 * as query strings. The seed decides what they find (seed-rows.ts, fake-data.ts): 90 % active,
 * 55 % of live customers with a card and a subscription in EUR, USD or GBP, a few cards expired
 * or expiring, properties plan/seats (always), region (half), vip (a fifth).
 */
export function filterScenarios(now: Date): [string, string][] {
  const day = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  return [
    ["first page (unfiltered)", ""],
    ["status=suspended", "status=suspended"],
    ["status=deleted", "status=deleted"],
    ["risk_level=high", "risk_level=high"],
    ["risk_level=medium", "risk_level=medium"],
    ["risk_level=low", "risk_level=low"],
    ["has_payment_method=true", "has_payment_method=true"],
    ["has_payment_method=false", "has_payment_method=false"],
    ["card_expiring=true", "card_expiring=true"],
    ["country=FI", "country=FI"],
    ["currency=EUR", "currency=EUR"],
    ["currency=EUR&mrr_gte=100000", "currency=EUR&mrr_gte=100000"],
    ["currency=GBP&mrr_lte=1000", "currency=GBP&mrr_lte=1000"],
    ["currency=USD&mrr_gte=5000&mrr_lte=20000", "currency=USD&mrr_gte=5000&mrr_lte=20000"],
    ["created_gte (last 30 days)", `created_gte=${day(30)}`],
    ["created_lte (over a year ago)", `created_lte=${day(400)}`],
    ["created_gte&created_lte (one week a year ago)", `created_gte=${day(372)}&created_lte=${day(365)}`],
    [`q=${COMMON_TERM}`, `q=${COMMON_TERM}`],
    ["properties[plan]=pro", "properties[plan]=pro"],
    ["properties[vip]=true", "properties[vip]=true"],
    ["properties[region]=apac", "properties[region]=apac"],
    ["properties[seats][gte]=190", "properties[seats][gte]=190"],
    ["properties[seats][gt]=50&[lt]=60", "properties[seats][gt]=50&properties[seats][lt]=60"],
    ["sort=created&order=asc", "sort=created&order=asc"],
    ["sort=mrr&currency=EUR (desc)", "sort=mrr&currency=EUR"],
    ["sort=mrr&currency=EUR&order=asc", "sort=mrr&currency=EUR&order=asc"],
    ["sort=risk_score (desc)", "sort=risk_score"],
    ["sort=risk_score&order=asc", "sort=risk_score&order=asc"],
    ["risk_level=high&currency=EUR&sort=mrr", "risk_level=high&currency=EUR&sort=mrr"],
    ["status=active&properties[plan]=pro", "status=active&properties[plan]=pro"],
    [`q=${COMMON_TERM}&risk_level=medium`, `q=${COMMON_TERM}&risk_level=medium`],
    ["country=DE&has_payment_method=false", "country=DE&has_payment_method=false"],
    ["card_expiring=true&sort=risk_score", "card_expiring=true&sort=risk_score"],
    [
      "currency=USD&mrr_gte=10000&properties[plan]=enterprise&sort=mrr",
      "currency=USD&mrr_gte=10000&properties[plan]=enterprise&sort=mrr",
    ],
    ["properties[vip]=true&properties[region]=eu-west", "properties[vip]=true&properties[region]=eu-west"],
    ["risk_level=high&created_gte (last 90 days)", `risk_level=high&created_gte=${day(90)}`],
  ];
}
