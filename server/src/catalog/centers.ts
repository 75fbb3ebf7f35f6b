import type { Center } from '@oz/contracts';

/** The two national medical centers and their rules, from the program's letter (DESIGN.md §2). */
export const CENTERS: readonly Center[] = [
  {
    id: 'bakulev',
    name: 'ФГБУ «НМИЦ сердечно-сосудистой хирургии имени А.Н. Бакулева» Минздрава России',
    shortName: 'НМИЦ ССХ им. А.Н. Бакулева',
    nameEn: 'Bakulev National Medical Research Center for Cardiovascular Surgery',
    diseases: [
      { id: 'congenital_heart_defects', name: 'Врожденные пороки сердца', nameEn: 'Congenital heart defects' },
      { id: 'acquired_heart_defects', name: 'Приобретенные пороки сердца', nameEn: 'Acquired heart defects' },
      { id: 'coronary_heart_disease', name: 'Ишемическая болезнь сердца', nameEn: 'Coronary heart disease' },
      { id: 'cardiomyopathies', name: 'Кардиомиопатии', nameEn: 'Cardiomyopathies' },
      { id: 'heart_rhythm_disorders', name: 'Нарушения ритма сердца', nameEn: 'Heart rhythm disorders' },
      { id: 'combined_pathology', name: 'Сочетанная патология', nameEn: 'Combined pathology' },
      {
        id: 'vascular_pathology',
        name: 'Сосудистая патология у взрослых и детей: артериальная и венозная',
        nameEn: 'Vascular pathology in adults and children: arterial and venous',
      },
    ],
    documents: [
      { kind: 'discharge_summary', name: 'Выписки из истории болезни (из стационаров)', required: true },
      { kind: 'ecg', name: 'ЭКГ', required: true },
      { kind: 'echocg', name: 'ЭХО КГ', required: true },
      { kind: 'ct', name: 'КТ', required: false },
      { kind: 'mri', name: 'МРТ', required: false },
    ],
  },
  {
    id: 'kulakov',
    name: 'ФГБУ «НМИЦ акушерства, гинекологии и перинатологии имени В.И. Кулакова» Минздрава России',
    shortName: 'НМИЦ АГП им. В.И. Кулакова',
    nameEn: 'Kulakov National Medical Research Center for Obstetrics, Gynecology and Perinatology',
    diseases: [
      { id: 'fetal_malformations', name: 'Врожденные пороки развития у плода', nameEn: 'Congenital fetal malformations' },
      { id: 'fetal_arrhythmias', name: 'Аритмии у плода', nameEn: 'Fetal arrhythmias' },
      { id: 'cancer_in_pregnancy', name: 'Онкологические заболевания во время беременности', nameEn: 'Cancer during pregnancy' },
      {
        id: 'female_genital_cancer',
        name: 'Онкологические заболевания женских половых органов',
        nameEn: 'Cancer of the female reproductive organs',
      },
      { id: 'breast_pathology', name: 'Патология молочной железы', nameEn: 'Breast pathology' },
      {
        id: 'uterine_vaginal_malformations',
        name: 'Пороки развития матки и влагалища',
        nameEn: 'Malformations of the uterus and vagina',
      },
    ],
    documents: [
      { kind: 'discharge_summary', name: 'Выписки из истории болезни (из стационаров)', required: true },
      { kind: 'pregnancy_card', name: 'Обменная карта беременной', required: true },
      { kind: 'pelvic_ultrasound', name: 'УЗИ органов малого таза', required: true },
      { kind: 'fetal_ultrasound', name: 'УЗИ плода', required: true },
      { kind: 'ct', name: 'КТ', required: false },
      { kind: 'mri', name: 'МРТ', required: false },
    ],
  },
];
