import { invalidParam, missingParam } from "./errors";
import type { FormObject, FormValue } from "./form-body";
import type { Metadata } from "./types";

/**
 * Typed reads of a decoded request body or query string. Every failure is a Stripe-shaped 400 that
 * names the full param path (`items[0][quantity]`), so SDK users see the same errors as with Stripe.
 */
export class Params {
  constructor(
    private readonly values: FormObject,
    private readonly prefix = "",
  ) {}

  /** `items[0][price]` for a nested reader, `price` at the top level. */
  pathOf(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name;
  }

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  isObject(name: string): boolean {
    const value = this.values[name];
    return typeof value === "object" && !Array.isArray(value);
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string")
      throw invalidParam(this.pathOf(name), `Invalid string: ${this.pathOf(name)}`);
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === "") throw missingParam(this.pathOf(name));
    return value;
  }

  /** Stripe clears a nullable field when it is sent as an empty string. */
  nullableString(name: string): string | null | undefined {
    const value = this.string(name);
    return value === "" ? null : value;
  }

  integer(name: string, { min }: { min?: number } = {}): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    if (!/^-?\d+$/.test(text)) throw invalidParam(this.pathOf(name), `Invalid integer: ${text}`);
    const value = Number(text);
    if (min !== undefined && value < min) {
      throw invalidParam(this.pathOf(name), `This value must be greater than or equal to ${min}.`);
    }
    return value;
  }

  requiredInteger(name: string, options: { min?: number } = {}): number {
    const value = this.integer(name, options);
    if (value === undefined) throw missingParam(this.pathOf(name));
    return value;
  }

  boolean(name: string): boolean | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    if (text !== "true" && text !== "false")
      throw invalidParam(this.pathOf(name), `Invalid boolean: ${text}`);
    return text === "true";
  }

  oneOf<const Allowed extends string>(name: string, allowed: readonly Allowed[]): Allowed | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidParam(
        this.pathOf(name),
        `Invalid ${this.pathOf(name)}: must be one of ${allowed.join(", ")}`,
      );
    }
    return value as Allowed;
  }

  object(name: string): Params | undefined {
    const value = this.values[name];
    if (value === undefined || value === "") return undefined;
    if (typeof value === "string" || Array.isArray(value)) {
      throw invalidParam(this.pathOf(name), `Invalid object: ${this.pathOf(name)}`);
    }
    return new Params(value, this.pathOf(name));
  }

  /** A list of nested objects, such as `items[0][…]`, `items[1][…]`. */
  objectList(name: string): Params[] {
    return this.list(name).map((value, index) => {
      const path = `${this.pathOf(name)}[${index}]`;
      if (typeof value === "string" || Array.isArray(value))
        throw invalidParam(path, `Invalid object: ${path}`);
      return new Params(value, path);
    });
  }

  stringList(name: string): string[] {
    return this.list(name).map((value, index) => {
      if (typeof value !== "string") throw invalidParam(`${this.pathOf(name)}[${index}]`, "Invalid string");
      return value;
    });
  }

  /** `metadata[k]=v` pairs; an empty value asks to delete the key (see `mergeMetadata`). */
  metadata(name = "metadata"): Metadata | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (value === "") return {}; // `metadata=` clears every key
    const entries = this.object(name);
    if (!entries) return undefined;
    const metadata: Metadata = {};
    for (const key of entries.keys()) metadata[key] = entries.requiredStringAllowEmpty(key);
    return metadata;
  }

  keys(): string[] {
    return Object.keys(this.values);
  }

  private requiredStringAllowEmpty(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw missingParam(this.pathOf(name));
    return value;
  }

  private list(name: string): FormValue[] {
    const value = this.values[name];
    if (value === undefined || value === "") return [];
    if (Array.isArray(value)) return value;
    if (typeof value === "string") return [value];
    throw invalidParam(this.pathOf(name), `Invalid array: ${this.pathOf(name)}`);
  }
}

/** Applies a metadata update the way Stripe does: keys merge, an empty value removes a key. */
export function mergeMetadata(current: Metadata, update: Metadata | undefined): Metadata {
  if (update === undefined) return current;
  if (Object.keys(update).length === 0) return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === "") delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
