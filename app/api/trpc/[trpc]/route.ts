import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { checkMutationRequest } from "@/server/trpc/origin";
import { createRequestContext } from "@/server/trpc/request-context";
import { appRouter } from "@/server/trpc/root";

async function handler(req: Request) {
  const refusal = checkMutationRequest(req);
  if (refusal) return refusal;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: createRequestContext,
  });
}

export { handler as GET, handler as POST };
