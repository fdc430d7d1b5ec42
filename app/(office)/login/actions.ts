"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/server/auth/config";

export type LoginState = { error?: "invalidCredentials" | "rateLimited"; email?: string };

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: "/go",
    });
    return {};
  } catch (error) {
    // signIn redirects by throwing NEXT_REDIRECT: only auth failures are caught here.
    if (error instanceof AuthError) {
      const limited = error instanceof CredentialsSignin && error.code === "rate_limited";
      return { error: limited ? "rateLimited" : "invalidCredentials", email };
    }
    throw error;
  }
}
