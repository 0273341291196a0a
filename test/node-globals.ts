// Browser globals some browser libraries use, for unit tests in Node: dexie-export-import reads
// `self` at import and reads blobs with FileReader.
const g = globalThis as { self?: unknown; FileReader?: unknown };
g.self ??= globalThis;

class NodeFileReader extends EventTarget {
  result: string | ArrayBuffer | null = null;
  error: unknown = null;
  onload: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor() {
    super();
    this.addEventListener('load', (event) => this.onload?.(event));
    this.addEventListener('error', (event) => this.onerror?.(event));
  }
  private read(blob: Blob, as: (b: Blob) => Promise<string | ArrayBuffer>) {
    as(blob).then(
      (result) => {
        this.result = result;
        this.dispatchEvent(new Event('load'));
      },
      (error: unknown) => {
        this.error = error;
        this.dispatchEvent(new Event('error'));
      },
    );
  }
  readAsText(blob: Blob) {
    this.read(blob, (b) => b.text());
  }
  readAsArrayBuffer(blob: Blob) {
    this.read(blob, (b) => b.arrayBuffer());
  }
  readAsBinaryString(blob: Blob) {
    this.read(blob, async (b) => Buffer.from(await b.arrayBuffer()).toString('latin1'));
  }
}
g.FileReader ??= NodeFileReader;
