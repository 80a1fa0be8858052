import type { PriorityRules, VisitorAttributes } from '@parla/protocol';

/** Queue priority, pure: the department's urgency, plus the tier's bonus, plus the cart bonus at or above the threshold. */
export function priorityOf(urgency: number, attributes: VisitorAttributes, rules: PriorityRules): number {
  const tier = typeof attributes.tier === 'string' ? (rules.tiers[attributes.tier.toLowerCase()] ?? 0) : 0;
  const cart = Number(attributes.cartValue);
  const cartBonus = rules.cartValueThreshold !== null && Number.isFinite(cart) && cart >= rules.cartValueThreshold ? rules.cartValueBonus : 0;
  return urgency + tier + cartBonus;
}

/** The attributes stored as JSON on a visitor row (malformed: none). */
export function parseAttributes(json: string): VisitorAttributes {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as VisitorAttributes) : {};
  } catch {
    return {};
  }
}
