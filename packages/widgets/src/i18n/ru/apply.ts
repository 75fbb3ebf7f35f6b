/** Strings of <oz-apply>. */
export const applyRu = {};
