-- Hand-written (schema.prisma has no way to say it): multi-column statistics for the property
-- filters. Without them the planner multiplies the selectivity of `key = …` with that of
-- `value_… = …` as if they were independent, estimates a common pair at a tenth of its rows, and
-- answers two common property filters by hashing both sets and sorting (400 ms at 100,000
-- customers) instead of walking the newest customers (4 ms): bench/api/README.md, "Filters".
CREATE STATISTICS "customer_properties_key_value_text_stats" (mcv) ON "key", "value_text" FROM "customer_properties";
CREATE STATISTICS "customer_properties_key_value_number_stats" (mcv) ON "key", "value_number" FROM "customer_properties";
CREATE STATISTICS "customer_properties_key_value_boolean_stats" (mcv) ON "key", "value_boolean" FROM "customer_properties";
ANALYZE "customer_properties";
