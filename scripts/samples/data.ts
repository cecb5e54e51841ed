/**
 * The invented district of the samples: Светлоозёрский район, three schools, thirteen cards.
 * Every person, school and phone number here is made up. Each card is written in the layout
 * its school uses (layouts.ts); the faults each one carries are listed in samples/README.md.
 */

/** A result cell: text as typed, or a number (`{ percent: 0.75 }` shows as 75 % in Excel). */
export type Result = string | number | { percent: number };

export interface SampleCard {
  sheet?: string;
  general: Record<string, string | number | Date | undefined>;
  entry: {
    competency: string;
    difficulties?: string;
    low?: Result;
    medium?: Result;
    high?: Result;
    single?: Result;
    note?: string;
  }[];
  plan: {
    level: string;
    activity: string;
    competencies: string;
    period: string | Date;
    done?: string;
    reason?: string;
    result?: string;
  }[];
  finalEvent?: { activity: string; level: string; period: string; reflection: string };
  final?: {
    rows: {
      competency: string;
      low?: Result;
      medium?: Result;
      high?: Result;
      single?: Result;
      note?: string;
    }[];
    endDate?: string | Date;
    teacher?: string;
    mentor?: string;
    conclusions?: string;
  };
}

export const DISTRICT = "Светлоозёрский район";
export const SCHOOL_A = "МБОУ «Берёзовская СОШ»";
export const SCHOOL_B = "МБОУ «Озёрная ООШ»";
export const SCHOOL_C = "МБОУ «Кедровская СОШ №2»";

/** Школа А, the regulation's own layout. Clean; implementation stage; percents. */
export const sokolova: SampleCard = {
  general: {
    fullName: "Соколова Ирина Викторовна",
    education: "высшее, педагогика и методика начального образования",
    position: "учитель начальных классов",
    experience: "18 лет",
    category: "высшая",
    attestationDate: "14.12.2023",
    courses: "«Обновлённые ФГОС НОО», 72 ч., 2024",
    title: "нет",
    awards: "Почётная грамота Министерства просвещения РФ, 2021",
    diagnosticForms: "на основании стандартизированных оценочных процедур",
    diagnosticDate: "12.09.2026, ЦНППМ Республики",
    phone: "+7 913 000-11-01",
    email: "sokolova.iv@example.ru",
    extra: "руководитель ШМО учителей начальных классов",
    school: SCHOOL_A,
    routePeriod: "с 01.10.2026 по 31.05.2027",
    mentor: "Белова Н. А., заместитель директора по УВР",
    approvedOn: "25.09.2026",
  },
  entry: [
    { competency: "Предметная компетенция", low: "88%" },
    {
      competency: "Методическая компетенция",
      difficulties: "проектирование уроков по обновлённым ФГОС",
      medium: "72%",
    },
    { competency: "Психолого-педагогическая компетенция", low: "85%" },
    { competency: "Функциональная грамотность:" },
    {
      competency: "Читательская грамотность",
      difficulties: "задания на интерпретацию текста",
      high: "55%",
    },
    { competency: "Математическая грамотность", low: "90%" },
    { competency: "ИКТ-компетенции", low: "82%" },
  ],
  plan: [
    {
      level: "personal",
      activity: "Изучение методических рекомендаций по формированию читательской грамотности",
      competencies: "Читательская грамотность",
      period: "октябрь 2026",
      done: "выполнено",
      result: "конспект, выступление на ШМО",
    },
    {
      level: "school",
      activity: "Посещение уроков наставника, анализ",
      competencies: "Методическая",
      period: "ноябрь 2026",
      done: "выполнено",
      result: "карты анализа уроков",
    },
    {
      level: "school",
      activity: "Открытый урок по читательской грамотности",
      competencies: "Методическая, Читательская грамотность",
      period: "февраль 2027",
    },
    {
      level: "municipal",
      activity: "Семинар РМО «Смысловое чтение в начальной школе»",
      competencies: "Читательская грамотность",
      period: "декабрь 2026",
    },
    {
      level: "regional",
      activity: "Курсы ПК «Функциональная грамотность младших школьников», 36 ч.",
      competencies: "Читательская грамотность; Методическая",
      period: "март 2027",
    },
  ],
};

/** Школа А, regulation layout. Final stage, completed; clean. */
export const lebedev: SampleCard = {
  general: {
    fullName: "Лебедев Андрей Сергеевич",
    education: "высшее, физика",
    position: "учитель физики",
    experience: "9 лет",
    category: "первая",
    attestationDate: "20.04.2022",
    courses: "«Реализация требований ФГОС ООО», 36 ч., 2023",
    title: "нет",
    awards: "нет",
    diagnosticForms: "на основании стандартизированных оценочных процедур",
    diagnosticDate: "15.09.2025, ЦНППМ Республики",
    phone: "8 913 000-11-02",
    email: "lebedev.as@example.ru",
    school: SCHOOL_A,
    routePeriod: "с 01.10.2025 по 29.05.2026",
    mentor: "Белова Н. А., заместитель директора по УВР",
    approvedOn: "26.09.2025",
    outcome: "завершён успешно",
  },
  entry: [
    { competency: "Предметная компетенция", low: "84%" },
    {
      competency: "Методическая компетенция",
      difficulties: "формирующее оценивание",
      medium: "68%",
    },
    {
      competency: "Естественнонаучная грамотность",
      difficulties: "задания PISA-формата",
      high: "52%",
    },
    { competency: "ИКТ-компетенции", low: "90%" },
  ],
  plan: [
    {
      level: "personal",
      activity: "Самостоятельное изучение банка заданий ФИПИ по естественнонаучной грамотности",
      competencies: "Естественнонаучная грамотность",
      period: "октябрь–ноябрь 2025",
      done: "выполнено",
      result: "подборка заданий для 7–9 классов",
    },
    {
      level: "school",
      activity: "Взаимопосещение уроков с наставником",
      competencies: "Методическая",
      period: "в течение года",
      done: "выполнено",
      result: "анализ 6 уроков",
    },
    {
      level: "municipal",
      activity: "Практикум РМО «Формирующее оценивание на уроках физики»",
      competencies: "Методическая",
      period: "январь 2026",
      done: "выполнено",
      result: "выступление на РМО, январь 2026",
    },
    {
      level: "regional",
      activity: "Курсы ПК «Естественнонаучная грамотность: методика формирования», 72 ч.",
      competencies: "Естественнонаучная грамотность",
      period: "февраль 2026",
      done: "выполнено",
      result: "удостоверение о ПК",
    },
  ],
  finalEvent: {
    activity: "Открытый урок «Давление твёрдых тел» с заданиями PISA-формата",
    level: "Муниципальный",
    period: "апрель 2026",
    reflection: "урок показал освоение приёмов формирующего оценивания",
  },
  final: {
    rows: [
      { competency: "Методическая компетенция", low: "86%" },
      { competency: "Естественнонаучная грамотность", medium: "74%" },
    ],
    endDate: "29.05.2026",
    teacher: "Лебедев А. С.",
    mentor: "Белова Н. А.",
    conclusions:
      "Наиболее эффективны курсы ПК и практикум РМО; дефицит методической компетенции устранён, естественнонаучной снижен до среднего",
  },
};

/** Школа А, regulation layout. A young teacher: no category; diagnostic stage; ± signs. */
export const morozova: SampleCard = {
  general: {
    fullName: "Морозова Дарья Алексеевна",
    education: "высшее, иностранный язык (английский)",
    position: "учитель английского языка",
    experience: "1 год",
    category: "",
    attestationDate: "",
    courses: "нет",
    title: "нет",
    awards: "нет",
    diagnosticForms: "самодиагностика на основании рефлексии профессиональной деятельности",
    diagnosticDate: "05.11.2026",
    phone: "8 913 000-11-03",
    email: "morozova.da@example.ru",
    school: SCHOOL_A,
  },
  entry: [
    { competency: "Предметная компетенция", low: "-", medium: "-", high: "-" },
    {
      competency: "Методическая компетенция",
      difficulties: "планирование урока, дисциплина на уроке",
      high: "+",
    },
    {
      competency: "Психолого-педагогическая компетенция",
      difficulties: "работа с детьми с ОВЗ",
      medium: "+",
    },
    { competency: "ИКТ-компетенции", low: "-" },
  ],
  plan: [],
};

/** Школа А, regulation layout. Faulty: the errors a methodist must see. */
export const kuznetsova: SampleCard = {
  general: {
    fullName: "Кузнецова Ольга Ивановна",
    education: "высшее, математика",
    position: "учитель математики",
    experience: "25 лет",
    category: "высшая",
    attestationDate: "01.03.2021",
    courses: "«Подготовка к ГИА по математике», 36 ч., 2024",
    title: "Почётный работник воспитания и просвещения РФ",
    awards: "нет",
    diagnosticForms: "на основании экспертной оценки практической деятельности",
    diagnosticDate: "01.01.1000, платформа ЭРА",
    phone: "12-34-56",
    email: "kuznetsova.oi@example.ru",
    school: SCHOOL_A,
    routePeriod: "с 01.09.2026 по 30.06.2027",
    mentor: "Белова Н. А.",
    approvedOn: "10.09.2026",
  },
  entry: [
    { competency: "Предметная компетенция", low: "91%" },
    {
      competency: "Методическая компетенция",
      difficulties: "индивидуализация обучения",
      low: "75%",
    },
    {
      competency: "Финансовая грамотность",
      difficulties: "практико-ориентированные задачи",
      high: "40%",
    },
  ],
  plan: [
    {
      level: "personal",
      activity: "Изучение опыта педагогов-мастеров по индивидуализации обучения",
      competencies: "Методическая",
      period: "сентябрь 2026",
      done: "не выполнено",
    },
    {
      level: "school",
      activity: "Мастер-класс наставника по финансовой грамотности",
      competencies: "Финансовая грамотность",
      period: "октябрь 2026",
    },
    {
      level: "regional",
      activity: "Вебинар ЦНППМ «Финансовая грамотность на уроках математики»",
      competencies: "Финансовая грамотность",
      period: "__.__.2027",
    },
  ],
};

/** Школа Б, layout «в одну ячейку». Development stage; fractions in a percent-formatted column. */
export const novikova: SampleCard = {
  general: {
    fullName: "Новикова Елена Павловна",
    education: "высшее, филология",
    position: "учитель русского языка и литературы",
    experience: "14 лет",
    category: "первая",
    diagnosticForms: "самодиагностика, экспертная оценка",
    diagnosticDate: "18.10.2026",
    phone: "8-913-000-22-01",
    email: "novikova.ep@example.ru",
    school: SCHOOL_B,
    routePeriod: "2026–2027 уч. год",
    mentor: "Орлова С. В., методист",
  },
  entry: [
    { competency: "Предметная", single: { percent: 0.86 } },
    { competency: "Методическая", difficulties: "смешанное обучение", single: { percent: 0.64 } },
    { competency: "Читательская грамотность", single: { percent: 0.7 } },
    {
      competency: "ИКТ",
      difficulties: "цифровые образовательные ресурсы",
      single: { percent: 0.58 },
    },
  ],
  plan: [
    {
      level: "personal",
      activity: "Изучение ресурсов ФГИС «Моя школа»",
      competencies: "ИКТ",
      period: "ноябрь–декабрь 2026",
    },
    {
      level: "school",
      activity: "Методический семинар «Смешанное обучение»",
      competencies: "Методическая",
      period: "январь 2027",
    },
    {
      level: "municipal",
      activity: "Участие в работе творческой группы по читательской грамотности",
      competencies: "Читательская грамотность",
      period: "в течение года",
    },
  ],
};

/** Школа Б, «в одну ячейку». A manager; faulty: an unknown competency, a date outside the route, no result. */
export const popov: SampleCard = {
  general: {
    fullName: "Попов Дмитрий Николаевич",
    education: "высшее, история; менеджмент в образовании",
    position: "директор",
    experience: "22 года",
    category: "соответствие занимаемой должности",
    staffCategory: "управленческий кадр",
    diagnosticForms: "экспертная оценка",
    diagnosticDate: "01.09.2026",
    phone: "+7 (913) 000-22-02",
    email: "popov.dn@example.ru",
    school: SCHOOL_B,
    routePeriod: "с 15.09.2026 по 15.06.2027",
    approvedOn: "14.09.2026",
  },
  entry: [
    {
      competency: "Управленческая",
      difficulties: "управление изменениями",
      single: { percent: 0.62 },
    },
    { competency: "Нормативно-правовая", single: { percent: 0.9 } },
    {
      competency: "Коммуникативная",
      difficulties: "конфликты с родителями",
      single: { percent: 0.55 },
    },
  ],
  plan: [
    {
      level: "municipal",
      activity: "Школа управленческого резерва, модуль «Управление изменениями»",
      competencies: "Управленческая",
      period: "октябрь 2026",
      done: "выполнено",
    },
    {
      level: "regional",
      activity: "Стажировка в региональной инновационной площадке",
      competencies: "Управленческая",
      period: "март 2028",
    },
    {
      level: "personal",
      activity: "Тренинг эффективной коммуникации",
      competencies: "Коммуникативная",
      period: "декабрь 2026",
    },
  ],
};

/** Школа Б, «в одну ячейку». Final stage with gaps: a final result and the conclusions missing. */
export const vasilyeva: SampleCard = {
  general: {
    fullName: "Васильева Татьяна Михайловна",
    education: "высшее, химия и биология",
    position: "учитель химии",
    experience: "30 лет",
    category: "высшая",
    diagnosticForms: "стандартизированные оценочные процедуры",
    diagnosticDate: "20.09.2025",
    phone: "8 913 000-22-03",
    email: "vasilyeva.tm@example.ru",
    school: SCHOOL_B,
    routePeriod: "с 01.10.2025 по 31.05.2026",
    mentor: "Орлова С. В., методист",
    approvedOn: "30.09.2025",
  },
  entry: [
    {
      competency: "Методическая",
      difficulties: "проектная деятельность",
      single: { percent: 0.66 },
    },
    { competency: "Естественнонаучная грамотность", single: { percent: 0.54 } },
  ],
  plan: [
    {
      level: "school",
      activity: "Проектный семинар в ОО",
      competencies: "Методическая",
      period: "ноябрь 2025",
      done: "выполнено",
      result: "паспорт учебного проекта",
    },
    {
      level: "regional",
      activity: "Курсы ПК «Естественнонаучная грамотность», 36 ч.",
      competencies: "Естественнонаучная грамотность",
      period: "февраль 2026",
      done: "выполнено",
      result: "удостоверение о ПК",
    },
  ],
  finalEvent: {
    activity: "Защита учебных проектов обучающихся",
    level: "Уровень ОО",
    period: "май 2026",
    reflection: "проекты защищены, приёмы освоены",
  },
  final: {
    rows: [{ competency: "Методическая", single: { percent: 0.84 } }],
    endDate: "29.05.2026",
  },
};

/** Школа В, layout «таблицей». Implementation; clean; short level names repeated on each row. */
export const fedorova: SampleCard = {
  general: {
    fullName: "Фёдорова Анастасия Олеговна",
    education: "высшее, история",
    position: "учитель истории и обществознания",
    experience: "6 лет",
    category: "первая",
    diagnosticForms: "самодиагностика",
    diagnosticDate: "10.09.2026",
    phone: "8 913 000-33-01",
    email: "fedorova.ao@example.ru",
    school: SCHOOL_C,
    routeStart: "01.10.2026",
    routeEnd: "30.04.2027",
    mentor: "Зайцева Л. Г., наставник",
    approvedOn: "29.09.2026",
  },
  entry: [
    { competency: "Предметная", low: "-", medium: "-", high: "-" },
    { competency: "Методическая", difficulties: "технология критического мышления", medium: "+" },
    { competency: "Глобальные компетенции", difficulties: "межкультурные ситуации", high: "+" },
  ],
  plan: [
    {
      level: "ОО",
      activity: "Посещение уроков наставника по технологии РКМЧП",
      competencies: "Методическая",
      period: "октябрь 2026",
      done: "выполнено",
      result: "технологические карты 3 уроков",
    },
    {
      level: "Муниципальный",
      activity: "Семинар «Глобальные компетенции на уроках истории»",
      competencies: "Глобальные компетенции",
      period: "декабрь 2026",
    },
    {
      level: "Региональный",
      activity: "Вебинар ЦНППМ «Глобальные компетенции: задания PISA»",
      competencies: "Глобальные компетенции",
      period: "февраль 2027",
    },
  ],
};

/** Школа В, «таблицей». Faulty: signs in two columns, points with no maximum, a route too long. */
export const mikhailov: SampleCard = {
  general: {
    fullName: "Михайлов Константин Юрьевич",
    education: "высшее, прикладная информатика",
    position: "учитель информатики",
    experience: "4 года",
    category: "без категории",
    diagnosticForms: "экспертная оценка",
    diagnosticDate: "02.09.2026",
    phone: "8 913 000-33-02",
    email: "mikhailov.ky@example.ru",
    school: SCHOOL_C,
    routeStart: "01.09.2026",
    routeEnd: "31.08.2029",
    mentor: "Зайцева Л. Г., наставник",
  },
  entry: [
    { competency: "Предметная", low: "+" },
    { competency: "Методическая", medium: "+", high: "+" },
    {
      competency: "Психолого-педагогическая",
      difficulties: "мотивация подростков",
      high: "75 баллов",
    },
    { competency: "Креативное мышление", high: "+" },
  ],
  plan: [
    {
      level: "ОО",
      activity: "Стажировка у наставника",
      competencies: "Методическая",
      period: "сентябрь–октябрь 2026",
      done: "выполнено",
      result: "план-конспекты уроков",
    },
  ],
};

/** Школа В, «таблицей». A deputy head (manager); final stage; extended. */
export const alekseeva: SampleCard = {
  general: {
    fullName: "Алексеева Наталья Борисовна",
    education: "высшее, математика; переподготовка «Менеджмент в образовании»",
    position: "заместитель директора по УВР",
    experience: "27 лет",
    category: "высшая",
    diagnosticForms: "экспертная оценка",
    diagnosticDate: "05.09.2025",
    phone: "8 913 000-33-03",
    email: "alekseeva.nb@example.ru",
    school: SCHOOL_C,
    routeStart: "15.09.2025",
    routeEnd: "15.06.2026",
    mentor: "Орлов В. П., муниципальный методист",
    approvedOn: "12.09.2025",
    outcome: "продлён",
  },
  entry: [
    { competency: "Управленческая", difficulties: "внутришкольный контроль", high: "+" },
    { competency: "Правовая", medium: "+" },
  ],
  plan: [
    {
      level: "Муниципальный",
      activity: "Школа заместителя директора, модуль «ВСОКО»",
      competencies: "Управленческая",
      period: "ноябрь 2025",
      done: "выполнено",
      result: "положение о ВСОКО школы",
    },
    {
      level: "Региональный",
      activity: "Курсы ПК «Нормативно-правовое обеспечение деятельности ОО», 36 ч.",
      competencies: "Правовая",
      period: "январь 2026",
      done: "выполнено",
      result: "удостоверение о ПК",
    },
  ],
  finalEvent: {
    activity: "Выступление на августовском совещании педагогов района",
    level: "Муниципальный",
    period: "июнь 2026",
    reflection: "подходы к контролю пересмотрены, нужна доработка",
  },
  final: {
    rows: [
      { competency: "Управленческая", medium: "+" },
      { competency: "Правовая", low: "-", medium: "-", high: "-" },
    ],
    endDate: "15.06.2026",
    teacher: "Алексеева Н. Б.",
    mentor: "Орлов В. П.",
    conclusions:
      "Курсы ПК устранили дефицит правовой компетенции; управленческий снижен, ИОМ продлён на 2026–2027 уч. год",
  },
};

/** Школа В, workbook of several cards. Clean; dates as Excel dates; ± signs. */
export const sorokina: SampleCard = {
  sheet: "Карта ИОМ (2)",
  general: {
    fullName: "Сорокина Валентина Петровна",
    education: "среднее профессиональное, дошкольное образование",
    position: "учитель-логопед",
    experience: "11 лет",
    category: "первая",
    attestationDate: new Date(Date.UTC(2022, 10, 17)),
    courses: "нет",
    title: "нет",
    awards: "нет",
    diagnosticForms: "самодиагностика; на основании результатов профессиональной деятельности",
    diagnosticDate: new Date(Date.UTC(2026, 8, 20)),
    phone: "8 913 000-33-04",
    email: "sorokina.vp@example.ru",
    school: SCHOOL_C,
    routePeriod: "с 01.10.2026 по 31.03.2027",
    mentor: "Зайцева Л. Г., наставник",
    approvedOn: new Date(Date.UTC(2026, 8, 28)),
  },
  entry: [
    { competency: "Предметная компетенция", low: "-", medium: "-", high: "-" },
    {
      competency: "Психолого-педагогическая компетенция",
      difficulties: "сопровождение детей с ОВЗ",
      medium: "+",
    },
    { competency: "ИКТ-компетенции", difficulties: "дистанционные занятия", medium: "+" },
  ],
  plan: [
    {
      level: "personal",
      activity: "Изучение адаптированных основных общеобразовательных программ",
      competencies: "Психолого-педагогическая",
      period: new Date(Date.UTC(2026, 9, 15)),
      done: "выполнено",
      result: "конспект",
    },
    {
      level: "school",
      activity: "Консилиум ППк: разбор случаев",
      competencies: "Психолого-педагогическая",
      period: "ноябрь 2026",
      done: "в процессе",
    },
    {
      level: "municipal",
      activity: "Мастер-класс «Цифровые ресурсы логопеда»",
      competencies: "ИКТ-компетенции",
      period: "январь 2027",
    },
  ],
};

/** Школа В, several cards. The same teacher as in «таблицей», an older route: a duplicate. */
export const fedorovaEarlier: SampleCard = {
  ...fedorova,
  sheet: "Фёдорова 'прошлый' ИОМ",
  general: {
    ...fedorova.general,
    routeStart: undefined,
    routeEnd: undefined,
    routePeriod: "с 01.02.2026 по 30.06.2026",
    approvedOn: "30.01.2026",
    diagnosticDate: "20.01.2026",
  },
  plan: [
    {
      level: "school",
      activity: "Изучение технологии РКМЧП",
      competencies: "Методическая",
      period: "февраль–март 2026",
      done: "выполнено",
      result: "конспект",
    },
    {
      level: "municipal",
      activity: "Семинар «Глобальные компетенции»",
      competencies: "Глобальные компетенции",
      period: "апрель 2026",
      done: "не выполнено",
      reason: "семинар перенесён организатором",
    },
  ],
};

/** Школа В, several cards. Faulty: a result on a formula that lost its target, «Иное» unnamed. */
export const grigoryev: SampleCard = {
  sheet: "Григорьев П.А.",
  general: {
    fullName: "Григорьев Павел Андреевич",
    education: "высшее, физическая культура",
    position: "учитель физической культуры",
    experience: "3 года",
    category: "нет",
    courses: "нет",
    title: "нет",
    awards: "нет",
    diagnosticForms: "самодиагностика",
    diagnosticDate: new Date(Date.UTC(2026, 9, 1)),
    phone: "8 913 000-33-05",
    email: "grigoryev.pa@example.ru",
    school: SCHOOL_C,
    routePeriod: "с 01.10.2026 по 31.05.2027",
    mentor: "Зайцева Л. Г., наставник",
    approvedOn: new Date(Date.UTC(2026, 9, 10)),
  },
  entry: [
    { competency: "Методическая компетенция", difficulties: "дифференциация нагрузки", high: "+" },
    { competency: "Иное (указать)", medium: "+" },
  ],
  plan: [
    {
      level: "school",
      activity: "Посещение уроков наставника",
      competencies: "Методическая",
      period: "октябрь–ноябрь 2026",
      done: "выполнено",
      result: "анализ уроков",
    },
  ],
};
