import type { notificationsRu } from '../ru/notifications.ts';

export const notificationsEn: typeof notificationsRu = {};
