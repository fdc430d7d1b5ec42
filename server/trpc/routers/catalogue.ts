import {
  createProduct,
  getProduct,
  listProducts,
  listProductsSchema,
  productFormSchema,
  setProductActive,
  setProductActiveSchema,
  updateProduct,
  updateProductSchema,
} from "../../commerce/catalogue";
import { z } from "zod";
import { router, withPermission } from "../init";

/**
 * The product catalogue, for staff who manage orders (admin, finance): prices feed every order's
 * total and the company's revenue, and PV/CV feed volumes and commissions, so editing them sits
 * with the people who answer for orders and money.
 */
const staff = withPermission("orders.manage");

export const catalogueRouter = router({
  list: staff.input(listProductsSchema).query(({ ctx, input }) => listProducts(ctx.db, input)),
  get: staff.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => getProduct(ctx.db, input.id)),
  create: staff.input(productFormSchema).mutation(({ ctx, input }) => createProduct(ctx.db, input, { locale: ctx.locale, actorUserId: ctx.user.id })),
  update: staff.input(updateProductSchema).mutation(({ ctx, input }) => updateProduct(ctx.db, input, { locale: ctx.locale, actorUserId: ctx.user.id })),
  setActive: staff.input(setProductActiveSchema).mutation(({ ctx, input }) => setProductActive(ctx.db, input, ctx.user.id)),
});
