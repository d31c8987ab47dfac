#!/usr/bin/env node
import '../dist/bundle/llct.js';
