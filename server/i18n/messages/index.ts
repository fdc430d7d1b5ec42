import type { Leaves } from "../define";
import type { Locale } from "../locales";
import { admin } from "./admin";
import { auth } from "./auth";
import { collections } from "./collections";
import { catalogue } from "./catalogue";
import { commerce, ledger } from "./commerce";
import { compRuns } from "./comp-runs";
import { common } from "./common";
import { contact } from "./contact";
import { compExplain } from "./comp-explain";
import { customers } from "./customers";
import { email } from "./email";
import { errors } from "./errors";
import { incidents } from "./incidents";
import { incidentsSla } from "./incidents-sla";
import { incidentsTimeline } from "./incidents-timeline";
import { invoices } from "./invoices";
import { knowledge } from "./knowledge";
import { ledgerScreens } from "./ledger-screens";
import { network } from "./network";
import { networkBulk } from "./network-bulk";
import { networkImport } from "./network-import";
import { orders } from "./orders";
import { periods } from "./periods";
import { plans } from "./plans";
import { plansForm } from "./plans-form";
import { portal } from "./portal";
import { returns } from "./returns";
import { settings } from "./settings";
import { site } from "./site";

const areas = { common, compExplain, errors, auth, admin, portal, site, email, network, networkImport, networkBulk, settings, commerce, ledger, orders, catalogue, periods, customers, invoices, ledgerScreens, collections, returns, plans, plansForm, incidents, incidentsSla, incidentsTimeline, compRuns, knowledge, contact };

type Areas = typeof areas;
export type Messages = { [A in keyof Areas]: Areas[A]["pt-BR"] };
export type MessageKey = Leaves<Messages>;

function forLocale(locale: Locale): Messages {
  return Object.fromEntries(Object.entries(areas).map(([name, area]) => [name, area[locale]])) as Messages;
}

export const messages: Record<Locale, Messages> = { "pt-BR": forLocale("pt-BR"), es: forLocale("es"), en: forLocale("en") };
