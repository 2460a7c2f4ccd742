import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/charges";
import { getCharge } from "@/lib/server/charges/get-charge";

export const GET = apiRoute(operations.getCharge, ({ params }) => getCharge(params.id));

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
