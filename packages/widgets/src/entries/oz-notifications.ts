/** `@oz/widgets/oz-notifications`: defines <oz-notifications> at once (the package's loader would load it when the tag appears). */
import { OzNotifications } from '../elements/oz-notifications/oz-notifications.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzNotifications };

startPage(import.meta.url);
OzNotifications.define('oz-notifications');
