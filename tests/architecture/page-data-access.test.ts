import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Pages and server actions reach data only through the data-access layer (lib/dal), whose
// functions decide access before they read: a page that imported lib/server itself could fetch
// data beside a layout that redirects, and stream it to a visitor without the right.

const APP = path.resolve("app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .map((file) => path.join(dir, file));
}

const relative = (file: string) => path.relative(process.cwd(), file);
const outsideApi = sourceFiles(APP).filter(
  (file) => !relative(file).startsWith(`app${path.sep}api${path.sep}`),
);
// The domain: lib/server, and outgoing webhooks' endpoints and deliveries, which live together in
// lib/webhooks (the event-type list beside them is a shape pages may read).
const IMPORTS_LIB_SERVER =
  /from\s+["'](@\/|(\.\.\/)+)lib\/(server|webhooks\/endpoints|webhooks\/deliveries)\//;

describe("pages and server actions", () => {
  it("never import lib/server directly (outside app/api, whose handlers check access first)", () => {
    expect(outsideApi.length).toBeGreaterThan(10);
    const offenders = outsideApi.filter((file) => IMPORTS_LIB_SERVER.test(readFileSync(file, "utf8")));
    expect(offenders.map(relative)).toEqual([]);
  });

  it("every staff page and layout decides access itself (requireStaff or a lib/dal function)", () => {
    const staff = sourceFiles(path.join(APP, "(dashboard)")).filter((file) =>
      /^(page|layout)\.tsx$/.test(path.basename(file)),
    );
    expect(staff.length).toBeGreaterThan(5);
    const unchecked = staff.filter((file) => {
      const source = readFileSync(file, "utf8");
      return !/await requireStaff\(/.test(source) && !/from "@\/lib\/dal\//.test(source);
    });
    expect(unchecked.map(relative)).toEqual([]);
  });

  it("the detector sees a direct import", () => {
    expect(
      IMPORTS_LIB_SERVER.test('import { getCustomer } from "@/lib/server/customers/get-customer";'),
    ).toBe(true);
    expect(IMPORTS_LIB_SERVER.test('import { x } from "../../../lib/server/customers/x";')).toBe(true);
    expect(
      IMPORTS_LIB_SERVER.test('import { x } from "@/lib/webhooks/endpoints/list-webhook-endpoints";'),
    ).toBe(true);
    expect(IMPORTS_LIB_SERVER.test('import { x } from "@/lib/dal/customers";')).toBe(false);
    expect(IMPORTS_LIB_SERVER.test('import { x } from "@/lib/webhooks/event-types";')).toBe(false);
  });
});
