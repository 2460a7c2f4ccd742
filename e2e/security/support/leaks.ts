// What a refused response must not contain: each protected value in every form a page, an RSC
// payload or a JSON body could carry it (as is, URL-encoded, JSON-escaped, HTML-escaped).

export interface Marker {
  /** What the value is, for the failure message: "customer email", "API key name", … */
  label: string;
  value: string;
}

const escapeEach = (value: string, escapeChar: (char: string) => string) =>
  value.replace(/[^A-Za-z0-9]/g, escapeChar);

/** The spellings of `value` a response body could hold. */
export function formsOf(value: string): string[] {
  const hex = (char: string) => (char.codePointAt(0) ?? 0).toString(16);
  return [
    ...new Set([
      value,
      value.toLowerCase(),
      encodeURIComponent(value),
      encodeURIComponent(encodeURIComponent(value)),
      JSON.stringify(value).slice(1, -1),
      JSON.stringify(JSON.stringify(value)).slice(1, -1),
      escapeEach(value, (char) => `\\u${hex(char).padStart(4, "0")}`),
      escapeEach(value, (char) => `&#${char.codePointAt(0)};`),
      escapeEach(value, (char) => `&#x${hex(char)};`),
    ]),
  ];
}

/** The markers found in `text`, each with the form it was found in. */
export function leaksIn(text: string, markers: Marker[]): string[] {
  const haystack = text.toLowerCase();
  return markers.flatMap((marker) => {
    const found = formsOf(marker.value).find((form) => haystack.includes(form.toLowerCase()));
    return found === undefined ? [] : [`${marker.label} (${JSON.stringify(found)})`];
  });
}
