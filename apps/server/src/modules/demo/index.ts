export { DEMO_AGENT, DEMO_AGENT_2, DEMO_DEPARTMENTS, DEMO_PROACTIVE, DEMO_SITE, seedDemo } from './seed.ts';
export { buildDemoShop } from './shop.ts';
