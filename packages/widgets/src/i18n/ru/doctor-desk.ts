/** Strings of <oz-doctor-desk>. */
export const doctorDeskRu = {};
