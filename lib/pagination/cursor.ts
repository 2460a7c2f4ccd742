import { AppError } from "../errors/app-error";
import { type IdKind, isId } from "../ids";

/**
 * Cursors are opaque to callers: the id of the last item of a page, base64url-encoded. Lists
 * are ordered by id descending, and ids are ULIDs, so this is newest first and stable.
 */
export function encodeCursor(id: string): string {
  return Buffer.from(id).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, kind: IdKind): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, "base64url").toString();
  if (!isId(kind, id)) {
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

/** Of `limit + 1` rows fetched, the first `limit`: the extra row only says there is more. */
export function firstOf<Row>(rows: Row[], limit: number): { rows: Row[]; hasMore: boolean } {
  const hasMore = rows.length > limit;
  return { rows: hasMore ? rows.slice(0, limit) : rows, hasMore };
}

/** Builds the list envelope from `limit + 1` rows fetched, with the cursor of the next page. */
export function page<Row extends { id: string }, Item>(
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
