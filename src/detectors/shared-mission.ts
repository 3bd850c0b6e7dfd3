/** « Votre projet ou votre produit s’appuie sur des valeurs ou une mission partagée » */
import { msg } from '../i18n/index.js';
import { defineDetector } from './define-detector.js';

/**
 * Values and a mission do not show in who answers whom: only the person who runs the
 * community can say. From data this signal never applies; the questionnaire
 * (`community-audit quiz`) declares it under the same id.
 */
export default defineDetector({
  id: 'shared-mission',
  group: 'readiness',
  run() {
    return { score: null, reason: msg('reason.questionnaireOnly'), values: {}, sample: 0, usesReplies: false };
  },
});
