import type { DbOrTx } from "@/db/client";

/** What an approved return takes back, as the compensation engine will need it. */
export type ReturnClawback = {
  returnId: number;
  orderId: number;
  consultantId: number;
  /** The period the order's volume was credited in (where its commissions were paid). */
  originalPeriodId: number;
  /** The current period, where the negative volume events were recorded. */
  periodId: number;
  /** Positive amounts taken back: PV and CV in hundredths, value in minor units. */
  pv: number;
  cv: number;
  amount: number;
  currency: string;
};

/**
 * THE HOOK FOR THE COMMISSION CLAWBACK (compensation issue). Called inside the approval's
 * transaction, after the credit note, its ledger entry and the negative volume events are written,
 * so whatever it posts (e.g. Dr the upline's wallet / Cr commissions expense for commissions
 * already paid on this volume) commits or rolls back with the return. It does nothing yet:
 * commissions are not computed, so there is nothing to claw back.
 */
export async function clawBackCommissionsForReturn(tx: DbOrTx, clawback: ReturnClawback): Promise<void> {
  void tx;
  void clawback;
}
