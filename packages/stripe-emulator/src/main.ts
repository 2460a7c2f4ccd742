import { startStripeEmulator } from "./index";

/*
 * Runs the emulator on its own, for manual use (from the repository root):
 *   STRIPE_EMULATOR_PORT=12111 STRIPE_WEBHOOK_URL=http://127.0.0.1:3000/webhooks/stripe \
 *   STRIPE_WEBHOOK_SECRET=whsec_test STRIPE_EMULATOR_STATE=$PWD/.data/stripe.json \
 *   npm start -w @donutwork/stripe-emulator
 * Then: `new Stripe("sk_test_emulator", { host: "127.0.0.1", port: 12111, protocol: "http" })`,
 * and `curl -X POST localhost:12111/_emulator/advance_clock -d seconds=2678400` to skip a month.
 */

const emulator = await startStripeEmulator({
  port: Number(process.env.STRIPE_EMULATOR_PORT ?? 12111),
  host: process.env.STRIPE_EMULATOR_HOST,
  publicUrl: process.env.STRIPE_EMULATOR_PUBLIC_URL,
  webhookUrl: process.env.STRIPE_WEBHOOK_URL,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_emulator",
  stateFile: process.env.STRIPE_EMULATOR_STATE,
  log: (line) => console.log(`[stripe-emulator] ${line}`),
});
console.log(`[stripe-emulator] listening at ${emulator.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    emulator.close().then(() => process.exit(0));
  });
}
