#!/usr/bin/env node
// Runs the compiled CLI (npm install compiles src/ into dist/ via the `prepare` script).
import('../dist/cli.js');
