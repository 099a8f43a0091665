// Reads [{"token": "...", "certificate": "..."}] as JSON on stdin and, for each, parses the token
// with Agora's official npm builder (agora-token) and verifies its signature. Prints
// [{"parsed": bool, "verified": bool, "services": [{"type": n, "privileges": {...}, "values": [...]}]}]:
// "values" are the service's own fields in the order the official class declares them.
const { AccessToken2 } = require('agora-token/src/AccessToken2')

let input = ''
process.stdin.on('data', chunk => (input += chunk))
process.stdin.on('end', () => {
  const out = JSON.parse(input).map(({ token, certificate }) => {
    const parsed = new AccessToken2()
    const ok = parsed.from_string(token)
    return {
      parsed: ok,
      verified: ok && parsed.verifySignature(certificate),
      services: ok
        ? parsed.services.map(service => ({
            type: service.service_type(),
            privileges: service.__privileges,
            values: Object.keys(service)
              .filter(key => key !== '__type' && key !== '__privileges')
              .map(key => String(service[key]))
          }))
        : []
    }
  })
  process.stdout.write(JSON.stringify(out))
})
