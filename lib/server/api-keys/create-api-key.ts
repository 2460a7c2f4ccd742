import { db } from "../../db";
import { newId } from "../../ids";
import { hashToken, randomToken } from "../../secret-tokens";

export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Creates a key; the secret (dw_…) is returned this once and only its hash is stored. */
export async function createApiKey(input: { name: string; scopes: ApiKeyScope[] }) {
  const secret = `dw_${randomToken(32)}`;
  const key = await db().apiKey.create({
    data: {
      id: newId("apiKey"),
      name: input.name,
      prefix: secret.slice(0, 10),
      secretHash: hashToken(secret),
      scopes: [...new Set(input.scopes)],
    },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true },
  });
  return { ...key, secret };
}
