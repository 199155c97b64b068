import { useTranslation } from 'react-i18next';
import { translateAroundPart, translatePhrase, type Phrase, type SplitSentence } from './phrase';

/** Turns a phrase into the UI language's words. */
export function useTranslatePhrase(): (phrase: Phrase) => string {
  const { t } = useTranslation();
  return (phrase) => translatePhrase((key, values) => t(key, values), phrase);
}

/** Turns a phrase into words cut around its part `name` (see translateAroundPart). */
export function useTranslateAroundPart(): (phrase: Phrase, name: string) => SplitSentence {
  const { t } = useTranslation();
  return (phrase, name) => translateAroundPart((key, values) => t(key, values), phrase, name);
}
