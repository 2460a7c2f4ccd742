import { db } from "../../db";
import { DELIVERY_TIMEOUT_MS } from "../sending/send-webhook";

export interface DeliveryClaim {
  id: string;
  /** The claim's end; the attempt is recorded only while the claim is still this one. */
  leasedUntil: Date;
}

// Longer than one attempt can take (10 s, send-webhook.ts) plus recording it, so a live claim
// never lapses under its worker; a dead worker's claim lapses by itself after this.
const LEASE_SECONDS = DELIVERY_TIMEOUT_MS / 1000 + 10;

/**
 * Claims up to `limit` due deliveries for this worker, at most `perEndpoint` in flight per
 * endpoint counting those other workers hold, oldest due first. So a slow or silent endpoint
 * can occupy at most `perEndpoint` workers however many deliveries it has waiting; the rest
 * wait in the table, holding nothing. Claims from every instance take turns on one transaction
 * lock, so the per-endpoint count is exact; a claim is a single short query.
 */
export async function claimDueDeliveries({
  limit,
  perEndpoint,
}: {
  limit: number;
  perEndpoint: number;
}): Promise<DeliveryClaim[]> {
  if (limit <= 0) return [];
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`select 1 as locked from pg_advisory_xact_lock(hashtext('webhook_deliveries.claim'))`;
    return tx.$queryRaw<DeliveryClaim[]>`
      with endpoints as (
        select e.id,
               (select count(*) from webhook_deliveries held
                 where held.endpoint_id = e.id and held.status = 'pending' and held.leased_until > now()) as in_flight
          from webhook_endpoints e
         where e.deleted_at is null
      ), candidates as (
        select due.id, due.next_attempt_at,
               endpoints.in_flight + row_number() over (partition by endpoints.id order by due.next_attempt_at, due.id) as slot
          from endpoints
         cross join lateral (
           select d.id, d.next_attempt_at from webhook_deliveries d
            where d.endpoint_id = endpoints.id and d.status = 'pending' and d.next_attempt_at <= now()
              and (d.leased_until is null or d.leased_until <= now())
            order by d.next_attempt_at, d.id
            limit ${perEndpoint}
         ) due
      )
      update webhook_deliveries
         set leased_until = now() + ${LEASE_SECONDS} * interval '1 second'
       where id in (select id from candidates where slot <= ${perEndpoint} order by next_attempt_at, id limit ${limit})
      returning id, leased_until as "leasedUntil"`;
  });
}
