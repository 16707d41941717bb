import { z } from 'zod';
import { DomainError } from '../errors/domain-error';
import { ZodPipe } from './zod-body.pipe';

describe('ZodPipe', () => {
  const pipe = new ZodPipe(z.object({ name: z.string(), items: z.array(z.object({ qty: z.number().min(0) })) }));

  it('passes valid input through', () => {
    expect(pipe.transform({ name: 'a', items: [] })).toEqual({ name: 'a', items: [] });
  });

  it('reports each offending field by path', () => {
    try {
      pipe.transform({ items: [{ qty: 1 }, { qty: -1 }] });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).issues.map((i) => i.field)).toEqual(['name', 'items[1].qty']);
    }
  });

  it('names the body itself when it is not an object', () => {
    expect(() => pipe.transform(undefined)).toThrow(DomainError);
  });
});
