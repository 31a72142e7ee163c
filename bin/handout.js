#!/usr/bin/env node
// Runs the bundled CLI (npm install and npm pack compile src/ into dist/ and bundle it into
// dist/bundle/ via the `prepare` script): a few files to load instead of hundreds of modules.
import('../dist/bundle/cli.js');
