import type { GeneralField } from "../domain/card.js";

/**
 * The input messages of the template: what goes in each cell, in the words a methodist
 * uses. Excel refuses a workbook whose message title exceeds 32 characters or whose text
 * exceeds 255 (ECMA-376, §18.3.1.32 `promptTitle`, `prompt`); a test holds every one to that.
 */

/** An input message: a short title and what to type. */
export interface Prompt {
  title: string;
  text: string;
}

const DATE = "ДД.ММ.ГГГГ";

export const GENERAL_PROMPTS: Record<GeneralField | "stage", Prompt> = {
  fullName: {
    title: "ФИО педагога",
    text: "Фамилия, имя, отчество полностью, например: Иванова Анна Петровна.",
  },
  school: {
    title: "Образовательная организация",
    text: "Наименование ОО, например: МБОУ «Турочакская СОШ».",
  },
  municipality: {
    title: "Муниципалитет",
    text: "Муниципальный район или округ, например: Турочакский район.",
  },
  staffCategory: {
    title: "Категория работника",
    text: "Выберите из списка: педагог или управленческий кадр.",
  },
  education: {
    title: "Образование",
    text: "Уровень образования, учебное заведение и специальность по диплому.",
  },
  position: { title: "Должность", text: "Занимаемая должность, например: учитель математики." },
  experience: { title: "Педагогический стаж", text: "Педагогический стаж, например: 12 лет." },
  category: {
    title: "Квалификационная категория",
    text: "Выберите из списка: высшая, первая, соответствие занимаемой должности или без категории (у молодого педагога категории может не быть).",
  },
  attestationDate: {
    title: "Дата аттестации",
    text: `Дата последней аттестации: ${DATE}. У педагога без категории оставьте пустым.`,
  },
  courses: {
    title: "Курсы ПК за 3 года",
    text: "Курсы повышения квалификации за последние 3 года: название, объём в часах, год.",
  },
  title: { title: "Звание", text: "Почётное звание, если оно есть." },
  awards: { title: "Награды, поощрения", text: "Награды и поощрения с годом получения." },
  diagnosticForms: {
    title: "Форма оценки профдефицитов",
    text: "Выберите форму из списка (п. 2.1). Если форм несколько, впишите их через точку с запятой.",
  },
  diagnosticDate: {
    title: "Дата оценки / платформа",
    text: `Дата прохождения оценки (${DATE}) и платформа, например: 25.08.2025 / ЦНППМ.`,
  },
  phone: { title: "Мобильный телефон", text: "Номер с кодом, например: +7 913 123-45-67." },
  email: {
    title: "Электронная почта",
    text: "Адрес электронной почты, например: ivanova@school.ru.",
  },
  extra: {
    title: "Дополнительные сведения",
    text: "Что важно для маршрута: руководство ШМО, наставничество, конкурсы.",
  },
  routePeriod: {
    title: "Сроки ИОМ",
    text: "Срок одной строкой: «с 01.09.2025 по 31.05.2026» или «2025/2026 уч. год»; iom fill разнесёт его по началу и окончанию. ИОМ составляется на срок от двух месяцев до двух лет (п. 1.4).",
  },
  routeStart: { title: "Начало ИОМ", text: `Дата начала маршрута: ${DATE}.` },
  routeEnd: {
    title: "Окончание ИОМ",
    text: `Дата окончания маршрута: ${DATE}. Маршрут длится от двух месяцев до двух лет (п. 1.4).`,
  },
  mentor: {
    title: "Наставник / куратор",
    text: "ФИО и должность наставника или куратора ИОМ (п. 1.5, 1.6 Регламента).",
  },
  approvedOn: {
    title: "Дата утверждения",
    text: `Дата утверждения ИОМ руководителем ОО (п. 2.2): ${DATE}. Мероприятия выполняются после утверждения.`,
  },
  stage: {
    title: "Этап ИОМ",
    text: "Заполняет iom fill по тому, что внесено в карту: диагностический этап, разработка, реализация или заключительный этап.",
  },
  outcome: {
    title: "Итог ИОМ",
    text: "Заполняется на заключительном этапе (п. 2.4): завершён успешно или продлён.",
  },
};

const RESULT =
  "Процент выполнения заданий или знак: «+» — профдефицит есть, «-» — нет (знаки — если диагностика не стандартизированная, п. 2.1). Результат ставится в одну графу уровня.";

export const DIAGNOSTIC_PROMPTS = {
  competency: {
    title: "Компетенция",
    text: "Компетенция из перечня карты. В строке «Иное (указать)» допишите после двоеточия, какая: «Иное (указать): коммуникативная».",
  },
  finalCompetency: {
    title: "Компетенция",
    text: "Компетенция, по которой на входной диагностике был выявлен профдефицит; название — как в разделе входной диагностики.",
  },
  difficulties: {
    title: "Затруднения",
    text: "Какие затруднения выявила диагностика по этой компетенции.",
  },
  note: { title: "Примечание", text: "Комментарий к результату, например: платформа или дата." },
  comparison: {
    title: "Динамика",
    text: "Заполняет iom fill: устранён, снизился, без изменений или вырос — по сравнению с входной диагностикой.",
  },
} satisfies Record<string, Prompt>;

/** The thresholds of a district's configuration (`Config["thresholds"]`). */
export interface Thresholds {
  /** A percent above this is a low deficit. */
  low: number;
  /** A percent above this, and not above `low`, is a medium deficit. */
  medium: number;
}

/** Each level column's band of percents, as the card's headings and messages state it. */
export interface LevelBand {
  /** «81–100 %», «более 72,5 %», «не более 65 %». */
  range: string;
  /** The band as a sentence of the input message: «От 81 до 100 %.» */
  sentence: string;
}

/**
 * The bands of the three level columns for a district's thresholds. With the regulation's own
 * (80 and 60) they read as its card does, «81–100 %», «61–80 %», «менее 60 %»; with other
 * thresholds they state those: `{ low: 85, medium: 65 }` gives «86–100 %», «66–85 %» and
 * «не более 65 %», a threshold that is not whole «более 72,5 %».
 *
 * @example levelBands({ low: 85, medium: 65 }).high.range // "не более 65 %"
 */
export function levelBands(thresholds: Thresholds): Record<"low" | "medium" | "high", LevelBand> {
  const { low, medium } = thresholds;
  const whole = Number.isInteger(low) && Number.isInteger(medium);
  const regulation = low === 80 && medium === 60;

  return {
    low: whole
      ? { range: `${low + 1}–100 %`, sentence: `От ${low + 1} до 100 %.` }
      : { range: `более ${percent(low)} %`, sentence: `Более ${percent(low)} %.` },
    medium: whole
      ? { range: `${medium + 1}–${low} %`, sentence: `От ${medium + 1} до ${low} %.` }
      : {
          range: `более ${percent(medium)} до ${percent(low)} %`,
          sentence: `Более ${percent(medium)} и не более ${percent(low)} %.`,
        },
    high: {
      // The regulation's card says «менее 60»; iom-kit counts 60 itself as high (DESIGN.md).
      range: regulation ? "менее 60 %" : `не более ${percent(medium)} %`,
      sentence: regulation
        ? "Менее 60 %, как в положении; ровно 60 % — тоже высокий уровень."
        : `${percent(medium)} % и ниже.`,
    },
  };
}

/**
 * The input messages of the three level columns for a district's thresholds; a title that
 * would pass Excel's 32 characters leaves its band to the text.
 *
 * @example levelPrompts({ low: 80, medium: 60 }).low.title // "Низкий уровень (81–100 %)"
 */
export function levelPrompts(thresholds: Thresholds): Record<"low" | "medium" | "high", Prompt> {
  const bands = levelBands(thresholds);
  const prompt = (name: string, band: LevelBand): Prompt => {
    const title = `${name} уровень (${band.range})`;
    return {
      title: title.length <= 32 ? title : `${name} уровень`,
      text: `${band.sentence} ${RESULT}`,
    };
  };
  return {
    low: prompt("Низкий", bands.low),
    medium: prompt("Средний", bands.medium),
    high: prompt("Высокий", bands.high),
  };
}

function percent(value: number): string {
  return String(value).replace(".", ",");
}

export const PLAN_PROMPTS = {
  activity: {
    title: "Мероприятие",
    text: "Мероприятие, повышающее уровень профкомпетенций: курсы ПК, семинар, посещение уроков, мастер-класс, конкурс.",
  },
  competencies: {
    title: "Формируемые компетенции",
    text: "Выберите из списка. Если компетенций несколько, впишите их через точку с запятой.",
  },
  period: {
    title: "Сроки проведения",
    text: `Дата (${DATE}), месяц («октябрь 2025») или период («с 01.10.2025 по 30.11.2025») внутри сроков ИОМ.`,
  },
  done: {
    title: "Отметка о выполнении",
    text: "Выберите: выполнено, не выполнено или в процессе. Если срок прошёл, а отметки нет, мероприятие просрочено.",
  },
  reason: { title: "Причины невыполнения", text: "Заполняется, если мероприятие не выполнено." },
  result: {
    title: "Результат",
    text: "Результат или форма его представления, например: выступление на ШМО, март 2026.",
  },
  overdue: {
    title: "Контроль сроков",
    text: "Заполняет iom fill: отмечает мероприятия, срок которых прошёл, а отметки о выполнении нет.",
  },
} satisfies Record<string, Prompt>;

export const FINAL_EVENT_PROMPTS = {
  activity: {
    title: "Заключительное мероприятие",
    text: "Мероприятие, демонстрирующее повышение уровня профкомпетенций (п. 2.4): открытый урок, мастер-класс, выступление.",
  },
  level: { title: "Уровень проведения", text: "Выберите уровень из списка." },
  period: { title: "Сроки проведения", text: `Дата (${DATE}) или месяц проведения.` },
  reflection: {
    title: "Рефлексия",
    text: "Самоанализ педагога: что удалось, что изменилось в профессиональной деятельности.",
  },
} satisfies Record<string, Prompt>;

export const CLOSING_PROMPTS = {
  endDate: {
    title: "Окончание работы по ИОМ",
    text: `Дата окончания работы по реализации ИОМ: ${DATE}.`,
  },
  teacher: {
    title: "Педагогический работник",
    text: "ФИО педагога; подпись ставится на распечатанной карте.",
  },
  mentor: {
    title: "Наставник / методист",
    text: "ФИО наставника, старшего методиста или методиста; подпись ставится на распечатанной карте.",
  },
  conclusions: {
    title: "Выводы",
    text: "Выводы с указанием наиболее эффективных мероприятий, реализованных в рамках ИОМ; анализ реализации ИОМ (п. 2.4).",
  },
} satisfies Record<string, Prompt>;

/** The message Excel shows when a value is off a closed list (the user may keep it). */
export const OFF_LIST: Prompt = {
  title: "Значения нет в списке",
  text: "Лучше выбрать значение из списка. Оставить введённое?",
};
