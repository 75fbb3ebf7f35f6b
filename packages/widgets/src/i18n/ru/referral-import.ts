import type { ReferralColumn, ReferralRowErrorCode, ReferralRowOutcome } from '@oz/contracts';
import { plural } from '../plural.ts';

/** A column of the referral table: its header as the file must spell it (always Russian), and what goes in it. */
export interface ReferralColumnWords {
  header: string;
  required: boolean;
  hint: string;
}

/** A date such as "4 декабря 2026 г." already ends the sentence: no second full stop. */
const endSentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

const rows = (n: number) => `${n} ${plural('ru', n, ['строка', 'строки', 'строк'])}`;

/** Strings of <oz-referral-import>, the program manager's import of referrals (path 3 of the program). */
export const referralImportRu = {
  title: 'Импорт направлений лечащих врачей',
  intro:
    'Загрузите таблицу пациентов, которых направили лечащие врачи. Сначала вы увидите, что будет с каждой строкой. Пациенты получат SMS с логином и паролем от личного кабинета только после того, как вы подтвердите импорт.',
  restoring: 'Проверяем вход…',
  signInPrompt: 'Войдите как руководитель программы, чтобы загрузить таблицу направлений.',
  managersOnly: 'Загружать таблицы направлений может только руководитель программы. Войдите под его учётной записью.',

  columnsTitle: 'Какие столбцы нужны в таблице',
  columnsIntro:
    'В первой строке таблицы — названия столбцов, точно как ниже, в любом порядке. Каждая следующая строка — один пациент. Если пациента направили в оба центра, запишите его двумя строками.',
  requiredColumn: 'обязательный',
  optionalColumn: 'можно не заполнять',
  /** The headers are what the API reads from row 1, so they stay Russian in every language. */
  columns: {
    fullName: { header: 'ФИО', required: true, hint: 'Фамилия, имя и отчество пациента, как в паспорте.' },
    birthDate: { header: 'Дата рождения', required: true, hint: 'В виде дд.мм.гггг, например 12.04.1956.' },
    phone: { header: 'Телефон', required: true, hint: 'Мобильный телефон пациента: на него придёт SMS с логином и паролем.' },
    diagnosis: { header: 'Диагноз', required: true, hint: 'Диагноз, с которым пациента направили.' },
    center: { header: 'Центр', required: true, hint: '«Бакулева» или «Кулакова»; можно полное название центра.' },
    referringDoctor: { header: 'Направивший врач', required: false, hint: 'Фамилия и инициалы лечащего врача.' },
    organization: { header: 'Медицинская организация', required: false, hint: 'Где работает направивший врач.' },
  } satisfies Record<ReferralColumn, ReferralColumnWords>,
  templateLink: 'Скачать образец таблицы (CSV)',
  templateHint: 'Образец открывается в Excel. Заполните его и сохраните как XLSX или CSV.',

  fileLabel: 'Файл таблицы (XLSX или CSV)',
  chooseFile: 'Выбрать файл',
  fileHint: 'Выберите файл на компьютере или перетащите его в эту рамку. Таблица сначала только проверяется: ничего не сохраняется.',
  dropHere: 'Отпустите файл, чтобы проверить его',
  checkingTitle: (name: string) => `Проверяем таблицу «${name}»`,
  importingTitle: (name: string) => `Импортируем таблицу «${name}»`,
  progressLabel: (name: string) => `Загрузка файла ${name}`,
  progressText: (percent: number) => `Загружено ${percent}%`,
  checkingRows: 'Файл загружен. Проверяем строки…',
  importingRows: 'Файл загружен. Создаём личные кабинеты и отправляем SMS…',
  keepPageOpen: 'Не закрывайте страницу.',
  stopChecking: 'Остановить проверку',
  checkStopped: 'Проверка остановлена.',

  previewTitle: 'Проверка таблицы: что будет',
  fileSummary: (name: string, total: number) => `Файл «${name}»: ${rows(total)} с данными.`,
  nothingWrittenYet: 'Пока ничего не сохранено, SMS не отправлены.',
  summaryLabel: 'Итог проверки',
  willCreate: 'Новые пациенты, получат SMS с логином и паролем',
  willAttach: 'Уже есть личный кабинет, направление добавится в него',
  alreadyKnown: 'Уже импортированы раньше, будут пропущены',
  withErrors: 'Строки с ошибками, не будут импортированы',

  errorsTitle: 'Ошибки в строках',
  errorsIntro:
    'Исправьте эти строки в файле и загрузите его снова. Строки без ошибок можно импортировать уже сейчас: при повторной загрузке они не задвоятся.',
  errorsIntroDone: 'Исправьте эти строки в файле и загрузите его снова: уже импортированные строки не повторятся.',
  rowColumn: 'Строка',
  columnColumn: 'Столбец',
  problemColumn: 'Что не так',
  wholeRow: 'вся строка',
  /** The list of a row's problems, for screen readers. */
  rowProblemsLabel: (row: number, problems: number) =>
    `Строка ${row}: ${problems} ${plural('ru', problems, ['ошибка', 'ошибки', 'ошибок'])}`,
  /** Between a problem's column and what to fix, when a row has several problems. */
  columnSeparator: ': ',
  /** One entry per row error code of the API. */
  rowErrors: {
    name_missing: 'Не заполнены фамилия, имя и отчество.',
    birth_date_invalid: 'Дата рождения записана неверно. Нужна настоящая дата в виде дд.мм.гггг, не позже сегодняшнего дня.',
    phone_invalid: 'Это не российский мобильный номер. Нужен номер вида +7 921 123-45-67.',
    diagnosis_missing: 'Не заполнен диагноз.',
    center_unknown: 'Непонятно, в какой центр направление. Напишите «Бакулева» или «Кулакова».',
    duplicate_in_file: 'Этот пациент с тем же центром уже есть выше в таблице.',
    phone_belongs_to_staff: 'Этот номер принадлежит сотруднику программы (врачу или руководителю), а не пациенту.',
    phone_belongs_to_other_person:
      'С этим номером в программе уже есть пациент с другими фамилией или датой рождения. Проверьте номер; направление не добавлено.',
    phone_not_confirmed:
      'Пациент с этим номером зарегистрировался сам, но ещё не подтвердил телефон кодом из СМС. Направление не добавлено: загрузите строку снова, когда он войдёт в личный кабинет и подтвердит номер.',
  } satisfies Record<ReferralRowErrorCode, string>,

  rowsTitle: 'Что будет с каждой строкой',
  rowsDoneTitle: 'Что сделано по каждой строке',
  patientColumn: 'Пациент',
  outcomeColumn: 'Что будет',
  resultColumn: 'Что сделано',
  willDo: {
    create: 'Новый пациент: получит SMS с логином и паролем',
    attach: 'Направление добавится в личный кабинет пациента',
    known: 'Уже импортирован раньше: пропускается',
    error: 'Не будет импортирован: ошибка',
  } satisfies Record<ReferralRowOutcome, string>,
  done: {
    create: 'Создан личный кабинет, отправлено SMS',
    attach: 'Направление добавлено в личный кабинет',
    known: 'Уже был импортирован раньше',
    error: 'Не импортирован: ошибка',
  } satisfies Record<ReferralRowOutcome, string>,
  createdSmsFailed: 'Создан личный кабинет, но SMS не отправлено',
  shownFirst: (shown: number, total: number) =>
    `Показаны первые ${shown} из ${total}. Полный список ошибок есть в отчёте об ошибках.`,
  shownFirstRows: (shown: number, total: number) => `Показаны первые ${rows(shown)} из ${total}.`,

  confirmNoteSms: (patients: number) =>
    `После подтверждения ${patients} ${plural('ru', patients, ['пациент получит', 'пациента получат', 'пациентов получат'])} SMS с логином и паролем. Отменить отправку будет нельзя.`,
  confirmNote: 'После подтверждения направления добавятся в личные кабинеты пациентов.',
  confirm: 'Подтвердить импорт',
  nothingToImport: 'Импортировать нечего: все строки уже импортированы раньше или содержат ошибки.',
  chooseAnother: 'Выбрать другой файл',
  importInterrupted:
    'Связь прервалась во время импорта, и он мог уже выполниться. Загрузите этот же файл ещё раз: проверка покажет, какие строки уже импортированы, и они не повторятся.',

  resultTitle: 'Импорт выполнен',
  imported: (created: number) =>
    `Импорт выполнен. ${plural('ru', created, ['Создан', 'Создано', 'Создано'])} ${created} ${plural('ru', created, ['новый личный кабинет', 'новых личных кабинета', 'новых личных кабинетов'])}.`,
  resultSummaryLabel: 'Итог импорта',
  created: 'Новые пациенты, SMS отправлены',
  attached: 'Направление добавлено уже зарегистрированным',
  known: 'Уже были импортированы раньше',
  notImported: 'Не импортированы из-за ошибок',
  smsFailuresTitle: 'SMS не отправлены',
  smsFailuresIntro:
    'Личные кабинеты этих пациентов созданы, но SMS с логином и паролем до них не дошло. Отправьте SMS ещё раз кнопкой в строке пациента: он получит новый пароль.',
  phoneColumn: 'Телефон',
  smsColumn: 'SMS',
  resendSms: 'Отправить SMS ещё раз',
  /** Read by screen readers after resendSms, so each row's button names its phone. */
  resendTo: (phone: string) => `на номер ${phone}`,
  resending: 'Отправляем…',
  resent: (date: string) => endSentence(`Отправлено. Пароль действует до ${date}`),
  smsFailed: 'SMS с логином и паролем не отправлено.',
  downloadReport: 'Скачать отчёт об ошибках (CSV)',
  reportFileName: (base: string) => `${base}-ошибки.csv`,
  reportSaved: 'Отчёт об ошибках сохранён в загрузки.',
  importAnother: 'Загрузить другую таблицу',

  credentialsTitle: 'Новый пароль для пациента',
  credentialsIntro:
    'Если SMS не дошло или пароль из него истёк (он действует несколько дней), отправьте пациенту новый пароль — старый перестанет работать.',
  patientPhone: 'Телефон пациента',
  sendPassword: 'Отправить новый пароль',
  sendingPassword: 'Отправляем…',
  passwordSent: (fullName: string, phone: string, date: string) =>
    endSentence(`SMS с новым паролем отправлено: ${fullName}, ${phone}. Пароль действует до ${date}`),
  /** 404: also for a staff member's phone, which never gets a patient's password. */
  noSuchPatient: 'Среди пациентов программы нет никого с этим номером телефона. Проверьте номер.',
  resendTooSoon: (minutes: number) =>
    `На этот номер только что отправлено SMS. Следующее можно отправить через ${minutes} ${plural('ru', minutes, ['минуту', 'минуты', 'минут'])}.`,

  notATable: (name: string) => `Не удалось прочитать файл «${name}» как таблицу. Загрузите таблицу в формате XLSX или CSV.`,
  missingColumns: (name: string, columns: readonly string[]) =>
    `В первой строке файла «${name}» нет нужных столбцов: ${columns.map((column) => `«${column}»`).join(', ')}. Назовите столбцы точно как в образце.`,
  emptyFile: (name: string) => `Файл «${name}» пустой.`,
  tooLarge: (name: string, maxRows: number) =>
    `Файл «${name}» слишком большой. В одном файле можно не больше ${maxRows} строк: разделите таблицу на несколько файлов и загрузите их по очереди.`,
};
