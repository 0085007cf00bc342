/**
 * What the pure core may use beyond the ECMAScript library: the few Web APIs every JavaScript runtime has (the
 * WinterTC minimum common API: browsers, workers, Node, Deno). tsconfig.core.json compiles the core with this file
 * and without the DOM library, so `document`, `window`, `localStorage` or `fetch` in the core fail the typecheck.
 */

interface TextEncoderEncodeIntoResult {
  read: number;
  written: number;
}

declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
  encodeInto(source: string, destination: Uint8Array): TextEncoderEncodeIntoResult;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare const crypto: {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): `${string}-${string}-${string}-${string}-${string}`;
};

declare function btoa(data: string): string;
declare function atob(data: string): string;
