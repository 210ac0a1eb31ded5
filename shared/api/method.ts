import type { z } from 'zod';

/** A method's contract: the zod schema of its input and, as a type only, its output. */
export type MethodContract<Input extends z.ZodType, Output> = {
  input: Input;
  /** Never set at run time: carries the output type to clients and handlers. */
  output?: Output;
};

export const method = <Output>() => <Input extends z.ZodType>(input: Input): MethodContract<Input, Output> => ({ input });
