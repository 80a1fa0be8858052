export { DEMO_AGENT, DEMO_SITE, seedDemo } from './seed.ts';
export { buildDemoShop } from './shop.ts';
