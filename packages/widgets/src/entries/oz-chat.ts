/** `@oz/widgets/oz-chat`: defines <oz-chat> at once (the package's loader would load it when the tag appears). */
import { OzChat } from '../elements/oz-chat/oz-chat.ts';
import { startPage } from '../page-api.ts';

export type * from '../events/index.ts';
export { OzChat };

startPage(import.meta.url);
OzChat.define('oz-chat');
