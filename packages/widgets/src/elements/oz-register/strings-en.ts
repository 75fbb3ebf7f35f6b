import { registerEn } from '../../i18n/en/register.ts';

export default { register: registerEn };
