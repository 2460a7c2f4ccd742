"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth-js";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export interface SignInState {
  error: string | null;
  email: string;
}

/**
 * Public by design (it is how a visitor becomes staff): it reads nothing but the submitted
 * credentials and sends the browser only to a page of this site. Signs in with Auth.js's
 * credentials provider. On success `signIn` throws Next's redirect, which must propagate; only
 * Auth.js's own errors become a message for the form.
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeRedirectPath(form.get("from")),
    });
    return { error: null, email };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code;
    return {
      email,
      error:
        code === "rate_limited"
          ? "Too many sign-in attempts. Wait 15 minutes and try again."
          : "The email or password is not correct.",
    };
  }
}
