// Channel tab set-up: the tab shows the workspace, signed in as whoever opens it.
(async function configure() {
  await microsoftTeams.app.initialize();
  microsoftTeams.pages.config.registerOnSaveHandler((saveEvent) => {
    const contentUrl = `${window.location.origin}/workspace/teams`;
    microsoftTeams.pages.config
      .setConfig({ entityId: 'workspace', suggestedDisplayName: 'Workspace', contentUrl, websiteUrl: `${window.location.origin}/workspace` })
      .then(() => saveEvent.notifySuccess(), (error) => saveEvent.notifyFailure(String(error)));
  });
  microsoftTeams.pages.config.setValidityState(true);
})();
