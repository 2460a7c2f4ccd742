/**
 * A first-run fault the user can fix (a taken port, a full disk, a missing right), described in
 * words that name the thing, the reason and the fix. Start-up prints it without a stack trace
 * and exits with 1 (see startup-failure.ts).
 */
export class StartupError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}
