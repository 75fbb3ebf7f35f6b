/** Strings of <oz-consultations>. */
export const consultationsRu = {};
