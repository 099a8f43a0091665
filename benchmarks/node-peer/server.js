// The seed-001 token route on Express with Agora's official npm builder: the peer the sandbox's
// headless backend is measured against (docs/benchmarks.md). PORT, APP_ID, APP_CERTIFICATE from env.
const express = require('express');
const { RtcTokenBuilder, RtcRole } = require('agora-token');

const appId = process.env.APP_ID || '970ca35de60c44645bbae8a215061b33';
const appCertificate = process.env.APP_CERTIFICATE || '5cfd2fd1755d40ecb72977518be15d3b';
const app = express();

app.get('/api/agora/token', (req, res) => {
  const channelName = req.query.channelName;
  if (channelName === undefined) {
    return res.status(400).json({ error: 'channelName is required' });
  }
  const uid = Number(req.query.uid || 0);
  const role = req.query.role === 'subscriber' ? RtcRole.SUBSCRIBER : RtcRole.PUBLISHER;
  const expire = Number(req.query.expireSeconds || 3600);
  if (!Number.isInteger(uid) || uid < 0 || !Number.isInteger(expire) || expire < 1 || expire > 86400) {
    return res.status(400).json({ error: 'bad uid or expireSeconds' });
  }
  const token = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid, role, expire, expire);
  res.type('text/plain').send(token);
});

const port = Number(process.env.PORT || 3000);
app.listen(port, '127.0.0.1', () => console.log(`node peer on http://127.0.0.1:${port}`));
