/** The detector registry, sorted by id. A detector's id = its file = its test = its docs page. */
import brandIndependence from './brand-independence.js';
import broadcastRatio from './broadcast-ratio.js';
import coreGroup from './core-group.js';
import memberReplies from './member-replies.js';
import peerAnswers from './peer-answers.js';
import type { Detector } from './define-detector.js';

export const detectors: readonly Detector[] = [brandIndependence, broadcastRatio, coreGroup, memberReplies, peerAnswers];

export type { Detector, DetectorContext, DetectorOutput, EvidenceRef } from './define-detector.js';
