// What a figure states: a claim ties a figure to a metric, the parties it is about, the period it
// covers and its modality. Claims are what the consistency checks compare; two claims are about the
// same thing only when metric, parties and period agree (see claimKey).

import type { DateGranularity, Modality, Span } from './types';

/** The period a claim covers: inclusive ISO days. */
export interface ClaimPeriod {
  readonly from: string;
  readonly to: string;
  readonly granularity: DateGranularity;
  /** Index into `analysis.dates` of the mention that set the period, when one did. */
  readonly dateIndex?: number;
  /**
   * True for a stock at a point in time ("198 projects at present", "as of 2021"): `from` = `to` =
   * the day it is stated for (the release date for "at present").
   */
  readonly pointInTime?: boolean;
}

/**
 * `level`: the value of the metric over the period ("USD 5.33 billion in 2020").
 * `change`: a relative change of the metric against a base period ("up 16.7% year on year").
 * `share`: a percentage of a whole ("84% of the land boundary").
 */
export type ClaimMeasure = 'level' | 'change' | 'share';

export interface Claim extends Span {
  /** Index into `analysis.figures` of the figure that states the claim; the span is the figure's. */
  readonly figureIndex: number;
  /** A metric id from knowledge/metrics.json ("trade.total", "trade.flow", "investment.capital", …), or null when unknown. */
  readonly metric: string | null;
  /** The words that named the metric ("trade volume", "two-way trade"). */
  readonly metricText?: string;
  /**
   * Party ids. For a symmetric metric (two-way trade) sorted, so "Cambodia–Viet Nam" and "Viet
   * Nam–Cambodia" agree; for a directional one (a flow of exports or investment) `[from, to]`.
   */
  readonly parties: readonly string[];
  readonly directional: boolean;
  /** The period the figure covers; null when it cannot be told. */
  readonly period: ClaimPeriod | null;
  readonly modality: Modality;
  readonly measure: ClaimMeasure;
  /** For a change: +1 when the text states a rise ("up", "rising", "grew"), −1 for a fall ("down", "fell"). */
  readonly sign?: number;
  /** For a change: the period it is measured against (the year before, the same months a year earlier). */
  readonly base?: ClaimPeriod;
  /** For a change claim that states which level claim it qualifies ("respectively"), that claim's index in `claims`. */
  readonly ofClaim?: number;
  /**
   * Why the claim cannot be compared ("metric unknown", "period unknown", "parties unknown"). A
   * claim with reasons is never compared: the hover says why instead. Empty when comparable.
   */
  readonly unknown: readonly string[];
}

/**
 * The key two claims must share to be about the same thing: metric, parties (sorted or ordered),
 * period, measure and modality. Null when the claim is not comparable.
 */
export function claimKey(claim: Claim): string | null {
  if (claim.unknown.length > 0 || claim.metric === null || claim.period === null) return null;
  return [claim.metric, claim.parties.join('>'), `${claim.period.from}..${claim.period.to}`, claim.measure, claim.modality].join('|');
}
