import { fold } from './fold.js';

export interface SkillDefinitionLike {
  readonly name: string;
  readonly synonyms?: readonly string[];
  readonly parent?: string | undefined;
}

export interface TaxonomyProblem {
  readonly code: 'DUPLICATE_SKILL' | 'UNKNOWN_PARENT_SKILL' | 'SKILL_CYCLE';
  readonly path: (string | number)[];
  readonly message: string;
}

/** The program's skill taxonomy, resolved: folded spellings to skill index, and the hierarchy. */
export interface ResolvedTaxonomy {
  /** Canonical (folded) name of each taxonomy skill. */
  readonly names: string[];
  /** Folded name or synonym → index into `names`. */
  readonly lookup: Map<string, number>;
  /** Index of the parent skill, or -1 for a root. */
  readonly parent: number[];
  readonly problems: TaxonomyProblem[];
}

/** Resolves (and checks) a taxonomy; problems are returned, never thrown. */
export function resolveTaxonomy(skills: readonly SkillDefinitionLike[]): ResolvedTaxonomy {
  const names: string[] = [];
  const lookup = new Map<string, number>();
  const problems: TaxonomyProblem[] = [];
  const claim = (key: string, index: number, path: (string | number)[], raw: string) => {
    const owner = lookup.get(key);
    if (owner === undefined) lookup.set(key, index);
    else if (owner !== index) {
      problems.push({
        code: 'DUPLICATE_SKILL',
        path,
        message: `${JSON.stringify(raw)} already names skill ${JSON.stringify(names[owner])} (folded to ${JSON.stringify(key)})`,
      });
    }
  };
  for (const skill of skills) names.push(fold(skill.name));
  skills.forEach((skill, i) => {
    claim(names[i], i, ['taxonomy', 'skills', i, 'name'], skill.name);
    skill.synonyms?.forEach((synonym, j) => {
      claim(fold(synonym), i, ['taxonomy', 'skills', i, 'synonyms', j], synonym);
    });
  });
  const parent = skills.map((skill, i) => {
    if (skill.parent === undefined) return -1;
    const index = lookup.get(fold(skill.parent));
    if (index === undefined) {
      problems.push({
        code: 'UNKNOWN_PARENT_SKILL',
        path: ['taxonomy', 'skills', i, 'parent'],
        message: `parent ${JSON.stringify(skill.parent)} is not a skill of the taxonomy`,
      });
      return -1;
    }
    return index;
  });
  // Walk up from each skill; a walk longer than the taxonomy has revisited a skill: a cycle.
  for (let i = 0; i < parent.length; i++) {
    let steps = 0;
    for (let at = parent[i]; at !== -1 && steps <= parent.length; at = parent[at]) {
      steps++;
      if (at === i) {
        problems.push({
          code: 'SKILL_CYCLE',
          path: ['taxonomy', 'skills', i, 'parent'],
          message: `skill ${JSON.stringify(names[i])} is its own ancestor`,
        });
        break;
      }
    }
  }
  // Break cycles so later walks terminate even if a caller ignores the problems.
  for (const problem of problems) {
    if (problem.code === 'SKILL_CYCLE') parent[problem.path[2] as number] = -1;
  }
  return { names, lookup, parent, problems };
}
