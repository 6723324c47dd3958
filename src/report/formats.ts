// The formats `--format` takes, apart from the renderers: the CLI checks a format without loading
// them, and a run that writes JSON loads only the JSON renderer.
export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'csv'] as const;
export type Format = (typeof FORMATS)[number];
