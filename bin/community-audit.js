#!/usr/bin/env node
import('../dist/cli/main.js').catch((e) => { if (e?.code === 'ERR_MODULE_NOT_FOUND' && /dist/.test(e.message)) { console.error('community-audit is not built yet: run `npm run build` (npm ci does it for you).'); process.exit(70); } throw e; });
