import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { dummyPasswordHash, verifyPassword } from "./auth/password";
import type { StaffRole } from "./auth/roles";
import { consumeSignInAttempt, settleSignInAttempt } from "./auth/sign-in-rate-limit";
import { db } from "./db";
import { env } from "./env";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(1000) });

class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
        await settleSignInAttempt(request, email, Boolean(user && valid));
        if (!user || !valid) return null;
        return { id: user.id, email: user.email, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role: StaffRole }).role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      (session.user as { role?: StaffRole }).role = token.role as StaffRole;
      return session;
    },
  },
}));
