import { fileSystemProblem } from "./file-system-problem";
import { StartupError } from "./startup-error";

/** The problems of a fault the user can fix, or undefined for anything else (a bug keeps its stack). */
export function userFacingProblems(error: unknown): string[] | undefined {
  if (error instanceof StartupError) return error.problems;
  return fileSystemProblem(error)?.problems;
}

/** "DonutWork cannot start: …" for one problem, a list for several. */
export function describeProblems(heading: string, problems: string[]): string {
  return problems.length === 1 ? `${heading}: ${problems[0]}` : `${heading}:\n  - ${problems.join("\n  - ")}`;
}

/**
 * Runs `work`; a fault the user can fix ends the process with its message and exit code 1,
 * anything else is thrown on. For the CLI and `db:migrate`.
 */
export async function exitOnUserFacingProblem<T>(heading: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const problems = userFacingProblems(error);
    if (!problems) throw error;
    console.error(describeProblems(heading, problems));
    process.exit(1);
  }
}
