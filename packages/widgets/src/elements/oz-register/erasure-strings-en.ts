import { accountErasureEn } from '../../i18n/en/account-erasure.ts';

export default { accountErasure: accountErasureEn };
