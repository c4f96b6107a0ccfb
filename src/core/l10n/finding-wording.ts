/**
 * Where the per-step finding wordings (src/core/steps/N-name/finding-codes.ts, English templates
 * with `{name}` placeholders, see src/core/findings/define.ts) get their translations: one table per
 * language keyed by finding code, with the same placeholders. A finding keeps its code and params,
 * so any view words it in its own language; a code without a translation keeps the English text.
 * The step codes' tables are in ./finding-translations/ (test/unit/core/l10n/finding-translations.test.ts
 * checks every declared code is translated with the English template's placeholders).
 */
import { fillTemplate, placeholdersOf } from '../findings/define';
import type { FindingParams } from '../../shared/findings';
import type { Lang } from './render';

import type { FindingTranslations } from './finding-translations/types';
import { ES_FINDINGS } from './finding-translations/es';
import { HE_FINDINGS } from './finding-translations/he';
import { NL_FINDINGS } from './finding-translations/nl';
import { ZH_CN_FINDINGS } from './finding-translations/zh-cn';

export type { FindingTranslations };

/** Every step's codes, per language (src/core/l10n/finding-translations/). */
const STEP_FINDING_TRANSLATIONS: Readonly<Record<Exclude<Lang, 'en'>, FindingTranslations>> = {
  es: ES_FINDINGS,
  nl: NL_FINDINGS,
  he: HE_FINDINGS,
  'zh-cn': ZH_CN_FINDINGS,
};

/** Translations of the codes any step can emit (src/core/findings/common-codes.ts). */
export const COMMON_FINDING_TRANSLATIONS: Readonly<Record<Exclude<Lang, 'en'>, FindingTranslations>> = {
  es: {
    'engine.check-failed': {
      title: '{check}: la comprobación se detuvo antes de poder decidir',
      explanation:
        'Esta comprobación encontró un error y se detuvo; las demás sí se ejecutaron. El motivo indica qué falló; corríjalo y vuelva a ejecutar el diagnóstico.',
    },
    'tool.output-unrecognised': {
      title: 'No se pudo leer la salida de {tool}{exit}',
      explanation:
        'El comando se ejecutó, pero lo que imprimió no tiene una forma que esta extensión reconozca, así que no se concluyó nada. La salida se conserva como prueba.',
    },
    'remedy.ran': {
      title: '{summary}: código de salida {exitCode}',
      explanation: 'Vuelva a ejecutar el diagnóstico para ver si el problema ha desaparecido.',
    },
  },
  nl: {
    'engine.check-failed': {
      title: '{check}: de controle stopte voordat er een besluit was',
      explanation:
        'Deze controle liep tegen een fout aan en stopte; de andere controles zijn wel uitgevoerd. De reden zegt wat er misging; los het op en voer de diagnose opnieuw uit.',
    },
    'tool.output-unrecognised': {
      title: 'De uitvoer van {tool} kon niet worden gelezen{exit}',
      explanation:
        'De opdracht is uitgevoerd, maar de uitvoer heeft geen vorm die deze extensie herkent, dus er is niets uit geconcludeerd. De uitvoer blijft bewaard als bewijs.',
    },
    'remedy.ran': {
      title: '{summary}: afsluitcode {exitCode}',
      explanation: 'Voer de diagnose opnieuw uit om te zien of het probleem verdwenen is.',
    },
  },
  he: {
    'engine.check-failed': {
      title: '{check}: הבדיקה נעצרה לפני שיכלה להכריע',
      explanation:
        'הבדיקה הזו נתקלה בשגיאה והפסיקה; שאר הבדיקות רצו. הסיבה מסבירה מה השתבש; תקן אותה והרץ שוב את האבחון.',
    },
    'tool.output-unrecognised': {
      title: 'לא ניתן היה לקרוא את הפלט של {tool}{exit}',
      explanation:
        'הפקודה רצה, אבל מה שהיא הדפיסה אינו בצורה שההרחבה הזו מזהה, ולכן לא הוסקה ממנו מסקנה. הפלט נשמר כראיה.',
    },
    'remedy.ran': {
      title: '{summary}: קוד יציאה {exitCode}',
      explanation: 'הרץ שוב את האבחון כדי לראות אם הבעיה נעלמה.',
    },
  },
  'zh-cn': {
    'engine.check-failed': {
      title: '{check}：检查在得出结论之前停止',
      explanation: '此检查遇到错误后停止；其他检查仍已运行。原因说明了出错之处；请修复后重新运行诊断。',
    },
    'tool.output-unrecognised': {
      title: '无法读取 {tool} 的输出{exit}',
      explanation: '命令已运行，但其输出不是此扩展能识别的格式，因此未从中得出任何结论。输出已作为证据保留。',
    },
    'remedy.ran': {
      title: '{summary}：退出代码 {exitCode}',
      explanation: '请重新运行诊断，查看问题是否已解决。',
    },
  },
};

/**
 * The title and explanation of a finding in `lang`: the translated template filled with its params,
 * else (no translation, or params missing) its English text.
 */
export function wordFinding(
  lang: Lang,
  finding: { code: string; title: string; explanation: string; params?: FindingParams },
  tables: readonly FindingTranslations[] = [],
): { title: string; explanation: string } {
  if (lang === 'en') return { title: finding.title, explanation: finding.explanation };
  const wording = [...tables, STEP_FINDING_TRANSLATIONS[lang], COMMON_FINDING_TRANSLATIONS[lang]]
    .map((t) => t[finding.code])
    .find(Boolean);
  // A finding without the params its wording needs (made before codes had tables, or read from an
  // older report) keeps its English text rather than showing `{server}`.
  const params = finding.params ?? {};
  const complete = (template: string): boolean => placeholdersOf(template).every((name) => name in params);
  if (!wording || !complete(wording.title) || !complete(wording.explanation))
    return { title: finding.title, explanation: finding.explanation };
  return {
    title: fillTemplate(wording.title, finding.params, lang),
    explanation: fillTemplate(wording.explanation, finding.params, lang),
  };
}
