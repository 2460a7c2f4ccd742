/*
 * Decodes Stripe's `application/x-www-form-urlencoded` bracket notation into nested values:
 * `metadata[k]=v`, `expand[]=a&expand[]=b`, `items[0][price_data][recurring][interval]=month`.
 * The SDK writes arrays with indices (`expand[0]=…`); curl users write `expand[]=…`. Both work.
 */

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

// Keys that would let a request reach Object.prototype through the nested assignment below.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** `a[b][]` → ["a", "b", ""]; a name without brackets is a single segment. */
function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  for (let match = pattern.exec(key); match; match = pattern.exec(key)) segments.push(match[1] ?? "");
  return segments;
}

function assign(target: FormObject, segments: string[], value: string): void {
  let node = target;
  for (let index = 0; index < segments.length; index++) {
    let segment = segments[index] ?? "";
    if (FORBIDDEN_KEYS.has(segment)) return;
    // `[]` appends: give the new element the next free numeric key.
    if (segment === "") segment = String(Object.keys(node).length);
    const isLast = index === segments.length - 1;
    if (isLast) {
      node[segment] = value;
      return;
    }
    const child = node[segment];
    if (child === undefined || typeof child === "string") {
      const created: FormObject = {};
      node[segment] = created;
      node = created;
    } else if (Array.isArray(child)) {
      return; // cannot happen before normalisation; ignore rather than corrupt
    } else {
      node = child;
    }
  }
}

/** Objects whose keys are all 0..n-1 (in any order) become arrays, recursively. */
function normalise(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const key of keys) value[key] = normalise(value[key] as FormValue);
  const isList = keys.length > 0 && keys.every((key) => /^\d+$/.test(key));
  if (!isList) return value;
  return keys
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => value[String(index)] as FormValue);
}

export function parseFormBody(body: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) assign(root, splitKey(key), value);
  // Only nested values can be lists: the top level is always an object of named params.
  for (const key of Object.keys(root)) root[key] = normalise(root[key] as FormValue);
  return root;
}

/** JSON bodies (accepted on the `/_emulator` routes) read through the same typed params. */
export function formFromJson(json: unknown): FormObject {
  const toFormValue = (value: unknown): FormValue | undefined => {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value)) return value.map(toFormValue).filter((item) => item !== undefined);
    if (typeof value === "object") return formFromJson(value);
    return String(value);
  };
  const form: FormObject = {};
  if (typeof json !== "object" || json === null || Array.isArray(json)) return form;
  for (const [key, value] of Object.entries(json)) {
    const converted = toFormValue(value);
    if (converted !== undefined && !FORBIDDEN_KEYS.has(key)) form[key] = converted;
  }
  return form;
}
