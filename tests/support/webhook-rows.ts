import type { Db } from "../../lib/db";
import { newId } from "../../lib/ids";
import { encryptSecret } from "../../lib/secret-box";
import { newSigningSecret } from "../../lib/webhooks/sending/standard-webhooks";

/**
 * An endpoint row as registration writes it, but without registration's checks: an endpoint
 * registered under an older, laxer version, or whose name resolved to a public address then.
 */
export async function insertEndpoint(db: Db, url: string): Promise<string> {
  const id = newId("webhookEndpoint");
  await db.webhookEndpoint.create({
    data: { id, url, enabledEvents: ["*"], secretEncrypted: encryptSecret(newSigningSecret()) },
  });
  return id;
}

/** A domain event in the outbox, as a change writes it; the relay fans it out to every endpoint. */
export async function insertEvent(db: Db): Promise<string> {
  const id = newId("event");
  await db.domainEvent.create({ data: { id, type: "customer.updated", customerId: null, data: { id } } });
  return id;
}

/** A due delivery of a new event to one endpoint, as the relay writes it. */
export async function insertDelivery(db: Db, endpointId: string): Promise<string> {
  const eventId = await insertEvent(db);
  await db.domainEvent.update({ where: { id: eventId }, data: { dispatchedAt: new Date() } });
  const id = newId("webhookDelivery");
  await db.webhookDelivery.create({ data: { id, endpointId, eventId, nextAttemptAt: new Date() } });
  return id;
}
