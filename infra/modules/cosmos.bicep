// Cosmos DB for the bot's records: one account, one database, one container partitioned by
// /allianceId (every document belongs to exactly one alliance). Serverless by default: an alliance's
// traffic is small and bursty, so paying per request beats reserved throughput.
// Key authentication is off; the App Service signs in with its managed identity, which gets the
// built-in data contributor role here. The store reads the database and container at start-up and
// cannot create them under that role, so they are created here.

param accountName string
param location string
param databaseName string
param containerName string
@description('Principal (object) id of the managed identity the App Service runs as')
param dataContributorPrincipalId string
@description('true: serverless (pay per request). false: provisioned autoscale up to maxThroughput RU/s')
param serverless bool = true
param maxThroughput int = 1000

var serverlessCapability = [
  {
    name: 'EnableServerless'
  }
]
// Serverless containers take no throughput setting.
var throughputOptions = serverless ? {} : {
  autoscaleSettings: {
    maxThroughput: maxThroughput
  }
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? serverlessCapability : []
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = {
  parent: database
  name: containerName
  properties: {
    resource: {
      id: containerName
      partitionKey: {
        paths: [
          '/allianceId'
        ]
        kind: 'Hash'
        version: 2
      }
      // The same policy the bot applies when it creates the container (services/store/cosmos-indexing-policy.ts).
      indexingPolicy: loadJsonContent('cosmos-indexing-policy.json')
    }
    options: throughputOptions
  }
}

// 00000000-0000-0000-0000-000000000002 is Cosmos DB's built-in data contributor role.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, 'data-contributor')
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    principalId: dataContributorPrincipalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
