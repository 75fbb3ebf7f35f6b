import { CONSENT_VERSION, type ConsentText } from '@oz/contracts';

/** The personal-data operator of the deployment (OZ_OPERATOR_NAME, OZ_OPERATOR_ADDRESS); null where not set. */
export interface DataOperator {
  name: string | null;
  address: string | null;
}

/**
 * 152-FZ art. 9 p. 4 asks the consent to name the operator and its address. A deployment that has
 * not set them shows what is missing, in plain sight, rather than a made-up organisation.
 */
const OPERATOR_PARAGRAPH: Record<ConsentText['lang'], (operator: DataOperator) => string> = {
  ru: ({ name, address }) =>
    `Оператор персональных данных: ${name ?? '[наименование не задано: OZ_OPERATOR_NAME]'}, адрес: ${address ?? '[не задан: OZ_OPERATOR_ADDRESS]'}. Это согласие я даю ему.`,
  en: ({ name, address }) =>
    `Personal data operator: ${name ?? '[name not set: OZ_OPERATOR_NAME]'}, address: ${address ?? '[not set: OZ_OPERATOR_ADDRESS]'}. I give this consent to the operator.`,
};

/** The 152-FZ consent a patient gives at registration; its version is stored with the consent. */
const TEXTS: Record<ConsentText['lang'], Omit<ConsentText, 'version' | 'lang'>> = {
  ru: {
    title: 'Согласие на обработку персональных данных',
    text: [
      'Я, регистрируясь в личном кабинете программы «Облако здоровья», в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие на обработку моих персональных данных: фамилии, имени, отчества, даты рождения, номера телефона, адреса электронной почты, сведений о состоянии здоровья и медицинских документов, которые я загружаю.',
      'Цель обработки — организация бесплатных дистанционных (телемедицинских) консультаций врачей национальных медицинских центров: ФГБУ «НМИЦ ССХ им. А.Н. Бакулева» Минздрава России и ФГБУ «НМИЦ АГП им. В.И. Кулакова» Минздрава России.',
      'Действия с данными: сбор, запись, хранение, уточнение, использование, передача врачам выбранного медицинского центра, удаление. Данные обрабатываются с использованием средств автоматизации.',
      'Согласие действует до его отзыва. Отозвать согласие можно, написав оператору по адресу выше; после отзыва данные будут удалены, кроме тех, которые закон требует хранить.',
    ].join('\n\n'),
  },
  en: {
    title: 'Consent to the processing of personal data',
    text: [
      'By registering in the personal cabinet of the «Oblako Zdorovya» (Health Cloud) program I consent, under Russian Federal Law No. 152-FZ of 27.07.2006 "On Personal Data", to the processing of my personal data: full name, date of birth, phone number, e-mail address, information about my health and the medical documents I upload.',
      'Purpose: arranging free remote (telemedicine) consultations with doctors of the national medical centers: the Bakulev National Medical Research Center for Cardiovascular Surgery and the Kulakov National Medical Research Center for Obstetrics, Gynecology and Perinatology.',
      'Operations: collection, recording, storage, correction, use, transfer to the doctors of the chosen center, deletion; with automated means.',
      'The consent is valid until withdrawn. To withdraw it, write to the operator at the address above; the data will then be deleted, except what the law requires to be kept.',
    ].join('\n\n'),
  },
};

export function consentText(lang: ConsentText['lang'], operator: DataOperator = { name: null, address: null }): ConsentText {
  const { title, text } = TEXTS[lang];
  return { version: CONSENT_VERSION, lang, title, text: `${OPERATOR_PARAGRAPH[lang](operator)}\n\n${text}` };
}
