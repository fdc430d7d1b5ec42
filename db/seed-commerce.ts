import { eq, inArray } from "drizzle-orm";
import type { Db } from "./client";
import { consultants, customers, products, returnReasons, users } from "./schema";
import type { Localised } from "./schema/commerce";
import { issueInvoice } from "@/server/commerce/invoices";
import { advanceOrder, createOrder, payOrder } from "@/server/commerce/orders";
import { seedCustomerHistory } from "./seed-customers";

const PRODUCTS: { sku: string; name: Localised; retail: number; consultant: number; pv: number; cv: number }[] = [
  { sku: "BAT-VERM-01", name: { "pt-BR": "Batom Matte Vermelho", es: "Labial Mate Rojo", en: "Matte Lipstick Red" }, retail: 4990, consultant: 3490, pv: 1500, cv: 1200 },
  { sku: "BAT-NUDE-02", name: { "pt-BR": "Batom Cremoso Nude", es: "Labial Cremoso Nude", en: "Creamy Lipstick Nude" }, retail: 4590, consultant: 3190, pv: 1400, cv: 1100 },
  { sku: "PER-FLOR-10", name: { "pt-BR": "Perfume Floral 75 ml", es: "Perfume Floral 75 ml", en: "Floral Perfume 75 ml" }, retail: 18990, consultant: 13290, pv: 6000, cv: 5000 },
  { sku: "PER-AMAD-11", name: { "pt-BR": "Perfume Amadeirado 100 ml", es: "Perfume Amaderado 100 ml", en: "Woody Perfume 100 ml" }, retail: 21990, consultant: 15390, pv: 7000, cv: 5800 },
  { sku: "HID-CORP-20", name: { "pt-BR": "Hidratante Corporal 400 ml", es: "Crema Corporal 400 ml", en: "Body Lotion 400 ml" }, retail: 5990, consultant: 4190, pv: 1800, cv: 1500 },
  { sku: "SAB-ERVA-21", name: { "pt-BR": "Sabonete de Ervas (5 un.)", es: "Jabón de Hierbas (5 u.)", en: "Herbal Soap (5 pcs)" }, retail: 3290, consultant: 2290, pv: 900, cv: 700 },
  { sku: "SHA-CACH-30", name: { "pt-BR": "Shampoo Cachos 300 ml", es: "Champú Rizos 300 ml", en: "Curls Shampoo 300 ml" }, retail: 3990, consultant: 2790, pv: 1100, cv: 900 },
  { sku: "CON-CACH-31", name: { "pt-BR": "Condicionador Cachos 300 ml", es: "Acondicionador Rizos 300 ml", en: "Curls Conditioner 300 ml" }, retail: 4290, consultant: 2990, pv: 1200, cv: 1000 },
  { sku: "PRO-SOL-40", name: { "pt-BR": "Protetor Solar FPS 50", es: "Protector Solar FPS 50", en: "Sunscreen SPF 50" }, retail: 6990, consultant: 4890, pv: 2000, cv: 1700 },
  { sku: "KIT-PRES-50", name: { "pt-BR": "Kit Presente Natal", es: "Kit Regalo Navidad", en: "Christmas Gift Set" }, retail: 14990, consultant: 10490, pv: 4500, cv: 3800 },
];

const REASONS: Localised[] = [
  { "pt-BR": "Produto com defeito", es: "Producto defectuoso", en: "Defective product" },
  { "pt-BR": "Produto diferente do pedido", es: "Producto distinto del pedido", en: "Wrong product" },
  { "pt-BR": "Alergia ou reação", es: "Alergia o reacción", en: "Allergy or reaction" },
  { "pt-BR": "Arrependimento (até 7 dias)", es: "Arrepentimiento (hasta 7 días)", en: "Changed my mind (within 7 days)" },
];

const CUSTOMER_NAMES = ["Marina Lopes", "Carla Nunes", "Juliana Ramos", "Patrícia Gomes", "Beatriz Castro", "Fernanda Dias", "Luciana Prates", "Renata Farias", "Simone Araújo"];

/**
 * The demo company's shop: a catalogue, return reasons, customers for Ana and Bruno, and orders in
 * every state (last month and this one), made through the real services so every balance, volume
 * and number on the screens is one the app computed itself.
 */
export async function seedCommerce(db: Db) {
  const [{ id: adminId }] = (await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@rede.test"))) as [{ id: string }];
  const made = await db
    .insert(products)
    .values(PRODUCTS.map((p) => ({ sku: p.sku, name: p.name, description: { "pt-BR": "", es: "", en: "" }, retailPrice: p.retail, consultantPrice: p.consultant, pv: p.pv, cv: p.cv })))
    .onConflictDoNothing()
    .returning({ id: products.id, sku: products.sku });
  if (!made.length) return { created: false as const };
  const sku = new Map(made.map((p) => [p.sku, p.id]));
  await db.insert(returnReasons).values(REASONS.map((name, position) => ({ name, position })));

  const people = await db.select({ id: consultants.id, code: consultants.code }).from(consultants).where(inArray(consultants.code, ["RD000002", "RD000017", "RD000003", "RD000004", "RD000005"]));
  const byCode = new Map(people.map((p) => [p.code, p.id]));
  const ana = byCode.get("RD000002")!;
  const bruno = byCode.get("RD000017") ?? ana;
  const owners = [ana, ana, ana, ana, ana, ana, bruno, bruno, bruno];
  const buyers = await db
    .insert(customers)
    .values(
      CUSTOMER_NAMES.map((fullName, i) => ({
        consultantId: owners[i]!,
        fullName,
        email: `${fullName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ /g, ".")}@cliente.exemplo.com`,
        phone: `+55 11 97000-${String(1000 + i)}`,
        city: "São Paulo",
        state: "SP",
      })),
    )
    .returning({ id: customers.id, consultantId: customers.consultantId });

  const now = Date.now();
  const day = 86_400_000;
  type Step = "placed" | "paid" | "invoiced" | "shipped" | "delivered" | "cancelled";
  const plan: { consultantId: number; customer: number | null; lines: [string, number][]; daysAgo: number; upTo: Step; method: "bank_slip" | "pay_on_delivery" | "bank_transfer" }[] = [
    { consultantId: ana, customer: null, lines: [["BAT-VERM-01", 3], ["HID-CORP-20", 2]], daysAgo: 40, upTo: "delivered", method: "bank_transfer" },
    { consultantId: ana, customer: 0, lines: [["PER-FLOR-10", 1]], daysAgo: 38, upTo: "delivered", method: "bank_slip" },
    { consultantId: ana, customer: 1, lines: [["SHA-CACH-30", 2], ["CON-CACH-31", 2]], daysAgo: 33, upTo: "delivered", method: "pay_on_delivery" },
    { consultantId: bruno, customer: 6, lines: [["PRO-SOL-40", 2]], daysAgo: 35, upTo: "delivered", method: "bank_slip" },
    { consultantId: ana, customer: null, lines: [["KIT-PRES-50", 2]], daysAgo: 6, upTo: "invoiced", method: "bank_transfer" },
    { consultantId: ana, customer: 2, lines: [["PER-AMAD-11", 1], ["SAB-ERVA-21", 1]], daysAgo: 5, upTo: "shipped", method: "bank_slip" },
    { consultantId: ana, customer: 3, lines: [["BAT-NUDE-02", 2]], daysAgo: 4, upTo: "paid", method: "pay_on_delivery" },
    { consultantId: ana, customer: 4, lines: [["HID-CORP-20", 1]], daysAgo: 20, upTo: "placed", method: "bank_slip" },
    { consultantId: ana, customer: 5, lines: [["PRO-SOL-40", 1]], daysAgo: 2, upTo: "placed", method: "bank_slip" },
    { consultantId: bruno, customer: null, lines: [["PER-FLOR-10", 2]], daysAgo: 3, upTo: "paid", method: "bank_transfer" },
    { consultantId: bruno, customer: 7, lines: [["SAB-ERVA-21", 3]], daysAgo: 1, upTo: "cancelled", method: "bank_slip" },
    { consultantId: byCode.get("RD000003") ?? ana, customer: null, lines: [["PER-AMAD-11", 2]], daysAgo: 3, upTo: "paid", method: "bank_transfer" },
    { consultantId: byCode.get("RD000004") ?? ana, customer: null, lines: [["KIT-PRES-50", 1]], daysAgo: 2, upTo: "paid", method: "bank_transfer" },
    { consultantId: byCode.get("RD000005") ?? ana, customer: null, lines: [["BAT-VERM-01", 4]], daysAgo: 45, upTo: "placed", method: "bank_slip" },
  ];
  const order: Step[] = ["placed", "paid", "invoiced", "shipped", "delivered"];
  for (const p of plan) {
    const at = new Date(now - p.daysAgo * day);
    const created = await createOrder(db, {
      consultantId: p.consultantId,
      customerId: p.customer === null ? null : buyers[p.customer]!.id,
      channel: p.customer === null ? "portal" : "site",
      lines: p.lines.map(([s, quantity]) => ({ productId: sku.get(s)!, quantity })),
      paymentMethod: p.method,
      place: true,
      actorUserId: adminId,
      at,
    });
    if (p.upTo === "cancelled") {
      await advanceOrder(db, { orderId: created.id, to: "cancelled", note: "Cliente desistiu" }, adminId);
      continue;
    }
    const reach = order.indexOf(p.upTo);
    if (reach >= 1) await payOrder(db, { orderId: created.id, method: p.method }, adminId);
    if (reach >= 2) await issueInvoice(db, created.id, adminId);
    if (reach >= 3) await advanceOrder(db, { orderId: created.id, to: "shipped" }, adminId);
    if (reach >= 4) await advanceOrder(db, { orderId: created.id, to: "delivered" }, adminId);
  }
  await seedCustomerHistory(db, { adminId, sku, ana, bruno });
  return { created: true as const, products: made.length, orders: plan.length };
}
