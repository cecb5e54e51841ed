import { describe, expect, it } from "vitest";

import { AS_OF, buildCard, codesOf, PERSON } from "../../../test/builders.js";
import type { Card } from "../card.js";
import { ruleContext } from "../validate.js";
import { checkGeneral } from "./general.js";

function check(edit: (card: Card) => void) {
  return checkGeneral(ruleContext(buildCard(edit), { asOf: AS_OF }));
}

describe("checkGeneral", () => {
  it("accepts a young teacher with no category and no attestation date", () => {
    expect(
      check((c) => {
        c.general.category = null;
        c.general.attestationDate = null;
        c.general.title = null;
        c.general.awards = null;
      }),
    ).toEqual([]);
  });

  it.each(["нет", "—", "-", "не имеет", "Нет."])(
    "accepts %j as the attestation date of a teacher never attested",
    (text) => {
      expect(check((c) => (c.general.attestationDate = text))).toEqual([]);
    },
  );

  it("accepts «нет» as the approval date of a route not yet approved", () => {
    expect(check((c) => (c.general.approvedOn = "нет"))).toEqual([]);
  });

  it("reports an attestation date it cannot read, quoting it", () => {
    expect(check((c) => (c.general.attestationDate = "весной"))).toMatchObject([
      {
        code: "date.unreadable",
        field: "general.attestationDate",
        message:
          "Поле «Дата прохождения аттестации»: «весной» не удаётся прочитать как дату; запишите ДД.ММ.ГГГГ",
      },
    ]);
  });

  it("reports «в течение года» as an approval date: it is no day", () => {
    expect(codesOf(check((c) => (c.general.approvedOn = "в течение года")))).toEqual([
      "date.unreadable",
    ]);
  });

  it("reports a template prompt in a required field once, as a required field", () => {
    expect(check((c) => (c.general.fullName = "ФИО педагога"))).toMatchObject([
      { code: "general.required", field: "general.fullName" },
    ]);
  });

  it.each(["нет", "—"])("reports %j in a required field as empty", (text) => {
    expect(check((c) => (c.general.position = text))).toMatchObject([
      { code: "general.required", field: "general.position" },
    ]);
  });

  it("accepts a phone typed as a number", () => {
    expect(check((c) => (c.general.phone = 89835551234))).toEqual([]);
  });

  it("accepts two mobile phones separated by a comma", () => {
    expect(check((c) => (c.general.phone = "+7 983 555-12-34, 8-913-000-11-22"))).toEqual([]);
  });

  it("reports a landline among two phones", () => {
    expect(codesOf(check((c) => (c.general.phone = "+7 983 555-12-34, 2-22-33")))).toEqual([
      "general.phone",
    ]);
  });

  it("accepts «нет» for a phone or an e-mail the teacher does not give", () => {
    expect(
      check((c) => {
        c.general.phone = "нет";
        c.general.email = "нет";
      }),
    ).toEqual([]);
  });

  it("accepts two e-mail addresses", () => {
    expect(check((c) => (c.general.email = `${PERSON.email}; kuznetsova@yandex.ru`))).toEqual([]);
  });

  it("reports a placeholder date in «Дата оценки / платформа» but not the platform's name", () => {
    expect(check((c) => (c.general.diagnosticDate = "Платформа ЦНППМ"))).toEqual([]);
    expect(check((c) => (c.general.diagnosticDate = "01.01.1000 / ЦНППМ"))).toMatchObject([
      { code: "date.placeholder", field: "general.diagnosticDate" },
    ]);
  });

  it("lists every form of diagnostics that is not of §2.1 in one finding", () => {
    const findings = check((c) => (c.general.diagnosticForms = "собеседование; анкета"));

    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("«собеседование», «анкета»");
  });
});
