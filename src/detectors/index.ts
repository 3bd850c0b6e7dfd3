/** The detector registry, sorted by id. A detector's id = its file = its test = its docs page (test/detectors/registry.test.ts). */
import brandDrivenActivity from './brand-driven-activity.js';
import brandIndependence from './brand-independence.js';
import broadcastRatio from './broadcast-ratio.js';
import collectiveDynamic from './collective-dynamic.js';
import coreGroup from './core-group.js';
import desireToContinue from './desire-to-continue.js';
import memberReplies from './member-replies.js';
import offPlatform from './off-platform.js';
import oneOffParticipants from './one-off-participants.js';
import peerAnswers from './peer-answers.js';
import postingCadence from './posting-cadence.js';
import reachWithoutConversation from './reach-without-conversation.js';
import realConversations from './real-conversations.js';
import rentedGround from './rented-ground.js';
import sharedMission from './shared-mission.js';
import spontaneousInitiatives from './spontaneous-initiatives.js';
import unansweredBrandQuestions from './unanswered-brand-questions.js';
import type { Detector } from './define-detector.js';

export const detectors: readonly Detector[] = [
  brandDrivenActivity,
  brandIndependence,
  broadcastRatio,
  collectiveDynamic,
  coreGroup,
  desireToContinue,
  memberReplies,
  offPlatform,
  oneOffParticipants,
  peerAnswers,
  postingCadence,
  reachWithoutConversation,
  realConversations,
  rentedGround,
  sharedMission,
  spontaneousInitiatives,
  unansweredBrandQuestions,
];

export type { Detector, DetectorContext, DetectorOutput, EvidenceRef, SignalId } from './define-detector.js';
