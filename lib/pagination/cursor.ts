import { AppError } from "../errors/app-error";
import { type IdKind, isId } from "../ids";
import type { PaginationQuery } from "../validations/pagination";

/** What a list is keyed by: one kind of eid, or a serial number (audit records). */
export type CursorKey = IdKind | "serial";

// At most 18 digits: always within PostgreSQL's bigint, whatever a caller encodes.
const SERIAL = /^[1-9][0-9]{0,17}$/;

/**
 * Cursors are opaque to callers: the id of the last item of a page, base64url-encoded. Lists
 * are ordered by id descending, and ids are ULIDs (or serials), so this is newest first and stable.
 */
export function encodeCursor(id: string | bigint): string {
  return Buffer.from(String(id)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, key: CursorKey): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, "base64url").toString();
  if (!(key === "serial" ? SERIAL.test(id) : isId(key, id))) {
    throw new AppError(
      "validation_failed",
      "The cursor is not valid; pass next_cursor from the previous page.",
      {
        errors: [{ field: "cursor", message: "is not a cursor this list returned" }],
      },
    );
  }
  return id;
}

/** The rows a page needs: those before the cursor's id, one more than the limit (it says whether there is more). */
export function windowOf(
  query: PaginationQuery,
  key: CursorKey,
): { beforeId: string | undefined; take: number } {
  return { beforeId: decodeCursor(query.cursor, key), take: query.limit + 1 };
}

/** Of `limit + 1` rows fetched, the first `limit`: the extra row only says there is more. */
export function firstOf<Row>(rows: Row[], limit: number): { rows: Row[]; hasMore: boolean } {
  const hasMore = rows.length > limit;
  return { rows: hasMore ? rows.slice(0, limit) : rows, hasMore };
}

/** The list envelope of every list, from `limit + 1` rows fetched, with the cursor of the next page. */
export function page<Row extends { id: string | bigint }, Item>(
  fetched: Row[],
  limit: number,
  serialize: (row: Row) => Item,
) {
  const { rows, hasMore } = firstOf(fetched, limit);
  const last = rows.at(-1);
  return {
    object: "list" as const,
    data: rows.map(serialize),
    has_more: hasMore,
    next_cursor: hasMore && last ? encodeCursor(last.id) : null,
  };
}
