// The package ships no types; this is the part of its API the benchmark uses.
declare module 'emailjs-mime-builder' {
  export default class MimeBuilder {
    constructor(contentType: string, options?: { filename?: string; includeBccInHeader?: boolean });
    addHeader(headers: Record<string, string>): MimeBuilder;
    setHeader(key: string, value: string): MimeBuilder;
    createChild(contentType: string, options?: { filename?: string }): MimeBuilder;
    setContent(content: string | Uint8Array): MimeBuilder;
    build(): string;
  }
}
