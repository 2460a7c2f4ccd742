import { z } from "zod";
import { eid, timestamp } from "./responses";

// What the admin-only API key operations return (not in the public document).

export const apiKeyResponseSchema = z.object({
  id: eid("apiKey"),
  object: z.literal("api_key"),
  name: z.string(),
  prefix: z.string().meta({ description: "The start of the key, to tell keys apart; never the secret." }),
  scopes: z.array(z.string()),
  last_used_at: timestamp.nullable(),
  revoked_at: timestamp.nullable(),
  created_at: timestamp,
});

export const createdApiKeyResponseSchema = apiKeyResponseSchema.extend({
  secret: z.string().meta({ description: "The key itself, in this response only: it is stored hashed." }),
});

export const revokedApiKeyResponseSchema = z.object({
  id: eid("apiKey"),
  object: z.literal("api_key"),
  revoked_at: timestamp.nullable(),
});

export type ApiKeyResponse = z.infer<typeof apiKeyResponseSchema>;
export type RevokedApiKeyResponse = z.infer<typeof revokedApiKeyResponseSchema>;
