import type { ReactNode } from 'react';

/** Saves a file the page made (an export, a backup) through the browser's download. */
export function download(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A picked file's JSON, or undefined where it is not JSON (the caller says so in the user's words). */
export async function jsonOfFile(file: File): Promise<{ json: unknown } | undefined> {
  try {
    return { json: JSON.parse(await file.text()) as unknown };
  } catch {
    return undefined;
  }
}

/** A button that picks one file; the same file can be picked again after a failed attempt. */
export function FileButton({
  accept,
  testId,
  onFile,
  disabled = false,
  children,
}: {
  accept: string;
  testId: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <label className="small-button file-button" aria-disabled={disabled || undefined}>
      {children}
      <input
        type="file"
        accept={accept}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
