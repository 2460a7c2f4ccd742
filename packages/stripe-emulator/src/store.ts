import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { noSuchResource } from "./errors";
import type { IdempotencyRecord } from "./idempotency";
import type {
  ChargeObject,
  CheckoutSessionObject,
  CreditNoteObject,
  CustomerObject,
  EventObject,
  InvoiceItemObject,
  InvoiceObject,
  PaymentIntentObject,
  PaymentMethodObject,
  PriceObject,
  ProductObject,
  RefundObject,
  SetupIntentObject,
  SubscriptionObject,
} from "./types";

/** How a test card behaves after it is saved; the real card number is never stored. */
export type SavedCardBehaviour = "succeeds" | "charges_fail";

export interface PendingDelivery {
  eventId: string;
  attempts: number;
}

/** Everything the emulator knows. Plain JSON, so it can be written to `stateFile` as is. */
export interface EmulatorState {
  version: 1;
  /** Seconds added to the wall clock by `advanceClock`. */
  clockOffsetSeconds: number;
  customers: Record<string, CustomerObject>;
  deletedCustomerIds: string[];
  checkoutSessions: Record<string, CheckoutSessionObject>;
  setupIntents: Record<string, SetupIntentObject>;
  paymentMethods: Record<string, PaymentMethodObject>;
  cardBehaviours: Record<string, SavedCardBehaviour>;
  products: Record<string, ProductObject>;
  prices: Record<string, PriceObject>;
  subscriptions: Record<string, SubscriptionObject>;
  invoices: Record<string, InvoiceObject>;
  invoiceItems: Record<string, InvoiceItemObject>;
  paymentIntents: Record<string, PaymentIntentObject>;
  charges: Record<string, ChargeObject>;
  refunds: Record<string, RefundObject>;
  creditNotes: Record<string, CreditNoteObject>;
  events: Record<string, EventObject>;
  idempotency: Record<string, IdempotencyRecord>;
  /** Events not yet acknowledged by the webhook endpoint, oldest first. */
  webhookQueue: PendingDelivery[];
}

function emptyState(): EmulatorState {
  return {
    version: 1,
    clockOffsetSeconds: 0,
    customers: {},
    deletedCustomerIds: [],
    checkoutSessions: {},
    setupIntents: {},
    paymentMethods: {},
    cardBehaviours: {},
    products: {},
    prices: {},
    subscriptions: {},
    invoices: {},
    invoiceItems: {},
    paymentIntents: {},
    charges: {},
    refunds: {},
    creditNotes: {},
    events: {},
    idempotency: {},
    webhookQueue: [],
  };
}

/**
 * One resource type. Records keep insertion order (ids are never integer-like), which is creation
 * order, so "newest first" lists are a reverse walk and survive a save/load unchanged.
 */
export class Collection<T extends { id: string }> {
  constructor(
    private readonly records: Record<string, T>,
    /** As Stripe names it in "No such …" errors. */
    readonly resourceName: string,
  ) {}

  find(id: string): T | undefined {
    return Object.hasOwn(this.records, id) ? this.records[id] : undefined;
  }

  get(id: string, param = "id"): T {
    const record = this.find(id);
    if (!record) throw noSuchResource(this.resourceName, id, param);
    return record;
  }

  put(record: T): T {
    this.records[record.id] = record;
    return record;
  }

  remove(id: string): void {
    delete this.records[id];
  }

  /** Newest first, as every Stripe list is. */
  list(predicate: (record: T) => boolean = () => true): T[] {
    return Object.values(this.records).reverse().filter(predicate);
  }

  all(): T[] {
    return Object.values(this.records);
  }
}

export class Store {
  readonly customers: Collection<CustomerObject>;
  readonly checkoutSessions: Collection<CheckoutSessionObject>;
  readonly setupIntents: Collection<SetupIntentObject>;
  readonly paymentMethods: Collection<PaymentMethodObject>;
  readonly products: Collection<ProductObject>;
  readonly prices: Collection<PriceObject>;
  readonly subscriptions: Collection<SubscriptionObject>;
  readonly invoices: Collection<InvoiceObject>;
  readonly invoiceItems: Collection<InvoiceItemObject>;
  readonly paymentIntents: Collection<PaymentIntentObject>;
  readonly charges: Collection<ChargeObject>;
  readonly refunds: Collection<RefundObject>;
  readonly creditNotes: Collection<CreditNoteObject>;
  readonly events: Collection<EventObject>;

  private constructor(
    readonly state: EmulatorState,
    private readonly stateFile: string | undefined,
  ) {
    this.customers = new Collection(state.customers, "customer");
    this.checkoutSessions = new Collection(state.checkoutSessions, "checkout.session");
    this.setupIntents = new Collection(state.setupIntents, "setupintent");
    this.paymentMethods = new Collection(state.paymentMethods, "PaymentMethod");
    this.products = new Collection(state.products, "product");
    this.prices = new Collection(state.prices, "price");
    this.subscriptions = new Collection(state.subscriptions, "subscription");
    this.invoices = new Collection(state.invoices, "invoice");
    this.invoiceItems = new Collection(state.invoiceItems, "invoiceitem");
    this.paymentIntents = new Collection(state.paymentIntents, "payment_intent");
    this.charges = new Collection(state.charges, "charge");
    this.refunds = new Collection(state.refunds, "refund");
    this.creditNotes = new Collection(state.creditNotes, "credit_note");
    this.events = new Collection(state.events, "event");
  }

  /** Loads `stateFile` when it exists; starts empty otherwise (and when no file is configured). */
  static open(stateFile: string | undefined): Store {
    if (!stateFile || !existsSync(stateFile)) return new Store(emptyState(), stateFile);
    const loaded = JSON.parse(readFileSync(stateFile, "utf8")) as Partial<EmulatorState>;
    // Spread over an empty state so a file from an older emulator gains the newer collections.
    return new Store({ ...emptyState(), ...loaded }, stateFile);
  }

  /**
   * Writes the whole state atomically (temp file + rename) so a crash mid-write never leaves a
   * truncated file. Synchronous on purpose: callers save between a change and its HTTP response.
   */
  save(): void {
    if (!this.stateFile) return;
    mkdirSync(path.dirname(this.stateFile), { recursive: true });
    const temporary = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.state));
    renameSync(temporary, this.stateFile);
  }

  /** Finds any stored object by id, using Stripe's id prefixes (used by `expand[]`). */
  findById(id: string): object | undefined {
    for (const [prefix, collection] of this.collectionsByPrefix()) {
      if (id.startsWith(prefix)) return collection.find(id);
    }
    return undefined;
  }

  private collectionsByPrefix(): Array<[string, Collection<{ id: string }>]> {
    return [
      ["cus_", this.customers],
      ["cs_", this.checkoutSessions],
      ["seti_", this.setupIntents],
      ["pm_", this.paymentMethods],
      ["prod_", this.products],
      ["price_", this.prices],
      ["sub_", this.subscriptions],
      ["in_", this.invoices],
      ["ii_", this.invoiceItems],
      ["pi_", this.paymentIntents],
      ["ch_", this.charges],
      ["re_", this.refunds],
      ["cn_", this.creditNotes],
      ["evt_", this.events],
    ];
  }
}
