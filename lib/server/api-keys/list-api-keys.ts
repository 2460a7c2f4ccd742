import { db } from "../../db";

export function listApiKeys() {
  return db().apiKey.findMany({
    orderBy: { id: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
    },
  });
}
