// A third-party LTI 1.3 tool (ltijs, certified by 1EdTech) on PostgreSQL (ltijs-sequelize), for checking that
// LtiTestPlatform's launches are what a real tool accepts. Launched by LtijsToolTest; configured by environment.
const lti = require('ltijs').Provider;
const Database = require('ltijs-sequelize');

const env = name => {
  if (!process.env[name]) throw new Error('missing ' + name);
  return process.env[name];
};

async function main() {
  const db = new Database(env('PG_DATABASE'), env('PG_USER'), env('PG_PASSWORD'), {
    host: '127.0.0.1', port: Number(env('PG_PORT')), dialect: 'postgres', logging: false,
  });
  // devMode off: the state cookie of the login must come back with the launch, as in production.
  lti.setup(env('LTIJS_KEY'), { plugin: db }, {
    appRoute: '/', loginRoute: '/login', keysetRoute: '/keys',
    cookies: { secure: false, sameSite: '' },
    devMode: false,
  });
  lti.onConnect(async (token, req, res) => {
    const context = token.platformContext || {};
    const endpoint = context.endpoint || {};
    let score = null;
    if (endpoint.lineitem) {
      // Grade passback as ltijs does it: its own client assertion at the platform's token URL, then {lineitem}/scores.
      try {
        const answer = await lti.Grade.submitScore(token, endpoint.lineitem, {
          userId: token.user, scoreGiven: 7, scoreMaximum: 10, activityProgress: 'Completed',
          gradingProgress: 'FullyGraded', timestamp: new Date().toISOString(),
        });
        score = { sent: true, answer };
      } catch (error) {
        score = { sent: false, error: String(error && error.message || error) };
      }
    }
    return res.status(200).json({
      accepted: true, user: token.user, iss: token.iss, clientId: token.clientId, deploymentId: token.deploymentId,
      messageType: context.messageType, targetLinkUri: context.targetLinkUri, lineitem: endpoint.lineitem || null, score,
    });
  });
  await lti.deploy({ serverless: true });
  await lti.registerPlatform({
    url: env('PLATFORM_ISSUER'), name: 'Upward test platform', clientId: env('PLATFORM_CLIENT_ID'),
    authenticationEndpoint: env('PLATFORM_ISSUER') + '/auth', accesstokenEndpoint: env('PLATFORM_ISSUER') + '/token',
    authConfig: { method: 'JWK_SET', key: env('PLATFORM_ISSUER') + '/jwks' },
  });
  lti.app.listen(Number(env('LTIJS_PORT')), '127.0.0.1', () => console.log('ltijs tool listening'));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
