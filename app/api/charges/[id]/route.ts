import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { getCharge } from "@/lib/server/charges/get-charge";

export const GET = apiRoute<{ id: string }>({ permission: "read" }, async ({ params }) =>
  ok(await getCharge(params.id)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
