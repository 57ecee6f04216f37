// Fixed local ports for the stand-ins serve.ts starts, so specs (another process) can reach them.
export const E2E_FAKES = {
  twilioPort: 3191,
  twilioSid: "AC000000000000000000000000000000e2",
  smtpPort: 3192,
  googlePort: 3193,
  mailDir: "test-results/e2e-mail",
};
