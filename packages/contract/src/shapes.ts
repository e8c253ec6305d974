/** What the widgets import at run time: the shape checker and the compiled shapes, no zod. */
export { conforms, type Shape } from './shape.js';
export * from './shapes.generated.js';
