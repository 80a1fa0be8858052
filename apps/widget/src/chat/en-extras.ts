/** The English strings of the chat's rarely needed parts (extras.tsx): src/chat/en-extras.ts -> dist/widget/en-extras.js, loaded with them. */
const x = {
  download: 'Download my data',
  erase: 'Delete my data',
  confirmErase: 'Delete this chat and everything we know about you? This cannot be undone.',
  cancel: 'Cancel',
  eraseYes: 'Yes, delete',
  /** day: '' when it is today. */
  backAt: (day: string, time: string) => `We're back ${day ? `on ${day} ` : ''}at ${time}`,
  noAgents: "No agent is available right now. Leave your email and we'll reply there as soon as someone is back, or leave a message or ask us to call you back.",
  held: "Your message is saved: we'll answer as soon as someone is available",
  emailWhy: 'So our reply reaches you',
  leave: 'Leave a message',
  call: 'Request a call back',
  dontWait: "Don't want to wait? Leave a message or ask us to call you back.",
  back: 'Back',
  timeHint: 'e.g. tomorrow after 3pm',
  thanks: (email: string) => `Thanks! We'll answer at ${email}`,
  willCall: (phone: string) => `Thanks! We'll call you at ${phone}`,
  rateAsk: 'How was this conversation?',
  rates: ['Very bad', 'Bad', 'OK', 'Good', 'Very good'],
  rateThanks: 'Thanks for your feedback!',
  rateChange: 'You can change your rating for 24 hours.',
  comment: 'Anything to add? (optional)',
  sendComment: 'Send comment',
};

export default x;
