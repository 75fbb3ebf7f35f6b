/** Strings of <oz-notifications>. */
export const notificationsRu = {};
