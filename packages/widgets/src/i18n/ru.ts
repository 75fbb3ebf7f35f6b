import type { ErrorCode, FieldErrorCode } from '@oz/contracts';
import { plural } from './plural.ts';
import { domainRu } from './ru/domain.ts';
import { documentsRu } from './ru/documents.ts';
import { applyRu } from './ru/apply.ts';
import { consultationsRu } from './ru/consultations.ts';
import { notificationsRu } from './ru/notifications.ts';
import { doctorDeskRu } from './ru/doctor-desk.ts';
import { dutyScheduleRu } from './ru/duty-schedule.ts';
import { videoRoomRu } from './ru/video-room.ts';
import { chatRu } from './ru/chat.ts';
import { referralImportRu } from './ru/referral-import.ts';
import { pagingRu } from './ru/paging.ts';

/**
 * Russian: the source of every string. Plain words for elderly users and the program's own
 * words (личный кабинет, Зарегистрироваться) so the widget matches the announcements people saw.
 */
export const ru = {
  common: {
    signOut: 'Выйти',
    cancel: 'Отмена',
    loading: 'Загрузка…',
    showPassword: 'Показать пароль',
    hidePassword: 'Скрыть пароль',
    optional: 'необязательно',
    opensInNewWindow: 'откроется в новом окне',
    finishPasswordChange: 'Чтобы продолжить, придумайте новый пароль в личном кабинете.',
  },

  fields: {
    fullName: 'Фамилия, имя и отчество',
    fullNameHint: 'Как в паспорте',
    birthDate: 'Дата рождения',
    birthDateHint: 'Число, месяц и год цифрами, например 12.03.1948',
    birthDateIncomplete: 'Введите дату полностью: две цифры числа, две цифры месяца и четыре цифры года, например 12.03.1948',
    birthDateImpossible: 'Такой даты нет в календаре. Проверьте число и месяц, например 12.03.1948',
    code: 'Код из СМС',
    codeHint: (phone: string) => `6 цифр из СМС, которое мы отправили на номер ${phone}`,
    phone: 'Номер мобильного телефона',
    phoneHint: 'Например: +7 921 123-45-67',
    email: 'Электронная почта',
    password: 'Пароль',
    newPasswordHint: (min: number) => `Не меньше ${min} ${plural('ru', min, ['символа', 'символов', 'символов'])}`,
    consent: 'Я даю согласие на обработку моих персональных данных',
    consentLink: 'Прочитать текст согласия (152-ФЗ)',
    oneTimePassword: 'Пароль из SMS',
    currentPassword: 'Текущий пароль',
    newPassword: 'Новый пароль',
    repeatPassword: 'Повторите новый пароль',
  },

  /** One entry per FieldErrorCode of the contracts, so every server field error has words. */
  fieldErrors: {
    required: 'Заполните это поле',
    too_short: (min: number) => `Слишком коротко: нужно не меньше ${min} ${plural('ru', min, ['символа', 'символов', 'символов'])}`,
    too_long: (max: number) => `Слишком длинно: можно не больше ${max} ${plural('ru', max, ['символа', 'символов', 'символов'])}`,
    invalid: 'Проверьте, правильно ли заполнено поле',
    phone_invalid: 'Введите российский номер телефона, например +7 921 123-45-67',
    email_invalid: 'Введите адрес почты, например name@mail.ru, или оставьте поле пустым',
    date_invalid: 'Введите дату полностью: день, месяц и год',
    birth_date_out_of_range: 'Проверьте дату рождения: она не может быть позже сегодняшнего дня',
    consent_required: 'Без согласия на обработку персональных данных зарегистрироваться нельзя',
    password_mismatch: 'Пароли не совпадают. Введите новый пароль ещё раз',
    password_same: 'Новый пароль должен отличаться от текущего',
    taken: 'Это значение уже занято',
    date_in_past: 'Выберите время в будущем',
    documents_missing: 'Загрузите обязательные медицинские документы',
    code_wrong: 'Код не подходит. Проверьте цифры в СМС и введите их ещё раз',
    code_expired: 'Этот код больше не действует. Нажмите «Отправить код ещё раз»',
    code_used_up: 'Код введён неверно слишком много раз. Нажмите «Отправить код ещё раз»',
  } satisfies Record<FieldErrorCode, string | ((limit: number) => string)>,

  /** Form-level messages, one per API error code, plus the ones the browser causes. */
  errors: {
    malformed_request: 'Не удалось отправить данные. Обновите страницу и попробуйте ещё раз.',
    validation_failed: 'Проверьте поля, отмеченные ниже.',
    unauthenticated: 'Вы вышли из личного кабинета. Войдите снова.',
    invalid_credentials: 'Неверный номер телефона или пароль.',
    forbidden: 'У вас нет доступа к этому разделу.',
    password_change_required: 'Сначала придумайте новый пароль.',
    not_found: 'Ничего не найдено.',
    conflict: 'Это действие уже выполнено или больше недоступно.',
    phone_taken: 'Этот номер телефона уже зарегистрирован. Войдите в личный кабинет.',
    payload_too_large: 'Файл слишком большой.',
    unsupported_media_type: 'Такой тип файла не подходит.',
    rate_limited: 'Слишком много попыток. Попробуйте немного позже.',
    program_closed: 'Приём заявок сейчас закрыт: программа в эти дни не работает.',
    slot_taken: 'Это время уже заняли. Выберите другое.',
    one_time_password_expired: 'Срок действия пароля из SMS истёк. Попросите новый у организаторов программы.',
    file_unreadable: 'Не удалось прочитать файл. Проверьте, что это таблица в формате XLSX или CSV с нужными столбцами.',
    room_closed: 'Видеосвязь сейчас закрыта: она открывается за 15 минут до начала консультации.',
    call_ended: 'Врач завершил видеосвязь и пишет заключение.',
    video_unavailable: 'Сервер видеосвязи сейчас не отвечает. Попробуйте через несколько минут.',
    sms_unavailable: 'SMS сейчас не отправляется. Ничего не изменилось, попробуйте позже.',
    password_already_set: 'Пациент уже сам задал пароль и входит с ним. Новый пароль по SMS не нужен.',
    booking_limit: 'У вас уже есть записи к дежурному врачу. Чтобы записаться снова, отмените одну из них.',
    unavailable: 'Сервис ненадолго недоступен. Попробуйте ещё раз через несколько секунд.',
    internal: 'На сервере произошла ошибка. Попробуйте ещё раз чуть позже.',
    rateLimitedFor: (minutes: number) =>
      `Слишком много попыток. Попробуйте снова через ${minutes} ${plural('ru', minutes, ['минуту', 'минуты', 'минут'])}.`,
    network: 'Нет связи с сервером. Проверьте интернет и попробуйте ещё раз.',
    unknown: 'Что-то пошло не так. Попробуйте ещё раз чуть позже.',
    fieldSummary: (label: string, message: string) => `${label}: ${message}`,
  } satisfies Record<ErrorCode, string> & Record<string, string | ((...args: never[]) => string)>,

  register: {
    modeLabel: 'Личный кабинет',
    signInTab: 'Вход',
    registerTab: 'Регистрация',
    signInTitle: 'Вход в личный кабинет',
    signInIntro: 'Введите номер телефона и пароль, которые вы указали при регистрации или получили в SMS.',
    signInSubmit: 'Войти',
    registerTitle: 'Регистрация в личном кабинете',
    registerIntro: 'Личный кабинет нужен, чтобы загрузить медицинские документы и подать заявку на онлайн-консультацию.',
    registerSubmit: 'Зарегистрироваться',
    sending: 'Отправляем…',
    noAccount: 'Ещё нет личного кабинета?',
    haveAccount: 'Уже зарегистрированы?',
    signedInTitle: 'Личный кабинет',
    signedInAs: (fullName: string) => `Вы вошли как ${fullName}`,
    changePassword: 'Сменить пароль',
    changePasswordTitle: 'Смена пароля',
    changePasswordSubmit: 'Сохранить новый пароль',
    passwordChanged: 'Новый пароль сохранён.',
    wrongCurrentPassword: 'Текущий пароль введён неверно.',
    forcedTitle: 'Придумайте новый пароль',
    forcedIntro: 'Вы вошли по временному паролю из SMS. Чтобы продолжить, придумайте свой пароль и запомните его.',
    restoring: 'Проверяем вход…',
    getCode: 'Получить код',
    registerPhoneIntro: 'Сначала подтвердим ваш номер телефона: мы пришлём СМС с кодом из 6 цифр.',
    codeAlreadySent: 'Код уже отправлен недавно. Если СМС не пришло, отправьте код ещё раз, когда кнопка станет доступна.',
    resendIn: (time: string) => `Отправить ещё раз через ${time}`,
    resend: 'Отправить код ещё раз',
    codeResent: 'Новый код отправлен. Прежний код больше не действует.',
    changePhone: 'Изменить номер',
    forgotPassword: 'Забыли пароль?',
    resetTitle: 'Новый пароль',
    resetIntro: 'Введите номер телефона, с которым вы входите в личный кабинет. Мы пришлём СМС с кодом, и вы придумаете новый пароль.',
    resetCodeIntro: 'Если этот номер есть в программе, на него придёт СМС с кодом. Введите код и придумайте новый пароль.',
    resetSubmit: 'Сохранить пароль и войти',
    backToSignIn: 'Вернуться ко входу',
    confirmTitle: 'Подтвердите номер телефона',
    confirmIntro: (phone: string) => `Мы пришлём СМС с кодом на номер ${phone}. Так мы убедимся, что это ваш телефон.`,
    confirmSubmit: 'Подтвердить',
    phoneConfirmed: 'Номер телефона подтверждён.',
  },

  // One section per element (and shared domain words), each in its own file.
  domain: domainRu,
  paging: pagingRu,
  documents: documentsRu,
  apply: applyRu,
  consultations: consultationsRu,
  notifications: notificationsRu,
  doctorDesk: doctorDeskRu,
  dutySchedule: dutyScheduleRu,
  videoRoom: videoRoomRu,
  chat: chatRu,
  referralImport: referralImportRu,
};

/** The shape every locale must have; `en` is typed with it so a missing key does not compile. */
export type Translation = typeof ru;
