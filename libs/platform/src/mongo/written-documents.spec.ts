import { writtenDocuments } from './written-documents';

describe('writtenDocuments', () => {
  it.each([
    ['an insert', 'insert', { insert: 'consents', documents: [{ _id: 'a' }, { _id: 'b' }] }, { collection: 'consents', ids: ['a', 'b'] }],
    ['an update by id and version', 'update', { update: 'eligibility', updates: [{ q: { _id: 'u:p', version: 3 }, u: { $set: {} } }] }, { collection: 'eligibility', ids: ['u:p'] }],
    ['updates of several ids ($eq, $in)', 'update', { update: 'x', updates: [{ q: { _id: { $eq: 'a' } } }, { q: { _id: { $in: ['b', 'c'] } } }] }, { collection: 'x', ids: ['a', 'b', 'c'] }],
    ['an update by another field', 'update', { update: 'x', updates: [{ q: { _id: 'a' } }, { q: { uscc: 'b' } }] }, { collection: 'x', ids: null }],
    ['a delete', 'delete', { delete: 'x', deletes: [{ q: { _id: 'a' }, limit: 1 }] }, { collection: 'x', ids: ['a'] }],
    ['a findAndModify', 'findAndModify', { findAndModify: 'x', query: { _id: 'a' }, update: {} }, { collection: 'x', ids: ['a'] }],
    ['an insert of a document without an id', 'insert', { insert: 'x', documents: [{ name: 'n' }] }, { collection: 'x', ids: null }],
    ['a drop', 'drop', { drop: 'x' }, { collection: 'x', ids: null }],
    ['an aggregation into a collection', 'aggregate', { aggregate: 'x', pipeline: [{ $match: {} }, { $out: 'y' }] }, { collection: 'y', ids: null }],
  ])('%s', (_case, name, command, expected) => {
    expect(writtenDocuments(name, command)).toEqual(expected);
  });

  it('ignores reads', () => {
    expect(writtenDocuments('find', { find: 'x', filter: { _id: 'a' } })).toBeUndefined();
    expect(writtenDocuments('aggregate', { aggregate: 'x', pipeline: [{ $match: {} }] })).toBeUndefined();
  });
});
