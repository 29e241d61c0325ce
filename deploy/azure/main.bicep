// Azure Bot registration for ChatOps: the bot resource, its Teams channel and the messaging
// endpoint of the bot host (which runs on-premises next to the clusters, behind a reverse proxy
// that publishes https://<domain>/api/messages). Deploy with:
//   az deployment group create -g rg-chatops -f main.bicep -p botName=chatops-contoso \
//      endpoint=https://chatops.contoso.com/api/messages appType=SingleTenant appId=<entra app id>

@description('Globally unique bot handle.')
@minLength(2)
@maxLength(64)
param botName string

@description('Name shown in Teams.')
param displayName string = 'ChatOps'

@description('The bot host\'s messaging endpoint; Teams posts every activity here.')
param endpoint string

@description('SingleTenant: an Entra app registration with a secret or certificate (the bot host runs outside Azure). UserAssignedMSI: a managed identity this template creates (the bot host runs in Azure).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string = 'SingleTenant'

@description('The Entra app (client) id for SingleTenant; ignored for UserAssignedMSI.')
param appId string = ''

@description('F0 is free (10,000 premium-channel messages a month; Teams is a standard channel); S1 for production SLAs.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

param tags object = {}

var useIdentity = appType == 'UserAssignedMSI'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (useIdentity) {
  name: '${botName}-identity'
  location: resourceGroup().location
  tags: tags
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  tags: tags
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: useIdentity ? identity!.properties.clientId : appId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: useIdentity ? identity.id : null
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('MicrosoftAppId for the bot host and BotAppId for deploy/teams/New-ChatOpsTeamsPackage.ps1.')
output appId string = bot.properties.msaAppId

@description('MicrosoftAppTenantId for the bot host.')
output tenantId string = tenant().tenantId

@description('MicrosoftAppType for the bot host.')
output appType string = appType
