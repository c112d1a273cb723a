// Upward portal: a small client-side application over the public API (/api/v1), in plain ES modules (no build step).
// A page module adds its routes to core's route table when it is imported; a new module is one import line here.
import { start } from './core.js';
import './learner.js';
import './quiz.js';
import './admin.js';
import './author.js';
import './practice.js';

start();
