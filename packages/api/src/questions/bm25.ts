/** Okapi BM25 over term lists: small, in memory, rebuilt when the published set changes. */
export class Bm25<K> {
  private readonly docs: { key: K; tf: Map<string, number>; length: number }[] = [];
  private readonly df = new Map<string, number>();
  private avgLength = 1;

  constructor(
    entries: { key: K; terms: string[] }[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    for (const { key, terms } of entries) {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      this.docs.push({ key, tf, length: terms.length });
    }
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length) || 1;
  }

  idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Documents by score, best first. `coverage` is the share of the query's weight (idf) the
   * document matched: a way to say "nothing here answers this" that does not depend on corpus size.
   */
  search(query: string[], limit: number): { key: K; score: number; coverage: number }[] {
    const unique = [...new Set(query)];
    const weights = unique.map((t) => this.idf(t));
    const total = weights.reduce((s, w) => s + w, 0) || 1;
    const scored = this.docs.map((d) => {
      let score = 0;
      let matched = 0;
      unique.forEach((t, i) => {
        const f = d.tf.get(t);
        if (!f) return;
        matched += weights[i]!;
        score += (weights[i]! * f * (this.k1 + 1)) / (f + this.k1 * (1 - this.b + (this.b * d.length) / this.avgLength));
      });
      return { key: d.key, score, coverage: matched / total };
    });
    return scored
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
