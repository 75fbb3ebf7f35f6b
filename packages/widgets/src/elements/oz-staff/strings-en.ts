import { staffEn } from '../../i18n/en/staff.ts';

export default { staff: staffEn };
