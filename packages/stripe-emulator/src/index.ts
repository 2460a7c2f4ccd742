import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { nextSessionExpiry } from "./checkout-sessions";
import { Clock, Scheduler } from "./clock";
import type { EmulatorContext } from "./context";
import { EventRecorder } from "./event-recorder";
import { FaultInjector, faultInjectionRoutes } from "./fault-injection";
import { createRequestListener } from "./http-server";
import { IdempotencyKeys } from "./idempotency";
import { Router } from "./router";
import { allRoutes } from "./routes";
import { Store } from "./store";
import { nextSubscriptionWork } from "./subscription-lifecycle";
import { DEFAULT_RETRY_POLICY, type WebhookRetryPolicy, WebhookSender } from "./webhook-sender";

export interface StripeEmulatorOptions {
  /** 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Base URL browsers use for the hosted pages; default http://{host}:{port}. */
  publicUrl?: string;
  /** Where signed events are POSTed (the app's /webhooks/stripe); none = no delivery. */
  webhookUrl?: string;
  /** whsec_… used to sign like Stripe does. */
  webhookSecret: string;
  /** State is loaded from here at start and saved atomically after each change. */
  stateFile?: string;
  log?: (line: string) => void;
  /** Tuning for tests; defaults to 0.5 s doubling up to 8 s, 10 attempts, 10 s timeout. */
  webhookRetry?: Partial<WebhookRetryPolicy>;
}

export interface StripeEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Moves the emulator's clock forward, running renewals, trial ends and expiries on the way. */
  advanceClock(seconds: number): Promise<void>;
  /** The emulator's current time, in Unix seconds. */
  now(): number;
}

// Due work also happens as real time passes, not only on requests (a session expiring at night).
const BACKGROUND_TICK_MS = 1_000;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => undefined);
  const store = Store.open(options.stateFile);
  const clock = new Clock(store.state);
  const save = () => store.save();

  const sender = options.webhookUrl
    ? new WebhookSender({
        url: options.webhookUrl,
        secret: options.webhookSecret,
        queue: store.state.webhookQueue,
        findEvent: (id) => store.events.find(id),
        onChange: save,
        log,
        retry: { ...DEFAULT_RETRY_POLICY, ...options.webhookRetry },
      })
    : undefined;
  const events = new EventRecorder(store, clock, sender !== undefined, (event) => sender?.enqueue(event));

  const server = createServer();
  const port = await listen(server, options.port ?? 0, host);
  const url = `http://${host}:${port}`;
  const sources = [() => nextSubscriptionWork(ctx), () => nextSessionExpiry(ctx)];
  const scheduler = new Scheduler(clock, sources);
  const ctx: EmulatorContext = {
    store,
    clock,
    events,
    publicUrl: (options.publicUrl ?? url).replace(/\/$/, ""),
    advanceClock: (seconds) => scheduler.advance(seconds),
    log,
  };
  const faults = new FaultInjector();
  const idempotency = new IdempotencyKeys(store.state.idempotency, () => clock.now());
  server.on(
    "request",
    createRequestListener({
      ctx,
      router: new Router([...allRoutes, ...faultInjectionRoutes(faults)]),
      scheduler,
      idempotency,
      faults,
      save,
    }),
  );

  const tick = setInterval(() => {
    if (scheduler.runDue() > 0) save();
  }, BACKGROUND_TICK_MS);
  tick.unref();
  sender?.start();

  return {
    url,
    port,
    now: () => clock.now(),
    async advanceClock(seconds) {
      scheduler.advance(seconds);
      save();
    },
    async close() {
      clearInterval(tick);
      await sender?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      save();
    },
  };
}
