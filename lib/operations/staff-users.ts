import { paginationQuery } from "../validations/pagination";
import { listOf } from "../validations/responses";
import { createStaffUserSchema, updateStaffUserSchema } from "../validations/staff-user";
import { staffUserResponseSchema } from "../validations/staff-user-responses";
import { defineOperation, idParams } from "./define-operation";

// Admins only, with their staff session (API keys are refused).
const staff = { tag: "Staff", permission: "admin" } as const;

export const listStaffUsers = defineOperation({
  ...staff,
  public: false,
  operationId: "listStaffUsers",
  method: "GET",
  path: "/staff_users.json",
  summary: "The staff users, newest first",
  query: paginationQuery(100),
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of staff users",
    schema: listOf(staffUserResponseSchema, "StaffUserList"),
  },
});

export const createStaffUser = defineOperation({
  ...staff,
  public: false,
  operationId: "createStaffUser",
  method: "POST",
  path: "/staff_users.json",
  summary: "Add a staff user with a role and a first password",
  body: { schema: createStaffUserSchema, required: true },
  idempotency: "allowed",
  response: { status: 201, description: "The new staff user", schema: staffUserResponseSchema },
  errors: { 409: "The email is taken" },
});

export const updateStaffUser = defineOperation({
  ...staff,
  public: true,
  operationId: "updateStaffUser",
  method: "PATCH",
  path: "/staff_users/{id}.json",
  summary: "Change a staff user's role, disable or enable them, or set a new password",
  description:
    "Admins only, with their staff session (API keys are refused). Disabling and a new password end every session of the user; a role change applies from the user's next request. The last enabled admin cannot be demoted or disabled (409).",
  params: idParams("staffUser", "The staff user's eid"),
  body: { schema: updateStaffUserSchema, required: true },
  idempotency: "none",
  response: { status: 200, description: "The updated staff user", schema: staffUserResponseSchema },
  errors: {
    404: "No such staff user",
    409: "The last enabled admin cannot be demoted or disabled; `errors` names the field",
  },
});

/** In the order the document lists them. */
export const staffUserOperations = [listStaffUsers, createStaffUser, updateStaffUser];
