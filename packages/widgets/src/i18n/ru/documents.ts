/** Strings of <oz-documents> (the upload parts are reused by <oz-apply>). */
export const documentsRu = {
  title: 'Медицинские документы',
  intro:
    'Загрузите выписки из истории болезни и результаты обследований. Врач профильного медицинского центра увидит их, когда будет рассматривать вашу заявку на онлайн-консультацию.',
  signInPrompt: 'Войдите в личный кабинет, чтобы загрузить медицинские документы и посмотреть уже загруженные.',
  patientsOnly: 'Медицинские документы загружают пациенты в своём личном кабинете.',
  restoring: 'Проверяем вход…',

  uploadTitle: 'Загрузить документ',
  kindLabel: 'Что это за документ',
  // Short: a closed list cannot wrap its words, and a phone at 200 % zoom has 180 px for them.
  kindPlaceholder: 'Выберите',
  kindRequired: 'Выберите, что это за документ',
  fileLabel: 'Файл',
  fileHint:
    'Подойдёт PDF, фотография (JPEG, PNG, HEIC) или снимок DICOM. Если страниц несколько, загрузите каждую отдельно. КТ или МРТ с диска — ZIP-архивом папки со снимками.',
  chooseFile: 'Выбрать файл',
  takePhoto: 'Сфотографировать',
  noFile: 'Файл ещё не выбран',
  chosenFile: (name: string, size: string) => `Выбран файл: ${name} (${size})`,
  fileRequired: 'Выберите файл или сфотографируйте документ',
  uploadSubmit: 'Загрузить документ',
  uploading: 'Загружаем…',
  progressLabel: (name: string) => `Загрузка файла ${name}`,
  progressText: (percent: number) => `Загружено ${percent}%`,
  uploadStarted: (name: string) => `Загружаем файл ${name}. Не закрывайте страницу.`,
  cancelUpload: 'Остановить загрузку',
  uploadCancelled: 'Загрузка остановлена. Файл не сохранён.',
  uploaded: (kind: string, name: string) => `Документ «${kind}» (${name}) загружен.`,
  tooLarge:
    'Файл слишком большой. Сфотографируйте каждую страницу отдельно или сохраните документ в меньшем размере и загрузите снова.',
  unsupportedType: 'Такой файл не подходит. Загрузите PDF, фотографию (JPEG, PNG, HEIC), снимок DICOM или ZIP-архив со снимками DICOM.',
  /** A ZIP with something that is not a DICOM image: `entry` is its name inside the archive. */
  zipNotDicom: (entry: string) =>
    `В архиве есть файл «${entry}», который не является снимком DICOM. Положите в архив только папку со снимками (обычно она называется DICOM) и загрузите снова.`,
  zipEncrypted: 'Архив защищён паролем. Сохраните его без пароля и загрузите снова.',
  zipTooBig: 'В архиве слишком много снимков. Загрузите их несколькими архивами, например по одной серии.',

  listTitle: 'Загруженные документы',
  loadingList: 'Загружаем список документов…',
  empty: 'Вы ещё не загрузили ни одного документа.',
  retry: 'Попробовать ещё раз',
  uploadedOn: (date: string) => `Загружен ${date}`,
  fileSize: (size: string) => `размер ${size}`,
  download: 'Скачать',
  downloadFile: (name: string) => `Скачать файл ${name}`,
  downloading: 'Скачиваем…',
  downloadFailed: (name: string) => `Не удалось скачать файл ${name}.`,
  delete: 'Удалить',
  deleteFile: (name: string) => `Удалить файл ${name}`,
  inUse:
    'Приложен к заявке на онлайн-консультацию. Пока заявка не закрыта, документ удалить нельзя: врач должен его видеть.',

  confirmTitle: 'Удалить документ?',
  confirmText: (kind: string, name: string) => `${kind}, файл ${name}. Удалённый документ вернуть нельзя.`,
  confirmDelete: 'Да, удалить',
  keep: 'Не удалять',
  deleting: 'Удаляем…',
  deleted: (name: string) => `Документ ${name} удалён.`,
  deleteRefused: 'Этот документ приложен к заявке на онлайн-консультацию, которая ещё не закрыта, поэтому удалить его нельзя.',

  whoLookedTitle: 'Кто смотрел мои документы',
  whoLookedIntro:
    'Здесь видно, кто из врачей и сотрудников программы открывал ваши документы, заявки и заключения и что с ними делал. Ваши собственные действия здесь не показаны.',
  whoLookedShow: 'Показать',
  whoLookedHide: 'Скрыть',
  whoLookedLoading: 'Загружаем, кто смотрел ваши документы…',
  whoLookedFailed: 'Не удалось узнать, кто смотрел ваши документы.',
  whoLookedEmpty: 'Никто, кроме вас, ваши документы пока не открывал.',
  /** One entry after its time: «Петров Алексей Иванович, врач, открыл документ «ЭКГ» (файл ekg.pdf)». */
  whoLookedEntry: (who: string, role: string, deed: string) => `${who}, ${role}, ${deed}`,
};
