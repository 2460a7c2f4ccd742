// The one place in the tests that touches process.env (as lib/env.ts is for the app): the test
// runner's own settings, the environments the tests give the processes they start, and the
// variables app code run inside a test process reads. Everything else imports from here, so a
// new setting is found in one guess and a test cannot read the environment behind our backs.

/** The main test app's port (Playwright's web server); its deployed twin listens 1000 above. */
export const TEST_PORT = Number(process.env.TEST_PORT ?? 3100);
/** The test app's data dir: its embedded PostgreSQL, generated secrets and emulator state. */
export const TEST_DATA_DIR = process.env.TEST_DATA_DIR ?? ".data-test";
/** An external PostgreSQL for the test app instead of the embedded one (CI's second database). */
export const TEST_DATABASE_URL: string | undefined = process.env.TEST_DATABASE_URL || undefined;
/** Set by CI: no reuse of running servers, fewer workers, no `.only`. */
export const IN_CI = !!process.env.CI;
/** A browser other than Debian's Chromium (e.g. Playwright's own). */
export const CHROMIUM_PATH: string | undefined = process.env.PLAYWRIGHT_CHROMIUM_PATH || undefined;

/** A numeric knob of a test (fuzz sizes, seeds) that a run may turn: `FUZZ_REQUESTS=200 …`. */
export function numberSetting(name: string, fallback: number): number {
  const value = process.env[name];
  return value === undefined || value === "" ? fallback : Number(value);
}

/**
 * The test runner's environment for a process a test starts, without the variables matching
 * `drop` (so the runner's settings cannot leak into what is under test), plus `extra`.
 */
export function childEnvironment(
  extra: Record<string, string | undefined> = {},
  drop?: RegExp,
): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  if (drop) for (const name of Object.keys(inherited)) if (drop.test(name)) delete inherited[name];
  return { ...inherited, ...extra };
}

/** Sets (or, with `undefined`, removes) variables for app code that runs in this process. */
export function setEnvironment(variables: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

/**
 * Runs `work` with `variables` set, and puts the previous values back afterwards: for the
 * launcher's own code (which reads DONUTWORK_DATA_DIR and DATABASE_URL) run by a test for a
 * moment, e.g. to start a PostgreSQL server of the test's own.
 */
export async function withEnvironment<T>(
  variables: Record<string, string | undefined>,
  work: () => Promise<T>,
): Promise<T> {
  const previous = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  setEnvironment(variables);
  try {
    return await work();
  } finally {
    setEnvironment(previous);
  }
}
