import { type BenchDatabase, openBenchDatabase, removeBenchRows, withClient } from "./database";
import { type SeedResult, seed } from "./seed";

/**
 * The benchmark database of `customers` seeded customers, in the data dir of that size (so a run
 * at 100,000 never finds the million of an earlier one), with what an earlier run's load left
 * removed first.
 */
export async function openSeededDatabase(
  customers: number,
  log: (line: string) => void,
): Promise<{ database: BenchDatabase; seeded: SeedResult }> {
  process.env.DONUTWORK_DATA_DIR ||= `.data-bench/${customers}`;
  const database = await openBenchDatabase(log);
  const seeded = await withClient(database.url, async (client) => {
    const removed = await removeBenchRows(client);
    if (removed > 0) log(`removed ${removed} customers left by an earlier run`);
    return seed(client, customers, log);
  });
  return { database, seeded };
}
