import { defineMessages } from "../define";

export const network = defineMessages({
  "pt-BR": {
    errors: {
      sponsorUnknown: "Patrocinador não encontrado.",
      placementUnknown: "Posição de colocação não encontrada.",
      cycle: "Movimento recusado: o destino está dentro da própria rede do consultor.",
      notPlaced: "Este consultor ainda não tem posição nesta árvore.",
      invalidSlot: "Escolha uma perna ou posição válida.",
      slotTaken: "Esta posição já está ocupada.",
      rootCannotRollUp: "O topo da rede não tem patrocinador para onde subir a rede.",
    },
  },
  es: {
    errors: {
      sponsorUnknown: "Patrocinador no encontrado.",
      placementUnknown: "Posición de colocación no encontrada.",
      cycle: "Movimiento rechazado: el destino está dentro de la propia red del consultor.",
      notPlaced: "Este consultor todavía no tiene posición en este árbol.",
      invalidSlot: "Elige una pierna o posición válida.",
      slotTaken: "Esta posición ya está ocupada.",
      rootCannotRollUp: "La cima de la red no tiene patrocinador al que subir la red.",
    },
  },
  en: {
    errors: {
      sponsorUnknown: "Sponsor not found.",
      placementUnknown: "Placement position not found.",
      cycle: "Move refused: the destination is inside the consultant's own downline.",
      notPlaced: "This consultant has no position in this tree yet.",
      invalidSlot: "Choose a valid leg or position.",
      slotTaken: "This position is already taken.",
      rootCannotRollUp: "The top of the network has no sponsor to roll the downline up to.",
    },
  },
});
