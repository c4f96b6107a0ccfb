/**
 * The shape of one language's translations of the per-step finding wordings
 * (src/core/steps/N-name/finding-codes.ts): a table keyed by finding code whose title and
 * explanation use exactly the `{name}` placeholders of the English template (in any order), so a
 * finding's params fill them the same way. A code without an entry keeps its English text.
 */
import type { FindingWording } from '../../findings/define';

export type FindingTranslations = Readonly<Partial<Record<string, FindingWording>>>;
