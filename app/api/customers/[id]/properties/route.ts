import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { replaceProperties } from "@/lib/server/customers/replace-properties";
import { replacePropertiesSchema } from "@/lib/validations/properties";

export const PUT = apiRoute<{ id: string }>({ permission: "write" }, async ({ params, body, actor }) => {
  const { properties } = replacePropertiesSchema.parse(body);
  return ok(await replaceProperties({ id: params.id, properties, actor }));
});

export const { GET, POST, PATCH, DELETE } = otherMethods(["PUT"]);
