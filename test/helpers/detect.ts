/** Runs one detector of the registry on a dataset, as run-audit does. */
import { derive } from '../../src/derive/index.js';
import { detectors } from '../../src/detectors/index.js';
import type { DetectorOutput } from '../../src/detectors/define-detector.js';
import type { Dataset } from '../../src/model/dataset.js';

export function detect(id: string, ds: Dataset): DetectorOutput {
  const detector = detectors.find((x) => x.id === id);
  if (!detector) throw new Error(`no detector ${id}`);
  return detector.run({ ds, d: derive(ds) });
}

/** The catalogue key of a summary or reason, for tables. */
export const keyOf = (out: DetectorOutput) => (out.score === null ? out.reason?.key : out.summary?.key);
