/** Strings of <oz-audit-trail>, the manager's journal of access to one patient's medical data. */
export const auditTrailRu = {
  title: 'Журнал доступа к медицинским данным пациента',
  intro:
    'Кто из врачей и сотрудников программы открывал документы, заявки, заключения и переписку пациента и кто менял состояние его заявок и консультаций. Действия самого пациента здесь не показаны.',
  restoring: 'Проверяем вход…',
  signInPrompt: 'Войдите как руководитель программы, чтобы посмотреть журнал доступа к данным пациента.',
  managersOnly: 'Журнал доступа к данным пациентов может смотреть только руководитель программы. Войдите под его учётной записью.',

  phoneLabel: 'Телефон пациента',
  show: 'Показать',
  searching: 'Ищем…',
  phoneRequired: 'Введите номер телефона пациента',
  noSuchPatient: 'Пациент с таким телефоном не найден. Проверьте номер.',
  failed: 'Не удалось показать журнал.',
  loading: 'Загружаем журнал…',
  retry: 'Попробовать ещё раз',

  /** The heading over the found patient's trail. */
  trailOf: (name: string) => `Журнал: ${name}`,
  birthDate: (date: string) => `Дата рождения: ${date}`,
  phone: (phone: string) => `Телефон: ${phone}`,
  empty: 'Никто, кроме самого пациента, его данные пока не открывал.',

  tableLabel: (name: string) => `Кто и когда открывал данные пациента ${name}`,
  when: 'Когда',
  who: 'Кто',
  role: 'Роль',
  deed: 'Что сделал',
  address: 'Адрес',
  /** The address the server saw is not known (an old entry). */
  noAddress: 'неизвестен',

  downloadCsv: 'Скачать CSV',
  downloadCsvHint: 'Весь журнал пациента одним файлом для Excel, время в нём — UTC.',
  downloadingCsv: 'Скачиваем…',
  csvFailed: 'Не удалось скачать файл журнала.',
  csvSaved: 'Файл журнала скачан.',
  csvFileName: (name: string) => `Журнал доступа — ${name}.csv`,
};
