import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/customers";
import { replaceProperties } from "@/lib/server/customers/replace-properties";

export const PUT = apiRoute(operations.replaceCustomerProperties, ({ params, body, actor }) =>
  replaceProperties({ id: params.id, properties: body.properties, actor }),
);

export const { GET, POST, PATCH, DELETE } = otherMethods(["PUT"]);
