"use client";

import { useRef } from "react";

/**
 * One Idempotency-Key per submission: made when the form opens, sent again when the same body
 * is submitted again (a retry after a failure or a timeout, a second click), so the server
 * replays the first answer instead of acting twice; a different body is a new submission and
 * gets a new key (the API refuses one key with two bodies), and so does the next submission
 * after a success.
 */
export function useIdempotencyKey() {
  const current = useRef<{ key: string; body: string | null } | null>(null);
  current.current ??= { key: crypto.randomUUID(), body: null };
  return {
    keyFor(body: unknown): string {
      const serialized = JSON.stringify(body);
      const submission = current.current ?? { key: crypto.randomUUID(), body: null };
      if (submission.body !== null && submission.body !== serialized) submission.key = crypto.randomUUID();
      submission.body = serialized;
      current.current = submission;
      return submission.key;
    },
    succeeded() {
      current.current = { key: crypto.randomUUID(), body: null };
    },
  };
}
