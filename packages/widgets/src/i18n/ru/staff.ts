/** Strings of <oz-staff>, the manager's list of doctors and managers. Neutral forms: the person may be a man or a woman. */
export const staffRu = {
  title: 'Сотрудники',
  intro:
    'Врачи центров и руководители программы. Здесь можно добавить сотрудника, изменить его данные, отключить или снова включить вход и отправить новый пароль по СМС.',
  restoring: 'Проверяем вход…',
  signInPrompt: 'Войдите как руководитель программы, чтобы увидеть сотрудников.',
  managersOnly: 'Список сотрудников может смотреть только руководитель программы. Войдите под его учётной записью.',
  loading: 'Загружаем список сотрудников…',
  failed: 'Не удалось показать список сотрудников.',
  retry: 'Попробовать ещё раз',
  empty: 'Сотрудников пока нет.',

  tableLabel: 'Врачи и руководители программы',
  name: 'Сотрудник',
  role: 'Роль',
  phone: 'Телефон',
  center: 'Центр',
  duty: 'Дежурный врач',
  state: 'Состояние',
  actions: 'Действия',
  roles: { doctor: 'врач', manager: 'руководитель программы' },
  yes: 'да',
  no: 'нет',
  /** A manager works for no center. */
  noCenter: 'нет',
  you: '(это вы)',
  active: 'Может входить',
  disabledSince: (date: string) => `Вход отключён с ${date}`,
  mustChangePassword: 'Пароль из СМС ещё не сменён',

  edit: 'Изменить',
  disable: 'Отключить',
  enable: 'Включить',
  enabling: 'Включаем…',
  sendPassword: 'Новый пароль по СМС',

  addTitle: 'Добавить сотрудника',
  addIntro: 'Сотруднику придёт СМС с адресом входа, логином и временным паролем. При первом входе он придумает свой пароль.',
  roleLegend: 'Кто это',
  centerLegend: 'Медицинский центр врача',
  dutyLabel: 'Дежурный врач: принимает пациентов по расписанию',
  add: 'Добавить и отправить СМС',
  adding: 'Добавляем…',
  centerRequired: 'Выберите центр, в котором работает врач',
  phoneTaken: 'У этого номера уже есть учётная запись в программе. Проверьте номер.',
  added: (name: string, phone: string, until: string) =>
    `Сотрудник добавлен: ${name}. СМС с временным паролем отправлено на номер ${phone}. Пароль действует до ${until}.`,

  editTitle: (name: string) => `Изменить данные: ${name}`,
  save: 'Сохранить',
  saving: 'Сохраняем…',
  saved: (name: string) => `Изменения сохранены: ${name}.`,

  disableTitle: (name: string) => `Отключить вход: ${name}?`,
  disableText:
    'Сотрудник сразу выйдет из программы на всех устройствах и не сможет войти, пока вы снова не включите вход. Его заключения и записи в журналах сохранятся.',
  disableConfirm: 'Отключить вход',
  disabling: 'Отключаем…',
  disableKeep: 'Не отключать',
  ownAccount: 'Свой собственный вход отключить нельзя. Попросите об этом другого руководителя программы.',
  disabled: (name: string) => `Вход отключён: ${name}. Все его сеансы завершены.`,

  // A name after a colon: Russian names cannot be declined automatically («врача Петров» would be wrong).
  openTitle: (name: string) => `Назначенные консультации отключённого врача: ${name}`,
  openNote: 'Этим пациентам нужен другой врач. Сообщите в центр, чтобы консультации провёл другой врач.',
  noOpen: 'Назначенных консультаций у этого врача нет.',
  openTableLabel: (name: string) => `Назначенные консультации: ${name}`,
  openWhen: 'Когда',
  openPatient: 'Пациент',
  openStatus: 'Состояние',
  hideOpen: 'Скрыть список',

  enabled: (name: string) => `Вход снова включён: ${name}.`,
  enableFailed: (name: string) => `Не удалось включить вход: ${name}.`,

  passwordTitle: (name: string) => `Отправить новый пароль: ${name}?`,
  passwordText: (phone: string) =>
    `На номер ${phone} придёт СМС с новым временным паролем. Старый пароль перестанет действовать, и сотрудник выйдет из программы на всех устройствах.`,
  passwordConfirm: 'Отправить СМС',
  sendingPassword: 'Отправляем…',
  passwordKeep: 'Не отправлять',
  passwordSent: (name: string, phone: string, until: string) =>
    `СМС с новым паролем отправлено: ${name}, ${phone}. Пароль действует до ${until}.`,
};
