-- Hand-written: the customer search (q) on external ids, by 6-character windows instead of
-- trigrams. Integrators' ids share long prefixes (crm-000..., cus_...), and a trigram GIN scan
-- advances the posting list of every trigram of the term for every candidate of its rarest one:
-- at 1,000,000 customers the one-row search for crm-00004243 read 1,168 index pages (20 ms warm,
-- 70 ms cold). A 6-character window is rare enough that the rarest one leaves a handful of
-- candidates: 38 pages, 0.3 ms. Measured in bench/api, see its README.
--
-- external_id_grams: the lower-cased windows starting at every character, the last ones shorter,
-- so a term shorter than a window still matches as a prefix of one (even at the very end).
-- external_id_grams_query: a term of 6 or more characters needs all its windows, a shorter one
-- is a prefix of some window. Either is only a pre-filter: the list query keeps its ILIKE,
-- which decides. Both lower-case in SQL, as ILIKE does, so the index and ILIKE fold case alike.
-- Lexemes are quoted for the tsquery parser (quotes doubled, backslashes escaped).
-- (No semicolons in these comments or bodies: the migration runner splits statements on them.)
CREATE FUNCTION "external_id_grams"(external_id text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  select array_to_tsvector(array(
    select substr(lower(external_id), start, 6) from generate_series(1, length(lower(external_id))) as start
  ))
$$;

CREATE FUNCTION "external_id_grams_query"(term text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  select (case
    when length(lower(term)) < 6
      then '''' || replace(replace(lower(term), '\', '\\'), '''', '''''') || ''':*'
    else (
      select string_agg('''' || replace(replace(substr(lower(term), start, 6), '\', '\\'), '''', '''''') || '''', ' & ')
      from generate_series(1, length(lower(term)) - 5) as start
    )
  end)::tsquery
$$;

CREATE INDEX "customers_external_id_grams_idx" ON "customers" USING gin ("external_id_grams"("external_id"));
DROP INDEX "customers_external_id_trgm_idx";
ANALYZE "customers";
