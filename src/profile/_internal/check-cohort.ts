import type { PeermatchIssue } from '../../errors.js';
import type { Participant } from '../participant-schema.js';
import type { Program } from '../program-schema.js';
import { sharedMask, shares } from './consent.js';
import { fold as plainFold } from './fold.js';
import { type IssueSite, makeIssue, recordSubject } from './issues.js';
import type { ResolvedTaxonomy } from './taxonomy.js';

/** Problems found across a cohort: errors stop the call, warnings travel with the result. */
export interface Findings {
  readonly errors: PeermatchIssue[];
  readonly warnings: PeermatchIssue[];
}

function siteOf(api: string, index: number, id: string): IssueSite {
  return { api, prefix: [index], subject: recordSubject(index, id), participantId: id };
}

/** Flags every id seen before; `ids[i]` undefined means record i has no usable id. */
export function checkDuplicateIds(
  api: string,
  ids: readonly (string | undefined)[],
  findings: Findings,
): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id === undefined) return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else {
      findings.errors.push(
        makeIssue(
          siteOf(api, i, id),
          'DUPLICATE_ID',
          ['id'],
          `repeats the id of record ${earlier}`,
        ),
      );
    }
  });
}

/** Warnings for references to people who are not in the cohort, or to oneself. */
export function checkReferences(
  api: string,
  participants: readonly (Participant | undefined)[],
  known: ReadonlySet<string>,
  findings: Findings,
): void {
  participants.forEach((p, i) => {
    if (p === undefined) return;
    const site = siteOf(api, i, p.id);
    if (p.managerId !== undefined) {
      if (p.managerId === p.id) {
        findings.warnings.push(
          makeIssue(
            site,
            'SELF_REFERENCE',
            ['managerId'],
            'names the participant as their own manager; ignored',
          ),
        );
      } else if (!known.has(p.managerId)) {
        findings.warnings.push(
          makeIssue(
            site,
            'UNKNOWN_MANAGER',
            ['managerId'],
            `points at ${JSON.stringify(p.managerId)}, who is not in the cohort; the reporting-line rule cannot use it`,
          ),
        );
      }
    }
    for (const list of ['prefer', 'avoid'] as const) {
      p[list].forEach((other, j) => {
        if (other === p.id) {
          findings.warnings.push(
            makeIssue(site, 'SELF_REFERENCE', [list, j], 'names the participant themself; ignored'),
          );
        } else if (!known.has(other)) {
          findings.warnings.push(
            makeIssue(
              site,
              'UNKNOWN_PARTICIPANT',
              [list, j],
              `names ${JSON.stringify(other)}, who is not in the cohort; ignored`,
            ),
          );
        }
      });
    }
  });
}

/**
 * Checks that depend on the program: skills the taxonomy rejects, stages outside the ordering,
 * background checks expired at the program date. Fields the participant withholds are not
 * checked: they will be dropped, so their content cannot affect the match.
 */
export function checkAgainstProgram(
  api: string,
  participants: readonly (Participant | undefined)[],
  program: Program,
  taxonomy: ResolvedTaxonomy,
  findings: Findings,
  fold: (label: string) => string = plainFold,
): void {
  const stages = new Set(program.stages.map(fold));
  const reject = program.taxonomy.unknownSkills === 'reject';
  participants.forEach((p, i) => {
    if (p === undefined) return;
    const site = siteOf(api, i, p.id);
    const mask = sharedMask(p, program);
    if (reject && shares(mask, 'skills')) {
      for (const side of ['offered', 'wanted'] as const) {
        p.skills[side].forEach((skill, j) => {
          if (!taxonomy.lookup.has(fold(skill.name))) {
            findings.errors.push(
              makeIssue(
                site,
                'UNKNOWN_SKILL',
                ['skills', side, j, 'name'],
                `${JSON.stringify(skill.name)} is not in the program's taxonomy (taxonomy.unknownSkills is "reject")`,
              ),
            );
          }
        });
      }
    }
    if (
      p.stage !== undefined &&
      stages.size > 0 &&
      shares(mask, 'stage') &&
      !stages.has(fold(p.stage))
    ) {
      findings.errors.push(
        makeIssue(
          site,
          'UNKNOWN_STAGE',
          ['stage'],
          `${JSON.stringify(p.stage)} is not one of the program's stages (${program.stages.join(', ')})`,
        ),
      );
    }
    const check = p.safeguarding.backgroundCheck;
    if (check !== undefined && p.role !== 'mentee' && check.expiresOn < program.date) {
      findings.warnings.push(
        makeIssue(
          site,
          'BACKGROUND_CHECK_EXPIRED',
          ['safeguarding', 'backgroundCheck', 'expiresOn'],
          `expired on ${check.expiresOn}, before the program date ${program.date}; safeguarded participants will not be matched with them`,
        ),
      );
    }
  });
}
