/**
 * `npm run demo`: the whole pipeline on the bundled company cohort — read the CSV, validate and
 * normalise it, score every mentor against every mentee under the conflict-of-interest rules,
 * and form the one-to-one relationships. The script itself is examples/hr-one-to-one.ts.
 */
import './hr-one-to-one.js';
