import { expect } from "@playwright/test";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
  [member: string]: unknown;
}

/**
 * Asserts an RFC 9457 problem with the given status (from an answer's status, content type and
 * body text) and returns it. With `fields`, the problem's `errors` must name exactly those fields
 * (in any order): every bad field, and no other.
 */
export function expectProblemBody(
  actualStatus: number,
  contentType: string,
  text: string,
  status: number,
  fields?: string[],
): Problem {
  expect(actualStatus, text).toBe(status);
  expect(contentType).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as Problem;
  expect(problem).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(problem.title.length).toBeGreaterThan(0);
  expect(problem.detail.length).toBeGreaterThan(0);
  if (fields) {
    const named = (problem.errors ?? []).map((error) => error.field);
    expect([...new Set(named)].sort()).toEqual([...fields].sort());
  }
  return problem;
}
