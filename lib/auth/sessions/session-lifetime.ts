/**
 * A staff session lasts one working day from sign-in, however active it is: the cookie's JWT and
 * the server-side row expire together, and signing in again starts a new session.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** How stale `last_seen_at` may get before a request refreshes it: one write per few minutes, not per request. */
export const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;
