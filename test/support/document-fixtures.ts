/** Small real files of every accepted kind, and some that must be refused (made with Python's zipfile). */
const b64 = (s: string) => Buffer.from(s, 'base64');

export const FIXTURES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1'),
  png: b64(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  jpeg: Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00,
    0x01, 0x00, 0x00, 0xff, 0xd9,
  ]),
  text: Buffer.from('Gespreksverslag 12 maart\nMoeder vertelt over de ruzies.\n', 'utf8'),
  docx: b64(
    'UEsDBBQAAAAIABwod115bjPX6AAAAK0BAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbH1QyU7DMBD9FWuuKHHggBCK0wPLETiUDxjZ' +
      'k8SqN3nc0v49Tlt6QIXjzFv1+tXeO7GjzDYGBbdtB4KCjsaGScHn+rV5AMEFg0EXAyk4EMNq6NeHRCyqNrCCuZT0KCXrmTxyGxOF' +
      'iowxeyz1zJNMqDc4kbzrunupYygUSlMWDxj6Zxpx64p42df3qUcmxyCeTsQlSwGm5KzGUnG5C+ZXSnNOaKvyyOHZJr6pBJBXExbk' +
      '74Cz7r0Ok60h8YG5vKGvLPkVs5Em6q2vyvZ/mys94zhaTRf94pZy1MRcF/euvSAebfjpL49zD99QSwMEFAAAAAgAHCh3XZv9N+qt' +
      'AAAAKQEAAAsAAABfcmVscy8ucmVsc43POw7CMAwG4KtE3mlaBoRQ0y4IqSsqB7ASN61oHkrCo7cnAwNFDIy2f3+W6/ZpZnanECdn' +
      'BVRFCYysdGqyWsClP232wGJCq3B2lgQsFKFt6jPNmPJKHCcfWTZsFDCm5A+cRzmSwVg4TzZPBhcMplwGzT3KK2ri27Lc8fBpwNpk' +
      'nRIQOlUB6xdP/9huGCZJRydvhmz6ceIrkWUMmpKAhwuKq3e7yCzwpuarF5sXUEsDBBQAAAAIABwod111xQ4UmgAAANAAAAARAAAA' +
      'd29yZC9kb2N1bWVudC54bWxFjkEOwiAQRa9C2FuqC2OaUneeQN0jjG0TmCEMWnt7oS7cvMnPz7z8/vwJXrwh8Uyo5b5ppQC05GYc' +
      'tbxdL7uTFJwNOuMJQcsVWJ6Hfukc2VcAzKIIkLtFyynn2CnFdoJguKEIWLonpWByiWlUCyUXE1lgLv7g1aFtjyqYGWVVPsit9caK' +
      'VJGHe5nmzdirGirTxrjx96D+Y4YvUEsBAhQDFAAAAAgAHCh3XXluM9foAAAArQEAABMAAAAAAAAAAAAAAIABAAAAAFtDb250ZW50' +
      'X1R5cGVzXS54bWxQSwECFAMUAAAACAAcKHddm/036q0AAAApAQAACwAAAAAAAAAAAAAAgAEZAQAAX3JlbHMvLnJlbHNQSwECFAMU' +
      'AAAACAAcKHdddcUOFJoAAADQAAAAEQAAAAAAAAAAAAAAgAHvAQAAd29yZC9kb2N1bWVudC54bWxQSwUGAAAAAAMAAwC5AAAAuAIA' +
      'AAAA',
  ),
  odt: b64(
    'UEsDBBQAAAAAAAAAIQBexjIMJwAAACcAAAAIAAAAbWltZXR5cGVhcHBsaWNhdGlvbi92bmQub2FzaXMub3BlbmRvY3VtZW50LnRl' +
      'eHRQSwMEFAAAAAgAHCh3XeTrEHuxAAAAaQEAABUAAABNRVRBLUlORi9tYW5pZmVzdC54bWyNkNEKwjAMRX9l5H2r+iRl3d78Av2A' +
      '0mVaaNOyZuL+3m7gnIjgW0Jy77lJ3T68K+44JBtIwb7aQYFkQmfpquByPpVHaJvaa7I9JpavosgySmurYBxIBp1skqQ9JslGhojU' +
      'BTN6JJaf+3IBrd2Gf4ANrbcOy6wepvduPzpXRs03BWJj4bGzuuQpogIdo7NGc7YUd+qqJVe1jVMxPhjE/ygTiGddPuMHdHYU8zi7' +
      'iq9/NU9QSwMEFAAAAAgAHCh3Xetywx+ZAAAAOAEAAAsAAABjb250ZW50LnhtbI2Pzw6CMAzGX4XsjlNPptnGzSdQ73MUsgRawobB' +
      't5d/EjiYeGq+9vu1X1XW11XywjZ4Ji1Oh6NIkBznnkot7rdrehGZUVwU3iHk7LoaKaaOKQ41GWAKME+16FoCtsEHIFtjgOiAG6Qv' +
      'BVs3TKfmTsQ+/kuP3pld9myyn8Wa9Mn5exUjY9RENuYx+CtbKrloJXcuuVsgfzxuPlBLAQIUAxQAAAAAAAAAIQBexjIMJwAAACcA' +
      'AAAIAAAAAAAAAAAAAACAAQAAAABtaW1ldHlwZVBLAQIUAxQAAAAIABwod13k6xB7sQAAAGkBAAAVAAAAAAAAAAAAAACAAU0AAABN' +
      'RVRBLUlORi9tYW5pZmVzdC54bWxQSwECFAMUAAAACAAcKHdd63LDH5kAAAA4AQAACwAAAAAAAAAAAAAAgAExAQAAY29udGVudC54' +
      'bWxQSwUGAAAAAAMAAwCyAAAA8wEAAAAA',
  ),
  exe: Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'),
  html: Buffer.from(
    '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>',
    'utf8',
  ),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', 'utf8'),
  zip: b64('UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=='),
};
