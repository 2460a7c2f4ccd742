import { readFileSync } from "node:fs";

export interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** The local accounts (/etc/passwd), for picking PostgreSQL's identity and naming owners in messages. */
export function localAccounts(): Account[] {
  let text = "";
  try {
    text = readFileSync("/etc/passwd", "utf8");
  } catch {
    return [];
  }
  return text.split("\n").flatMap((line) => {
    const [name, , uid, gid] = line.split(":");
    if (!name || uid === undefined || gid === undefined) return [];
    return [{ name, uid: Number(uid), gid: Number(gid) }];
  });
}

export function accountNamed(name: string): Account | undefined {
  return localAccounts().find((account) => account.name === name);
}

export function nameOfUid(uid: number): string {
  return localAccounts().find((account) => account.uid === uid)?.name ?? `uid ${uid}`;
}
