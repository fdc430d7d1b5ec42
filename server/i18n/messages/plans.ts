import { defineMessages } from "../define";

/** Compensation plans: versions, lifecycle, the plan form, validation messages and what-if. */
export const plans = defineMessages({
  "pt-BR": {
    errors: {
      invalidStored: "A versão {id} do plano tem uma definição inválida: {errors}",
      notFound: "Versão de plano não encontrada.",
      notDraft: "Somente rascunhos podem ser alterados; esta versão está {status}.",
      invalidDefinition: "O plano tem {count} erro(s): corrija os campos indicados antes de ativar.",
      periodRequired: "Escolha o período a partir do qual a versão vale.",
      periodClosed: "O período {code} já está fechado: escolha um período aberto.",
      periodNotFound: "Período não encontrado.",
      currency: "A moeda do plano ({plan}) difere da moeda da empresa ({company}).",
      alreadyArchived: "Esta versão já está arquivada.",
      usedByRun: "Esta versão foi usada por uma apuração fechada e não pode ser excluída.",
      keyFormat: "Use de 1 a 40 letras minúsculas, números, '-' ou '_', começando por letra ou número.",
      notJson: "O arquivo não é um JSON válido.",
    },
  },
  es: {
    errors: {
      invalidStored: "La versión {id} del plan tiene una definición inválida: {errors}",
      notFound: "Versión de plan no encontrada.",
      notDraft: "Solo los borradores se pueden modificar; esta versión está {status}.",
      invalidDefinition: "El plan tiene {count} error(es): corrige los campos indicados antes de activarlo.",
      periodRequired: "Elige el período a partir del cual rige la versión.",
      periodClosed: "El período {code} ya está cerrado: elige un período abierto.",
      periodNotFound: "Período no encontrado.",
      currency: "La moneda del plan ({plan}) difiere de la moneda de la empresa ({company}).",
      alreadyArchived: "Esta versión ya está archivada.",
      usedByRun: "Esta versión fue usada por una liquidación cerrada y no se puede eliminar.",
      keyFormat: "Usa de 1 a 40 letras minúsculas, números, '-' o '_', empezando por letra o número.",
      notJson: "El archivo no es un JSON válido.",
    },
  },
  en: {
    errors: {
      invalidStored: "Plan version {id} has an invalid definition: {errors}",
      notFound: "Plan version not found.",
      notDraft: "Only drafts can be changed; this version is {status}.",
      invalidDefinition: "The plan has {count} error(s): fix the fields shown before activating it.",
      periodRequired: "Choose the period the version takes effect from.",
      periodClosed: "Period {code} is already closed: choose an open period.",
      periodNotFound: "Period not found.",
      currency: "The plan's currency ({plan}) differs from the company's ({company}).",
      alreadyArchived: "This version is already archived.",
      usedByRun: "This version was used by a closed run and cannot be deleted.",
      keyFormat: "Use 1 to 40 lower-case letters, digits, '-' or '_', starting with a letter or digit.",
      notJson: "The file is not valid JSON.",
    },
  },
});
