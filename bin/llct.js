#!/usr/bin/env node
// CommonJS (bin/package.json): Node runs it without starting its ES module loader (start-up, issue 10).
require('../dist/bundle/main.cjs');
