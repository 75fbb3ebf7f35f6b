/** Strings of a consultation's video-call line, on the patient's cards and in the doctor's desk. */
export const videoJoinRu = {
  openRoom: 'Открыть видеосвязь',
  closeRoom: 'Свернуть видеоконсультацию',
  joinOpensAt: (time: string) => `Видеосвязь откроется ${time}, за 15 минут до начала. Кнопка появится здесь.`,
  roomOpenNote: 'Видеосвязь открыта: можно проверить камеру и войти.',
};
