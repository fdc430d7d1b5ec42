import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { faqArticles, faqArticleTranslations, faqCategories } from "./schema";

type Version = { title: string; body: string };
type DemoArticle = { slug: string; published: boolean; "pt-BR": Version; es?: Version; en?: Version };

const CATEGORIES: { slug: string; name: { "pt-BR": string; es: string; en: string }; articles: DemoArticle[] }[] = [
  {
    slug: "conta-e-acesso",
    name: { "pt-BR": "Conta e acesso", es: "Cuenta y acceso", en: "Account and access" },
    articles: [
      {
        slug: "esqueci-minha-senha",
        published: true,
        "pt-BR": { title: "Esqueci minha senha. Como faço para entrar?", body: "Na tela de login, clique em “Esqueci minha senha” e informe o e-mail do seu cadastro. Você recebe um link para criar uma nova senha, válido por uma hora. Se o e-mail não chegar, verifique a caixa de spam." },
        es: { title: "Olvidé mi contraseña. ¿Cómo ingreso?", body: "En la pantalla de ingreso, haga clic en «Olvidé mi contraseña» e indique el correo de su registro. Recibirá un enlace para crear una nueva contraseña, válido por una hora. Si el correo no llega, revise la carpeta de spam." },
        en: { title: "I forgot my password. How do I sign in?", body: "On the sign-in page, click “Forgot my password” and enter the e-mail you registered with. You get a link to choose a new password, valid for one hour. If the e-mail does not arrive, check your spam folder." },
      },
      {
        slug: "alterar-dados-cadastrais",
        published: true,
        "pt-BR": { title: "Como altero meus dados cadastrais?", body: "Telefone e endereço podem ser alterados pelo portal, em Meu site. Nome e documento só são alterados pela equipe de atendimento: abra um chamado com uma cópia do documento." },
        es: { title: "¿Cómo cambio mis datos de registro?", body: "El teléfono y la dirección se cambian en el portal, en Mi sitio. El nombre y el documento solo los cambia el equipo de atención: abra una solicitud con una copia del documento." },
        en: { title: "How do I change my registration details?", body: "Phone and address can be changed in the portal, under My site. Name and ID document are changed by the support team only: open a ticket with a copy of the document." },
      },
    ],
  },
  {
    slug: "pedidos-e-entregas",
    name: { "pt-BR": "Pedidos e entregas", es: "Pedidos y entregas", en: "Orders and delivery" },
    articles: [
      {
        slug: "prazo-de-entrega",
        published: true,
        "pt-BR": { title: "Qual é o prazo de entrega do meu pedido?", body: "Pedidos pagos até as 14h são enviados no mesmo dia útil. O prazo de entrega depende da sua região: de 2 a 5 dias úteis nas capitais e de 4 a 10 dias úteis nas demais cidades." },
        es: { title: "¿Cuál es el plazo de entrega de mi pedido?", body: "Los pedidos pagados antes de las 14 h se envían el mismo día hábil. El plazo depende de su región: de 2 a 5 días hábiles en las capitales y de 4 a 10 días hábiles en las demás ciudades." },
        en: { title: "How long does delivery take?", body: "Orders paid by 2 pm are shipped the same business day. Delivery time depends on your region: 2 to 5 business days in state capitals and 4 to 10 business days elsewhere." },
      },
      {
        slug: "boleto-nao-recebido",
        published: true,
        "pt-BR": { title: "Não recebi o boleto do meu pedido", body: "O boleto é enviado para o e-mail informado no pedido logo após a finalização da compra. Se não o encontrar, peça à sua consultora ou abra um chamado informando o número do pedido." },
        es: { title: "No recibí el boleto de mi pedido", body: "El boleto se envía al correo indicado en el pedido justo después de finalizar la compra. Si no lo encuentra, pídalo a su consultora o abra una solicitud con el número del pedido." },
      },
      {
        slug: "troca-de-produto",
        published: true,
        "pt-BR": { title: "Como solicito a troca ou devolução de um produto?", body: "Você tem até 30 dias após a entrega para pedir troca ou devolução. Consultores pedem pelo portal, em Trocas e devoluções; clientes pedem à sua consultora. Produtos com defeito são trocados sem custo." },
        es: { title: "¿Cómo solicito el cambio o la devolución de un producto?", body: "Tiene hasta 30 días después de la entrega para pedir un cambio o una devolución. Los consultores lo piden en el portal, en Cambios y devoluciones; los clientes, a su consultora. Los productos defectuosos se cambian sin costo." },
        en: { title: "How do I request an exchange or a return?", body: "You have up to 30 days after delivery to request an exchange or a return. Consultants request it in the portal, under Returns; customers ask their consultant. Faulty products are exchanged at no cost." },
      },
    ],
  },
  {
    slug: "negocio",
    name: { "pt-BR": "Seu negócio", es: "Su negocio", en: "Your business" },
    articles: [
      {
        slug: "como-me-tornar-consultor",
        published: true,
        "pt-BR": { title: "Como me torno consultor(a)?", body: "Peça o convite a um(a) consultor(a) da sua região ou escreva pelo formulário de contato. O cadastro é gratuito e você já começa com seu próprio site replicado." },
        es: { title: "¿Cómo me hago consultor(a)?", body: "Pida la invitación a un(a) consultor(a) de su región o escriba por el formulario de contacto. El registro es gratuito y ya empieza con su propio sitio replicado." },
        en: { title: "How do I become a consultant?", body: "Ask a consultant in your area for an invitation or write to us through the contact form. Joining is free and you start with your own replicated site." },
      },
      {
        slug: "politica-interna-de-bonus",
        published: false,
        "pt-BR": { title: "Rascunho: política interna de bônus", body: "Texto interno da equipe, ainda em revisão; não é publicado no site." },
      },
    ],
  },
];

/** A few FAQ articles in three languages (one draft), for the knowledge base and the public FAQ. */
export async function seedKnowledge(db: Db) {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(faqCategories);
  if ((existing?.n ?? 0) > 0) return;
  await db.transaction(async (tx) => {
    for (const [ci, c] of CATEGORIES.entries()) {
      const [category] = await tx.insert(faqCategories).values({ slug: c.slug, name: c.name, position: ci }).returning({ id: faqCategories.id });
      for (const [ai, a] of c.articles.entries()) {
        const [article] = await tx
          .insert(faqArticles)
          .values({ categoryId: category!.id, slug: a.slug, published: a.published, position: ai })
          .returning({ id: faqArticles.id });
        for (const locale of ["pt-BR", "es", "en"] as const) {
          const v = a[locale];
          if (v) await tx.insert(faqArticleTranslations).values({ articleId: article!.id, locale, title: v.title, body: v.body });
        }
      }
    }
  });
}
