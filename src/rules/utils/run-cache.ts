/**
 * The narrative walk and figure location, computed once per check run (see check/document-index.ts)
 * for the rules that share them. The results are read-only: callers copy before sorting or changing.
 */
import { documentIndex } from '../../check/document-index.js';
import type { Disclosure, Sentence } from '../../model/index.js';
import { locateFigures, type LocatedFigure } from './narrative-figures.js';
import { allSections, sentencesOf, type SentenceContext } from './narrative-walk.js';

export function runSentences(d: Disclosure): SentenceContext[] {
  return documentIndex(d).memo('narrative-walk:sentences', () => sentencesOf(d));
}

export function runSections(d: Disclosure): ReturnType<typeof allSections> {
  return documentIndex(d).memo('narrative-walk:sections', () => allSections(d));
}

export function runFigures(d: Disclosure, sentence: Sentence): LocatedFigure[] {
  return documentIndex(d).memoFor('narrative-figures:locate', sentence, locateFigures);
}
