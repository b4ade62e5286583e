// Teams tab sign-in: ask Teams for the SSO token, let the server check it, then open the workspace.
(async function signIn() {
  const status = document.getElementById('sso-status');
  try {
    await microsoftTeams.app.initialize();
    const token = await microsoftTeams.authentication.getAuthToken();
    const response = await fetch('/workspace/sso', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
      credentials: 'include',
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || 'Teams sign-in was refused.');
    window.location.replace(answer.redirect);
  } catch (error) {
    status.textContent = `Could not sign you in: ${error.message} You can also say "open the workspace" to the bot for a sign-in link.`;
  }
})();
