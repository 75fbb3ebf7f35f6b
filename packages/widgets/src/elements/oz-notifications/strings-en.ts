import { notificationsEn } from '../../i18n/en/notifications.ts';

export default { notifications: notificationsEn };
