import { chatEn } from '../../i18n/en/chat.ts';

export default { chat: chatEn };
