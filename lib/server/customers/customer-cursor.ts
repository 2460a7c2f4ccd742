import { AppError } from "../../errors/app-error";
import { isId } from "../../ids";
import { decodeCursor, encodeCursor } from "../../pagination/cursor";
import type { CustomerSelection } from "../../validations/customer-list-query";

/** Where the next page starts: the last row's sort key (null in the creation order) and id. */
export interface CustomerPosition {
  key: number | null;
  id: string;
}

const badCursor = () =>
  new AppError(
    "validation_failed",
    "The cursor is not valid for this sort; pass next_cursor from the previous page.",
    {
      errors: [{ field: "cursor", message: "is not a cursor this list returned for this sort" }],
    },
  );

/**
 * Cursors of the creation order stay the id alone (those handed out before sorts existed keep
 * working); a sort by MRR or risk score carries its key too, as `sort:key:id`, so a page
 * boundary inside a run of equal keys is exact, and a cursor of another sort is refused.
 */
export function encodeCustomerCursor(sort: CustomerSelection["sort"], position: CustomerPosition): string {
  if (sort === "created" || position.key === null) return encodeCursor(position.id);
  return encodeCursor(`${sort}:${position.key}:${position.id}`);
}

export function decodeCustomerCursor(
  cursor: string | undefined,
  sort: CustomerSelection["sort"],
): CustomerPosition | undefined {
  if (cursor === undefined) return undefined;
  if (sort === "created") {
    const id = decodeCursor(cursor, "customer");
    return id === undefined ? undefined : { key: null, id };
  }
  const [name, key, id, ...rest] = Buffer.from(cursor, "base64url").toString().split(":");
  if (
    name !== sort ||
    !key ||
    !/^-?[0-9]{1,18}$/.test(key) ||
    !id ||
    !isId("customer", id) ||
    rest.length > 0
  )
    throw badCursor();
  return { key: Number(key), id };
}
