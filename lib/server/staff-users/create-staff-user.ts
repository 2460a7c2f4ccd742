import { hashPassword } from "../../auth/password";
import type { StaffRole } from "../../auth/roles";
import { db } from "../../db";
import { AppError } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import { newId } from "../../ids";
import { staffUserSelect } from "../../serializers/staff-user";

export const MIN_PASSWORD_LENGTH = 10;

export async function createStaffUser(input: { email: string; password: string; role: StaffRole }) {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      "validation_failed",
      `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`,
      {
        errors: [{ field: "password", message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }],
      },
    );
  }
  try {
    return await db().staffUser.create({
      data: {
        id: newId("staffUser"),
        email: input.email.toLowerCase(),
        passwordHash: await hashPassword(input.password),
        role: input.role,
      },
      select: staffUserSelect,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `A staff user with the email ${input.email} already exists.`);
    }
    throw error;
  }
}
