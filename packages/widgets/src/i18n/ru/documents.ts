/** Strings of <oz-documents>. */
export const documentsRu = {};
