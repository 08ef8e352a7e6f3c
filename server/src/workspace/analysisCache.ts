// Analyses per document version: a document is analysed once per version, and every feature
// (tokens, hover, outline, and later the checks) reads that one result.

import { analyseDocument, type AnalysisOptions } from '../analysis/document';
import type { DocumentAnalysis } from '../analysis/types';

export interface VersionedText {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: DocumentAnalysis }>();

  constructor(private readonly options: AnalysisOptions = {}) {}

  get(document: VersionedText): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = analyseDocument(document.getText(), document.uri, this.options);
    this.entries.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }
}
