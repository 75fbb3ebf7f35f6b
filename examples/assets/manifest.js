// What the sample pages read from the widgets' Custom Elements Manifest (/widgets/custom-elements.json):
// the configurator and the element reference are drawn from it at run time, so an element, attribute
// or --oz-* property added to the widgets shows up here without editing a page.

/**
 * Every element of the manifest (`customElement` declarations with a tag): the resident's first,
 * in the order of ELEMENT_TITLES below, then any element this page does not know yet.
 */
export async function loadElements(url = '/widgets/custom-elements.json') {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const manifest = await response.json();
  const known = Object.keys(ELEMENT_TITLES);
  const rank = (element) => (known.includes(element.tagName) ? known.indexOf(element.tagName) : known.length);
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => rank(a) - rank(b));
}

/** Attributes every element takes: the configurator sets them once for the whole snippet. */
export const PAGE_WIDE_ATTRIBUTES = new Set(['lang', 'api']);

/** Attributes every element takes that the site's own switch sets at run time (bvi's marks), not the snippet. */
export const RUN_TIME_ATTRIBUTES = new Set(['low-vision', 'low-vision-size']);

/** `'a' | 'b' | undefined` → ['a', 'b']; anything that is not a union of string literals → []. */
export function literalChoices(typeText = '') {
  const parts = typeText.split('|').map((part) => part.trim()).filter((part) => part && part !== 'undefined' && part !== 'null');
  const literal = /^(['"])([^'"]*)\1$/;
  if (!parts.length || !parts.every((part) => literal.test(part))) return [];
  return parts.map((part) => literal.exec(part)[2]);
}

/** The default a property's description names: «(default #0b5cad)» → '#0b5cad'. */
export function describedDefault(description = '') {
  return /\(default ([^)]+)\)/.exec(description)?.[1]?.trim();
}

/** A colour property: named so, or its described default is a hex colour. */
export function isColourProperty(property) {
  return /colou?r/.test(property.name) || /^#[0-9a-f]{3,8}$/i.test(describedDefault(property.description) ?? '');
}

/** '#fff' → '#ffffff' (what <input type=color> accepts); anything else unchanged. */
export function fullHex(colour = '') {
  return /^#[0-9a-f]{3}$/i.test(colour) ? `#${[...colour.slice(1)].map((digit) => digit + digit).join('')}` : colour;
}

/** Every --oz-* property of the given elements, once each, in the order first met. */
export function cssPropertiesOf(elements) {
  const seen = new Map();
  for (const element of elements) {
    for (const property of element.cssProperties ?? []) if (!seen.has(property.name)) seen.set(property.name, property);
  }
  return [...seen.values()];
}

/** Plain Russian names a webmaster recognises; a tag or property missing here shows its manifest name. */
export const ELEMENT_TITLES = {
  'oz-register': 'Личный кабинет: вход и регистрация',
  'oz-notifications': 'Уведомления (колокольчик)',
  'oz-documents': 'Медицинские документы',
  'oz-apply': 'Заявка на онлайн-консультацию в центр',
  'oz-duty-schedule': 'Запись к дежурному врачу',
  'oz-consultations': 'Раздел «Консультации»',
  'oz-chat': 'Переписка с врачом по одной консультации',
  'oz-video-room': 'Видеоконсультация',
  'oz-doctor-desk': 'Рабочее место врача',
  'oz-referral-import': 'Импорт направлений (руководитель программы)',
  'oz-audit-trail': 'Журнал доступа к данным пациента (руководитель)',
  'oz-staff': 'Сотрудники (руководитель программы)',
};

/**
 * What each element does, in a sentence a webmaster reads beside its checkbox (the manifest's
 * summaries are English, for developers); an element missing here shows its manifest summary.
 */
export const ELEMENT_HINTS = {
  'oz-register': 'Вход в личный кабинет, регистрация по коду из СМС с согласием на обработку персональных данных, восстановление пароля.',
  'oz-notifications': 'Колокольчик для шапки сайта: сколько новых уведомлений и список последних (консультация назначена, заключение готово).',
  'oz-documents': 'Медицинские документы пациента: загрузка файла или фото с телефона, список, скачивание, удаление и «Кто смотрел мои документы».',
  'oz-apply': 'Заявка на онлайн-консультацию в национальный медицинский центр: болезнь, диагноз, жалобы и нужные документы.',
  'oz-duty-schedule': 'Свободное время дежурных врачей по дням и запись на видеоконсультацию без документов.',
  'oz-consultations': 'Заявки и консультации пациента: время, отмена, заключение врача и переписка с врачом.',
  'oz-chat': 'Переписка пациента и врача по одной консультации; новые сообщения приходят сразу.',
  'oz-video-room': 'Видеоконсультация: проверка камеры, микрофона и связи, затем разговор с врачом.',
  'oz-doctor-desk': 'Рабочее место врача: очередь заявок с документами, назначение консультаций, видеосвязь, заключения и дежурства.',
  'oz-referral-import': 'Загрузка таблицы направлений (Excel или CSV): сначала проверка, затем пациенты получают СМС с паролем.',
  'oz-audit-trail': 'Журнал по номеру телефона пациента: кто из сотрудников, когда и откуда открывал его данные.',
  'oz-staff': 'Врачи и руководители программы: добавить, изменить, выслать новый пароль по СМС, отключить вход.',
};

export const ATTRIBUTE_LABELS = {
  center: 'Медицинский центр',
  mode: 'Что показать сначала',
  'page-size': 'Сколько записей показывать за раз',
  'consent-href': 'Адрес текста согласия на обработку персональных данных',
  consultation: 'Номер консультации',
  'heading-level': 'Уровень заголовка (2–6)',
  section: 'Раздел, открытый сначала',
};

/** Values of attributes whose type lists them (`'sign-in' | 'register'`), for the choice lists. */
export const VALUE_LABELS = {
  'sign-in': 'Вход',
  register: 'Регистрация',
  applications: 'Очередь заявок',
  consultations: 'Консультации врача',
  duty: 'Дежурства',
};

/** Text with `code` in backticks, as the manifest writes it, → text and <code> nodes. */
export function withCode(text = '') {
  return text.split(/`([^`]+)`/).map((piece, index) => (index % 2 ? h('code', {}, piece) : piece));
}

export const CSS_PROPERTY_LABELS = {
  '--oz-color-primary': 'Основной цвет: кнопки и ссылки',
  '--oz-color-primary-hover': 'Кнопка под указателем мыши',
  '--oz-color-on-primary': 'Текст на кнопках',
  '--oz-color-text': 'Цвет текста',
  '--oz-color-text-muted': 'Подсказки и второстепенный текст',
  '--oz-color-danger': 'Ошибки',
  '--oz-color-danger-surface': 'Фон сообщения об ошибке',
  '--oz-color-success': 'Подтверждения',
  '--oz-color-success-surface': 'Фон подтверждения',
  '--oz-color-surface': 'Фон',
  '--oz-color-surface-alt': 'Фон карточек и заголовков таблиц',
  '--oz-color-border': 'Рамки полей и карточек',
  '--oz-color-focus': 'Рамка фокуса клавиатуры',
  '--oz-video-background': 'Фон под видео',
  '--oz-font-family': 'Шрифт',
  '--oz-font-size': 'Размер текста (не меньше 16px)',
  '--oz-line-height': 'Межстрочный интервал',
  '--oz-radius': 'Скругление углов',
  '--oz-spacing': 'Отступы',
  '--oz-control-height': 'Высота кнопок и полей (не меньше 44px)',
};

/** The first sentence of a summary: enough beside a checkbox; the reference page shows all of it. */
export function firstSentence(text = '') {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/\.(\s|$)/);
  return end > 0 ? flat.slice(0, end + 1) : flat;
}

/** An element from tag and children, without innerHTML (the manifest is data, never markup). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name === 'className') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child != null && child !== false));
  return element;
}
