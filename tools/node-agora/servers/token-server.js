// A token server as integrators write them, for `check`'s corpus (tools/…/BrokenServersTest):
// the Shengwang seed's route (GET /api/agora/token, text/plain) or the Gin seed's routes (/ping,
// /rtc, /rtm, /rte; JSON), built with Agora's npm builders, with at most one realistic bug.
//   PORT (0 = any), APP_ID, APP_CERTIFICATE, SHAPE=shengwang|gin, BUG=none|<name below>
// Prints "listening PORT" once it accepts connections. Plain node:http: no framework to install.
const http = require('http')
const { RtcTokenBuilder, RtcRole, RtmTokenBuilder } = require('agora-token')
const legacy = require('agora-access-token')

const APP_ID = process.env.APP_ID
const BUG = process.env.BUG || 'none'
const SHAPE = process.env.SHAPE || 'shengwang'
// stale-cert: the certificate of another project (or an old, rotated one).
const CERT = BUG === 'stale-cert' ? '0123456789abcdef0123456789abcdef' : process.env.APP_CERTIFICATE

if (BUG === 'clock-ahead') {
  // The machine's clock runs 10 minutes ahead: tokens and the Date header both say so.
  const RealDate = Date
  const skew = 600 * 1000
  global.Date = class extends RealDate {
    constructor (...args) {
      if (args.length === 0) super(RealDate.now() + skew)
      else super(...args)
    }

    static now () { return RealDate.now() + skew }
  }
}

// cached: channel -> { token, at } for 10 minutes, whatever was asked.
// cached-keyed: the same, keyed on everything asked, but still kept past the token's expiry.
const cache = new Map()

function rtcToken (channel, uid, isAccount, role, expire) {
  const key = BUG === 'cached-keyed' ? [channel, uid, isAccount, role, expire].join('|') : channel
  if (BUG === 'cached' || BUG === 'cached-keyed') {
    const hit = cache.get(key)
    if (hit && Date.now() - hit.at < 600 * 1000) return hit.token
  }
  let tokenExpire = expire
  let privilegeExpire = expire
  if (BUG === 'millis') { tokenExpire = expire * 1000; privilegeExpire = expire * 1000 }
  if (BUG === 'absolute') privilegeExpire = Math.floor(Date.now() / 1000) + expire
  if (BUG === 'lifetime-ignored') { tokenExpire = 86400; privilegeExpire = 86400 }
  const r = BUG === 'role-ignored' || role === 'publisher' ? RtcRole.PUBLISHER : RtcRole.SUBSCRIBER
  let token
  if (BUG === 'legacy-006') {
    // agora-access-token: AccessToken v1 (006), privilege expiry an absolute time.
    const at = Math.floor(Date.now() / 1000) + expire
    const lr = r === RtcRole.PUBLISHER ? legacy.RtcRole.PUBLISHER : legacy.RtcRole.SUBSCRIBER
    token = isAccount
      ? legacy.RtcTokenBuilder.buildTokenWithAccount(APP_ID, CERT, channel, uid, lr, at)
      : legacy.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, channel, Number(uid), lr, at)
  } else if (isAccount) {
    if (BUG === 'account-mixup') {
      // The account route reuses the uid builder: "alice" becomes NaN, then 0, the wildcard.
      token = RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, channel, parseInt(uid) || 0, r, tokenExpire, privilegeExpire)
    } else {
      token = RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, CERT, channel, uid, r, tokenExpire, privilegeExpire)
    }
  } else if (BUG === 'uid-string-0') {
    // The path or query parameter passed on as the string it is: uid 0 becomes the account "0".
    token = RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, CERT, channel, uid, r, tokenExpire, privilegeExpire)
  } else {
    let n = Number(uid)
    if (BUG === 'uid-ignored') n = 0
    if (BUG === 'uint-overflow') n = n | 0 // a signed 32-bit int: 4294967295 becomes -1
    token = RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, channel, n, r, tokenExpire, privilegeExpire)
  }
  if (BUG === 'cached' || BUG === 'cached-keyed') cache.set(key, { token, at: Date.now() })
  return token
}

function emptyFor (channel) {
  // empty-edge: an answer with no token for the channel names the server's own rules dislike.
  return BUG === 'empty-edge' && (channel.includes('-') || channel.length >= 60)
}

function send (res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type })
  res.end(body)
}

function json (res, status, value) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value))
}

function shengwang (url, res) {
  if (url.pathname !== '/api/agora/token') return json(res, 404, { error: 'not found' })
  const q = url.searchParams
  if (!q.has('channelName')) return json(res, 400, { error: 'channelName is required' })
  const expire = Number(q.get('expireSeconds') || 3600)
  if (!(expire >= 1 && expire <= 86400)) return json(res, 400, { error: 'expireSeconds must be 1..86400' })
  const channel = q.get('channelName')
  if (emptyFor(channel)) return send(res, 200, 'text/plain', '')
  const token = rtcToken(channel, q.get('uid') || '0', false, q.get('role') || 'publisher', expire)
  send(res, 200, 'text/plain; charset=utf-8', token)
}

function gin (url, res) {
  const parts = url.pathname.split('/').filter(p => p !== '').map(decodeURIComponent)
  const expire = Number(url.searchParams.get('expiry') || 3600)
  if (parts[0] === 'ping' && parts.length === 1) return json(res, 200, { message: 'pong' })
  if (parts[0] === 'rtm' && parts.length === 2) {
    return json(res, 200, { rtmToken: RtmTokenBuilder.buildToken(APP_ID, CERT, parts[1], expire) })
  }
  if ((parts[0] === 'rtc' || parts[0] === 'rte') && parts.length === 5) {
    const [kind, channel, role, type, uid] = parts
    if (role !== 'publisher' && role !== 'subscriber') return json(res, 400, { message: 'role must be publisher or subscriber' })
    if (type !== 'uid' && type !== 'userAccount') return json(res, 400, { message: 'tokentype must be uid or userAccount' })
    if (emptyFor(channel)) return json(res, 200, { rtcToken: '' })
    const rtc = rtcToken(channel, uid, type === 'userAccount', role, expire)
    if (kind === 'rtc') return json(res, 200, { rtcToken: rtc })
    return json(res, 200, { rtcToken: rtc, rtmToken: RtmTokenBuilder.buildToken(APP_ID, CERT, uid, expire) })
  }
  json(res, 404, { message: 'not found' })
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost')
  try {
    if (SHAPE === 'gin') gin(url, res)
    else shengwang(url, res)
  } catch (e) {
    json(res, 500, { error: String(e.message || e) })
  }
})
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log('listening ' + server.address().port)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
