import { CONSENT_VERSION, type ConsentText } from '@oz/contracts';

/** The 152-FZ consent a patient gives at registration; its version is stored with the consent. */
const TEXTS: Record<ConsentText['lang'], Omit<ConsentText, 'version' | 'lang'>> = {
  ru: {
    title: 'Согласие на обработку персональных данных',
    text: [
      'Я, регистрируясь в личном кабинете программы «Облако здоровья», в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие на обработку моих персональных данных: фамилии, имени, отчества, даты рождения, номера телефона, адреса электронной почты, сведений о состоянии здоровья и медицинских документов, которые я загружаю.',
      'Цель обработки — организация бесплатных дистанционных (телемедицинских) консультаций врачей национальных медицинских центров: ФГБУ «НМИЦ ССХ им. А.Н. Бакулева» Минздрава России и ФГБУ «НМИЦ АГП им. В.И. Кулакова» Минздрава России.',
      'Действия с данными: сбор, запись, хранение, уточнение, использование, передача врачам выбранного медицинского центра, удаление. Данные обрабатываются с использованием средств автоматизации.',
      'Согласие действует до его отзыва. Отозвать согласие можно, написав оператору программы; после отзыва данные будут удалены, кроме тех, которые закон требует хранить.',
    ].join('\n\n'),
  },
  en: {
    title: 'Consent to the processing of personal data',
    text: [
      'By registering in the personal cabinet of the «Oblako Zdorovya» (Health Cloud) program I consent, under Russian Federal Law No. 152-FZ of 27.07.2006 "On Personal Data", to the processing of my personal data: full name, date of birth, phone number, e-mail address, information about my health and the medical documents I upload.',
      'Purpose: arranging free remote (telemedicine) consultations with doctors of the national medical centers: the Bakulev National Medical Research Center for Cardiovascular Surgery and the Kulakov National Medical Research Center for Obstetrics, Gynecology and Perinatology.',
      'Operations: collection, recording, storage, correction, use, transfer to the doctors of the chosen center, deletion; with automated means.',
      'The consent is valid until withdrawn. To withdraw it, write to the program operator; the data will then be deleted, except what the law requires to be kept.',
    ].join('\n\n'),
  },
};

export function consentText(lang: ConsentText['lang']): ConsentText {
  return { version: CONSENT_VERSION, lang, ...TEXTS[lang] };
}
