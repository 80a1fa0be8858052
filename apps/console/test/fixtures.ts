import type { AgentStatus, ConversationSummary } from '@parla/protocol';

export const conv = (over: Partial<ConversationSummary> & { id: string }): ConversationSummary => ({
  siteId: 'demo',
  channel: 'web',
  visitorId: `v-${over.id}`,
  visitorName: null,
  state: 'queued',
  agentId: null,
  agentName: null,
  departmentId: null,
  priority: 0,
  lastSeq: 1,
  lastMessage: 'hi',
  lastMessageAt: 1000,
  createdAt: 1000,
  queuedAt: 1000,
  assignedAt: null,
  firstAgentReplyAt: null,
  resolvedAt: null,
  ...over,
});

export const agent = (over: Partial<AgentStatus> & { id: string }): AgentStatus => ({
  name: over.id,
  email: `${over.id}@example.com`,
  role: 'agent',
  presence: 'online',
  maxChats: 3,
  load: 0,
  status: 'active',
  totp: false,
  departmentIds: [],
  ...over,
});
