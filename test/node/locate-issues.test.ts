import { describe, expect, it } from 'vitest';
import { locateIssues } from '../../src/node/locate-issues.js';

describe('locateIssues', () => {
  it('locateIssues(issues, rows) names the rows of every record a message mentions', () => {
    const [issue] = locateIssues(
      [
        {
          code: 'DUPLICATE_ID',
          path: [3, 'id'],
          message: 'parseParticipants: record 3 ("bo") id repeats the id of record 1',
          participantId: 'bo',
        },
      ],
      [2, 4, 5, 9],
    );
    expect(issue).toEqual({
      code: 'DUPLICATE_ID',
      path: [3, 'id'],
      message: 'parseParticipants: row 9 ("bo") id repeats the id of row 4',
      participantId: 'bo',
      row: 9,
    });
  });

  it('locateIssues keeps issues that belong to no record as they are', () => {
    const issue = { code: 'X', path: ['program', 'date'], message: 'program date is missing' };
    expect(locateIssues([issue], [2])[0]).toBe(issue);
  });
});
