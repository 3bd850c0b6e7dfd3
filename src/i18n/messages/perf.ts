/** Progress on large inputs (stderr, in a terminal only). */
import { defineMessages } from '../define.js';

export default defineMessages(
  {
    'progress.rate': '{rate} rows/s',
    'progress.left': '{share%} read, about {seconds} s left',
  },
  {
    'progress.rate': '{rate} lignes/s',
    'progress.left': '{share%} lus, encore {seconds} s environ',
  },
);
