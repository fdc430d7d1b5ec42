import { defineMessages } from "../define";

/** Commerce and ledger: shared labels and the errors of the order, payment and ledger services. */
export const commerce = defineMessages({
  "pt-BR": {
    status: { cart: "Carrinho", placed: "Pedido feito", paid: "Pago", invoiced: "Faturado", shipped: "Enviado", delivered: "Entregue", cancelled: "Cancelado" },
    channel: { staff: "Equipe", portal: "Portal do consultor", site: "Site do consultor" },
    paymentMethod: { bank_slip: "Boleto bancário", pay_on_delivery: "Pagamento na entrega", bank_transfer: "Transferência bancária" },
    account: { receivable: "A receber", wallet: "Carteira (comissões)", revenue: "Receita", returns: "Devoluções", cash: "Caixa", commissions_expense: "Despesa com comissões" },
    errors: {
      quantity: "A quantidade deve ser de 1 a 999.",
      emptyOrder: "Inclua pelo menos um produto.",
      duplicateLine: "O mesmo produto aparece em duas linhas; some as quantidades.",
      productUnavailable: "Este produto não está disponível.",
      notInCampaign: "Este produto não faz parte do catálogo do período {period}.",
      currency: "Este produto tem outra moeda.",
      idempotencyReuse: "Esta operação já foi usada para outro pedido. Recarregue a página e tente de novo.",
      badTransition: "Um pedido com situação \"{from}\" não pode passar a \"{to}\".",
      customerNotYours: "Este cliente não é seu.",
    },
  },
  es: {
    status: { cart: "Carrito", placed: "Pedido realizado", paid: "Pagado", invoiced: "Facturado", shipped: "Enviado", delivered: "Entregado", cancelled: "Cancelado" },
    channel: { staff: "Equipo", portal: "Portal del consultor", site: "Sitio del consultor" },
    paymentMethod: { bank_slip: "Boleto bancario", pay_on_delivery: "Pago contra entrega", bank_transfer: "Transferencia bancaria" },
    account: { receivable: "Por cobrar", wallet: "Billetera (comisiones)", revenue: "Ingresos", returns: "Devoluciones", cash: "Caja", commissions_expense: "Gasto en comisiones" },
    errors: {
      quantity: "La cantidad debe ser de 1 a 999.",
      emptyOrder: "Incluye al menos un producto.",
      duplicateLine: "El mismo producto aparece en dos líneas; suma las cantidades.",
      productUnavailable: "Este producto no está disponible.",
      notInCampaign: "Este producto no forma parte del catálogo del período {period}.",
      currency: "Este producto tiene otra moneda.",
      idempotencyReuse: "Esta operación ya se usó para otro pedido. Recarga la página e inténtalo de nuevo.",
      badTransition: "Un pedido en estado \"{from}\" no puede pasar a \"{to}\".",
      customerNotYours: "Este cliente no es tuyo.",
    },
  },
  en: {
    status: { cart: "Cart", placed: "Placed", paid: "Paid", invoiced: "Invoiced", shipped: "Shipped", delivered: "Delivered", cancelled: "Cancelled" },
    channel: { staff: "Staff", portal: "Consultant portal", site: "Consultant site" },
    paymentMethod: { bank_slip: "Bank slip", pay_on_delivery: "Pay on delivery", bank_transfer: "Bank transfer" },
    account: { receivable: "Receivable", wallet: "Wallet (commissions)", revenue: "Revenue", returns: "Returns", cash: "Cash", commissions_expense: "Commissions expense" },
    errors: {
      quantity: "Quantity must be 1 to 999.",
      emptyOrder: "Add at least one product.",
      duplicateLine: "The same product is on two lines; add the quantities up.",
      productUnavailable: "This product is not available.",
      notInCampaign: "This product is not in the catalogue of period {period}.",
      currency: "This product is priced in another currency.",
      idempotencyReuse: "This operation was already used for another order. Reload the page and try again.",
      badTransition: "An order that is \"{from}\" cannot become \"{to}\".",
      customerNotYours: "This customer is not yours.",
    },
  },
});

/** Ledger errors (kept apart: the ledger is used by commerce and, later, commissions). */
export const ledger = defineMessages({
  "pt-BR": {
    errors: {
      notInteger: "Valores do razão são inteiros em centavos.",
      unbalanced: "O lançamento não fecha: débitos e créditos devem somar zero.",
      alreadyReversed: "Este lançamento já foi estornado.",
    },
  },
  es: {
    errors: {
      notInteger: "Los importes del libro mayor son enteros en centavos.",
      unbalanced: "El asiento no cuadra: débitos y créditos deben sumar cero.",
      alreadyReversed: "Este asiento ya fue revertido.",
    },
  },
  en: {
    errors: {
      notInteger: "Ledger amounts are whole minor units.",
      unbalanced: "The entry does not balance: debits and credits must sum to zero.",
      alreadyReversed: "This entry has already been reversed.",
    },
  },
});
