import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { databaseFailureOf } from "../errors/database-failure";
import { dummyPasswordHash, verifyPassword } from "./password";
import { safeRedirectTarget } from "./safe-redirect";
import { resolveStaffSession, type StaffIdentity } from "./sessions/resolve-session";
import { revokeStaffSession } from "./sessions/revoke-session";
import { SESSION_MAX_AGE_SECONDS } from "./sessions/session-lifetime";
import { encodeSessionToken, sessionIdOf } from "./sessions/session-token";
import { startStaffSession } from "./sessions/start-session";
import { consumeSignInAttempt, settleSignInAttempt } from "./sign-in-rate-limit";

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(1000) });

class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { encode: encodeSessionToken },
  pages: { signIn: "/sign-in" },
  logger: {
    // A refused sign-in is expected traffic, not a server fault: one line, no stack trace, no email.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") {
        console.warn(`[auth] sign-in refused (${(error as CredentialsSignin).code})`);
        return;
      }
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const email = parsed.data.email.toLowerCase();
        if (!(await consumeSignInAttempt(request, email))) throw new TooManyAttempts();
        const user = await db().staffUser.findUnique({ where: { email } });
        const valid = await verifyPassword(
          user?.passwordHash ?? (await dummyPasswordHash()),
          parsed.data.password,
        );
        // A disabled user's password is still verified, so the refusal looks and takes the same.
        const accepted = Boolean(user && valid && !user.disabledAt);
        await settleSignInAttempt(request, email, accepted);
        if (!user || !accepted) return null;
        return { id: user.id, email: user.email };
      },
    }),
  ],
  callbacks: {
    // Runs at sign-in (with `user`) and on every request that reads the session. Returning null
    // makes Auth.js treat the request as signed out and clear the cookie
    // (node_modules/@auth/core/lib/actions/session.js).
    async jwt({ token, user }) {
      if (user?.id) return { sid: await startStaffSession(user.id) };
      const sid = sessionIdOf(token);
      if (!sid) return null;
      try {
        const staff = await resolveStaffSession(sid);
        return staff ? { sid, staff } : null;
      } catch (error) {
        // Unchecked is not signed out: lib/auth/sessions/staff-of-session.ts turns this into a 503.
        if (databaseFailureOf(error)) return { sid, unavailable: true };
        throw error;
      }
    },
    session({ session, token }) {
      if (token.unavailable) return { ...session, unavailable: true };
      const staff = token.staff as StaffIdentity;
      return { ...session, user: { ...session.user, id: staff.id, email: staff.email, role: staff.role } };
    },
    // Where Auth.js sends the browser after its own endpoints: only ever this site.
    redirect({ url }) {
      return new URL(safeRedirectTarget(url, "/customers"), env().APP_URL).toString();
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? sessionIdOf(message.token) : null;
      if (sid) await revokeStaffSession(sid);
    },
  },
}));
