import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { collectionsRouter } from "./routers/collections";
import { compExplainRouter } from "./routers/comp-explain";
import { compRunsRouter } from "./routers/comp-runs";
import { catalogueRouter } from "./routers/catalogue";
import { contactRouter } from "./routers/contact";
import { consultantRecordsRouter } from "./routers/consultant-records";
import { consultantsRouter } from "./routers/consultants";
import { customersRouter } from "./routers/customers";
import { dashboardRouter } from "./routers/dashboard";
import { incidentsRouter } from "./routers/incidents";
import { invoicesRouter } from "./routers/invoices";
import { knowledgeRouter } from "./routers/knowledge";
import { ledgerRouter } from "./routers/ledger";
import { meRouter } from "./routers/me";
import { networkRouter } from "./routers/network";
import { networkImportRouter } from "./routers/network-import";
import { ordersRouter } from "./routers/orders";
import { outboxRouter } from "./routers/outbox";
import { periodsRouter } from "./routers/periods";
import { plansRouter } from "./routers/plans";
import { portalRouter } from "./routers/portal";
import { returnsRouter } from "./routers/returns";
import { settingsRouter } from "./routers/settings";
import { usersRouter } from "./routers/users";

export const appRouter = router({
  account: accountRouter,
  me: meRouter,
  consultants: consultantsRouter,
  consultantRecords: consultantRecordsRouter,
  portal: portalRouter,
  network: networkRouter,
  networkImport: networkImportRouter,
  dashboard: dashboardRouter,
  users: usersRouter,
  audit: auditRouter,
  outbox: outboxRouter,
  settings: settingsRouter,
  invoices: invoicesRouter,
  ledger: ledgerRouter,
  collections: collectionsRouter,
  returns: returnsRouter,
  orders: ordersRouter,
  catalogue: catalogueRouter,
  periods: periodsRouter,
  plans: plansRouter,
  customers: customersRouter,
  incidents: incidentsRouter,
  knowledge: knowledgeRouter,
  contact: contactRouter,
  compExplain: compExplainRouter,
  compRuns: compRunsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
