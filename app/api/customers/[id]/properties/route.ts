import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/customers";
import { patchProperties } from "@/lib/server/customers/patch-properties";
import { replaceProperties } from "@/lib/server/customers/replace-properties";

export const PUT = apiRoute(operations.replaceCustomerProperties, ({ params, body, actor }) =>
  replaceProperties({ id: params.id, properties: body.properties, actor }),
);

export const PATCH = apiRoute(operations.patchCustomerProperties, ({ params, body, actor }) =>
  patchProperties({ id: params.id, patch: body.properties, actor }),
);

export const { GET, POST, DELETE } = otherMethods(["PUT", "PATCH"]);
